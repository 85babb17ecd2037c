package vn.thuvien.selftraining.access;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.campaign.CampaignProcess;
import vn.thuvien.selftraining.campaign.SchoolProcess;
import vn.thuvien.selftraining.concern.ConcernProcess;
import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.directory.DirectoryImported;
import vn.thuvien.selftraining.system.Groups;
import vn.thuvien.selftraining.training.StaffSelfTrainingProcess;

/**
 * Who may use what, created on every start (idempotent):
 * <ul>
 * <li>everyone: Tasklist, the process definitions (names and diagrams of their tasks), "Việc của tôi";</li>
 * <li>principals, Phòng officers, Phòng KHTC: Cockpit, where they see only the instances that
 * {@link ScopeAccess} grants them; Phòng KHTC reads every instance and launches campaigns;</li>
 * <li>a Vietnamese Tasklist filter per role.</li>
 * </ul>
 * Tasks stay private: the engine grants a task only to its assignee and candidate groups.
 */
@Component
public class AccessSetup {

  private static final Logger LOG = LoggerFactory.getLogger(AccessSetup.class);

  public static final String FILTER_MY_TASKS = "Việc của tôi";
  public static final String FILTER_ASSIGNED_TO_ME = "Được giao cho tôi";
  public static final String FILTER_EVALUATIONS = "Việc cần đánh giá";
  public static final String FILTER_UNIT_TASKS = "Việc của đơn vị";
  /** The intermediate level's filter is named as the directory names the level ("Việc của UBND xã/phường"). */
  public static final String FILTER_DISTRICT_TASKS_PREFIX = "Việc của ";
  /** Property that finds the intermediate level's filter whatever its name. */
  static final String FILTER_KEY = "selfTrainingKey";
  static final String DISTRICT_TASKS_KEY = "district-tasks";
  /** Its name before the level was data. */
  static final String LEGACY_DISTRICT_FILTER = "Việc của Phòng";
  public static final String FILTER_DEPARTMENT_TASKS = "Việc của Sở";
  public static final String FILTER_CONCERNS = "Phản ánh cần trả lời";

  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final Directory directory;
  private final IdentityService identity;

  public AccessSetup(AuthorizationService authorizations, FilterService filters, TaskService tasks,
      Directory directory, IdentityService identity) {
    this.directory = directory;
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
  }

  @EventListener
  @Order(0)
  public void onDeployed(PostDeployEvent event) {
    grant(null, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(null, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    for (String manager : List.of(Groups.PRINCIPALS, Groups.DISTRICT_OFFICERS, Groups.DEPARTMENT_OFFICERS)) {
      grant(manager, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    }
    grant(Groups.DEPARTMENT_OFFICERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(Groups.DEPARTMENT_OFFICERS, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    grant(Groups.DEPARTMENT_OFFICERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(Groups.DEPARTMENT_OFFICERS, Resources.PROCESS_DEFINITION, CampaignProcess.KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(Groups.DEPARTMENT_OFFICERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    // anyone below Phòng KHTC may raise a concern to the level above
    for (String raiser : List.of(Groups.PARTICIPANTS, Groups.PRINCIPALS, Groups.DISTRICT_OFFICERS)) {
      grant(raiser, Resources.PROCESS_DEFINITION, ConcernProcess.KEY, ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(raiser, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }

    // everything I may act on: a participant's own tasks name her as their candidate too, so one
    // condition on the candidate links (mine or my groups', claimed or not) finds them all; an OR with
    // the assignee column could use no index (PostgreSQL read every open task: 133-143 ms at 90,000)
    ensureFilter(FILTER_MY_TASKS, null, -20, "Mọi việc tôi cần làm; việc sắp đến hạn ở trên cùng",
        tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}").includeAssignedTasks());
    // a task handed by hand to someone who is not among its candidates
    ensureFilter(FILTER_ASSIGNED_TO_ME, null, -19, "Việc được giao trực tiếp cho tôi",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensureFilter(FILTER_EVALUATIONS, Groups.PRINCIPALS, -15, "Bài thu hoạch chờ Hiệu trưởng đánh giá",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .taskDefinitionKey(StaffSelfTrainingProcess.TASK_EVALUATE_REPORT));
    ensureFilter(FILTER_UNIT_TASKS, Groups.PRINCIPALS, -10, "Chỉ đạo và báo cáo của đơn vị", tasks.createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
        .taskDefinitionKeyIn(SchoolProcess.TASK_CONFIRM_PARTICIPANTS, SchoolProcess.TASK_SEND_UNIT_REPORT));
    for (String receiver : List.of(Groups.PRINCIPALS, Groups.DISTRICT_OFFICERS, Groups.DEPARTMENT_OFFICERS)) {
      ensureFilter(FILTER_CONCERNS, receiver, -12, "Phản ánh vướng mắc gửi đến, cần trả lời hoặc chuyển lên cấp trên",
          tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
              .taskDefinitionKey(ConcernProcess.TASK_ANSWER));
    }
    ensureDistrictFilter(directory.intermediateLevelName());
    ensureFilter(FILTER_DEPARTMENT_TASKS, Groups.DEPARTMENT_OFFICERS, -10, "Việc của Phòng KHTC, Sở GD&ĐT",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
  }

  /** After an import the level may be called otherwise (communes instead of Phòng GD&ĐT). */
  @EventListener
  public void onDirectoryImported(DirectoryImported event) {
    // the application's doing, not the importer's (who may not administer filters)
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      ensureDistrictFilter(event.intermediateLevel());
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  /** The tasks of an intermediate unit's officers, named as the directory names the level. */
  void ensureDistrictFilter(String levelName) {
    String name = districtFilterName(levelName);
    Filter filter = filters.createFilterQuery().list().stream()
        .filter(f -> DISTRICT_TASKS_KEY.equals(f.getProperties() == null ? null : f.getProperties().get(FILTER_KEY)))
        .findFirst().orElseGet(() -> filters.createFilterQuery().filterName(LEGACY_DISTRICT_FILTER).singleResult());
    if (filter != null && !filter.getName().equals(name)) {
      filter.setName(name);
      filters.saveFilter(filter);
      LOG.info("Tasklist filter of the intermediate level renamed '{}'", name);
    }
    ensureFilter(name, Groups.DISTRICT_OFFICERS, -10, "Việc của " + levelName + " (tổng hợp, duyệt và gửi báo cáo về Sở)",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
        Map.of(FILTER_KEY, DISTRICT_TASKS_KEY));
  }

  /** "Việc của UBND xã/phường", "Việc của Phòng GD&ĐT". */
  public static String districtFilterName(String levelName) {
    return FILTER_DISTRICT_TASKS_PREFIX + levelName;
  }

  private void ensureFilter(String name, String group, int priority, String description, TaskQuery query) {
    ensureFilter(name, group, priority, description, query, Map.of());
  }

  private void ensureFilter(String name, String group, int priority, String description, TaskQuery query,
      Map<String, Object> extra) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    boolean created = filter == null;
    if (created) {
      filter = filters.newTaskFilter(name);
    }
    // kept in step with this code on every start, so a changed filter reaches existing installations
    filter.setQuery(query.orderByDueDate().asc())
        .setProperties(properties(priority, description, extra));
    filters.saveFilter(filter);
    if (created) {
      LOG.info("Tasklist filter '{}' created", name);
    }
    grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
  }

  private static Map<String, Object> properties(int priority, String description, Map<String, Object> extra) {
    Map<String, Object> properties = new java.util.LinkedHashMap<>(extra);
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("refresh", true);
    return properties;
  }

  /** A grant to a group, or to everyone when {@code group} is null; added once. */
  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    var query = authorizations.createAuthorizationQuery().resourceType(resource).resourceId(resourceId);
    query = group == null ? query.authorizationType(AUTH_TYPE_GLOBAL) : query.groupIdIn(group);
    Authorization authorization = query.singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(group == null ? AUTH_TYPE_GLOBAL : AUTH_TYPE_GRANT);
      if (group == null) {
        authorization.setUserId(ANY);
      } else {
        authorization.setGroupId(group);
      }
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = false;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
