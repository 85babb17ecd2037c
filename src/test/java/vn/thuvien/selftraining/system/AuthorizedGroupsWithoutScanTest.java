package vn.thuvien.selftraining.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.thuvien.selftraining.CampaignTest;

/**
 * The engine uses {@link AuthorizedGroupsWithoutScan}'s manager: a user's groups reach the
 * authorization queries unfiltered, without the read of every group id of the authorization table,
 * and the decisions stay the same (a group's grant lets its member see the instance, a group without
 * any grant gives nothing).
 */
@CampaignTest
class AuthorizedGroupsWithoutScanTest {

  static final String KEY = "test-authorized-groups";

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  final List<String> deployments = new ArrayList<>();
  final List<String> grants = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    identity.clearAuthentication();
    jdbc.execute("SET QUERY_STATISTICS FALSE");
    grants.forEach(authorizations::deleteAuthorization);
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  @Test
  void engineOpensTheManagerThatKeepsTheGroupsAsGiven() {
    var factory = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSessionFactories()
        .get(AuthorizationManager.class);
    var manager = (AuthorizationManager) factory.openSession();
    assertThat(manager).isInstanceOf(AuthorizedGroupsWithoutScan.Manager.class);
    assertThat(manager.filterAuthenticatedGroupIds(List.of("principal-X", "no-grant-group")))
        .containsExactly("principal-X", "no-grant-group");
    assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();
  }

  @Test
  void sameDecisionsWithoutReadingEveryGroupId() {
    deployments.add(repository.createDeployment().name(KEY).addModelInstance(KEY + ".bpmn",
        Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent().userTask("Wait").endEvent().done())
        .deploy().getId());
    String instance = runtime.startProcessInstanceByKey(KEY).getId();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("test-readers");
    grant.setResource(Resources.PROCESS_INSTANCE);
    grant.setResourceId(instance);
    grant.addPermission(Permissions.READ);
    grants.add(authorizations.saveAuthorization(grant).getId());

    jdbc.execute("SET QUERY_STATISTICS FALSE");
    jdbc.execute("SET QUERY_STATISTICS TRUE");
    identity.setAuthentication("test-reader", List.of("test-no-grant", "test-readers"));
    long seenByMember = runtime.createProcessInstanceQuery().processInstanceId(instance).count();
    identity.setAuthentication("test-outsider", List.of("test-no-grant"));
    long seenByOutsider = runtime.createProcessInstanceQuery().processInstanceId(instance).count();
    identity.clearAuthentication();

    assertThat(seenByMember).as("member of a group with a grant").isEqualTo(1);
    assertThat(seenByOutsider).as("groups without any grant").isZero();
    List<String> statements = jdbc.queryForList("SELECT sql_statement FROM information_schema.query_statistics",
        String.class);
    assertThat(statements).as("statements of the two queries").isNotEmpty()
        .noneMatch(sql -> sql.toUpperCase().contains("DISTINCT(A.GROUP_ID_)"));
  }
}
