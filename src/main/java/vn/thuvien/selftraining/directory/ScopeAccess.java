package vn.thuvien.selftraining.directory;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.system.AsTheProcess;
import vn.thuvien.selftraining.system.Groups;
import vn.thuvien.selftraining.training.CampaignVariables;

/**
 * Bean {@code scopeAccess}, start listener of every process: lets the managers of the instance's
 * scope read it in Cockpit, and nobody else. A unit's instance (school or participant) is read by
 * its principals and its Phòng's officers; a district's by its officers. Phòng KHTC reads
 * everything through a global grant ({@link AccessSetup}).
 */
@Component("scopeAccess")
public class ScopeAccess implements ExecutionListener {

  private final CampaignStructure structure;

  public ScopeAccess(CampaignStructure structure) {
    this.structure = structure;
  }

  @Override
  public void notify(DelegateExecution execution) throws Exception {
    Set<String> groups = new LinkedHashSet<>();
    Object unitCode = CampaignVariables.UNIT_CODE.get(execution);
    Object districtCode = CampaignVariables.DISTRICT_CODE.get(execution);
    if (unitCode instanceof String unit) {
      groups.add(Groups.principalsOf(unit));
      // the intermediate unit above it when the campaign was launched, whichever way it reports
      String district = structure.districtOf(CampaignVariables.SCHOOL_YEAR.get(execution), unit);
      if (district != null) {
        groups.add(Groups.districtOfficersOf(district));
      }
    }
    if (districtCode instanceof String district) {
      groups.add(Groups.districtOfficersOf(district));
    }
    if (groups.isEmpty()) {
      return;
    }
    grantRead(execution, groups, List.of());
  }

  /**
   * Lets these groups and users read the execution's process instance; the process's doing, not
   * the current user's (who may not administer authorizations).
   */
  public static void grantRead(DelegateExecution execution, Collection<String> groups, Collection<String> users) {
    AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
    String instanceId = execution.getProcessInstanceId();
    AsTheProcess.run(execution.getProcessEngineServices().getIdentityService(), () -> {
      for (String group : groups) {
        Authorization grant = readGrant(authorizations, instanceId);
        grant.setGroupId(group);
        authorizations.saveAuthorization(grant);
      }
      for (String user : users) {
        Authorization grant = readGrant(authorizations, instanceId);
        grant.setUserId(user);
        authorizations.saveAuthorization(grant);
      }
    });
  }

  private static Authorization readGrant(AuthorizationService authorizations, String instanceId) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setResource(Resources.PROCESS_INSTANCE);
    grant.setResourceId(instanceId);
    grant.addPermission(Permissions.READ);
    return grant;
  }
}
