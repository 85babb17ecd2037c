package vn.thuvien.selftraining.system;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What every logged-in person needs, created once and kept on every start: Tasklist itself, the
 * process definitions (to show names and diagrams of their tasks), and the Vietnamese Tasklist
 * filters. Tasks themselves stay private: the engine grants a task only to its assignee and
 * candidate groups.
 */
@Component
public class AccessSetup {

  private static final Logger LOG = LoggerFactory.getLogger(AccessSetup.class);

  static final String FILTER_MY_TASKS = "Việc của tôi";
  static final String FILTER_GROUP_TASKS = "Việc cần đánh giá";

  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;

  public AccessSetup(AuthorizationService authorizations, FilterService filters, TaskService tasks) {
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
  }

  @EventListener
  public void onDeployed(PostDeployEvent event) {
    grantGlobally(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grantGlobally(Resources.PROCESS_DEFINITION, ANY, Permissions.READ);

    TaskQuery mine = tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}");
    TaskQuery groups = tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks();
    ensureFilter(FILTER_MY_TASKS, mine, -10, "Các việc được giao cho tôi, việc sắp đến hạn ở trên cùng");
    ensureFilter(FILTER_GROUP_TASKS, groups, -5, "Các việc của đơn vị tôi phụ trách, ví dụ đánh giá thu hoạch");
  }

  private void ensureFilter(String name, TaskQuery query, int priority, String description) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name)
          .setQuery(query.orderByDueDate().asc())
          .setProperties(Map.of("priority", priority, "description", description, "refresh", true));
      filters.saveFilter(filter);
      LOG.info("Tasklist filter '{}' created", name);
    }
    grantGlobally(Resources.FILTER, filter.getId(), Permissions.READ);
  }

  private void grantGlobally(Resource resource, String resourceId, Permission permission) {
    boolean exists = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
        .resourceType(resource).resourceId(resourceId).count() > 0;
    if (!exists) {
      Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
      authorization.setUserId(ANY);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      authorization.addPermission(permission);
      authorizations.saveAuthorization(authorization);
    }
  }
}
