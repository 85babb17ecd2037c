package vn.thuvien.selftraining.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.thuvien.selftraining.CampaignTest;
import vn.thuvien.selftraining.directory.DirectoryImportService;
import vn.thuvien.selftraining.directory.ImportFile;
import vn.thuvien.selftraining.directory.Directory;

/** Each role finds its own Vietnamese Tasklist filters, and the right web applications. */
@CampaignTest
class AccessSetupTest {

  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired DirectoryImportService importer;
  @Autowired vn.thuvien.selftraining.directory.Directory directory;

  @BeforeEach
  void loadDirectory() throws Exception {
    importer.importAsSystem(List.of(
        new ImportFile("don-vi.csv", new org.springframework.core.io.ClassPathResource("demo/don-vi.csv").getContentAsByteArray()),
        new ImportFile("nhan-su.csv", new org.springframework.core.io.ClassPathResource("demo/nhan-su.csv").getContentAsByteArray())));
  }

  @AfterEach
  void logout() {
    identity.clearAuthentication();
  }

  @Test
  void librarianSeesOnlyMyTasks() {
    assertThat(filterNamesOf("nv.lan")).containsExactlyInAnyOrder(AccessSetup.FILTER_MY_TASKS,
        AccessSetup.FILTER_ASSIGNED_TO_ME);
  }

  @Test
  void principalSeesEvaluationsAndUnitTasks() {
    assertThat(filterNamesOf("ht.binh")).containsExactlyInAnyOrder(AccessSetup.FILTER_MY_TASKS,
        AccessSetup.FILTER_ASSIGNED_TO_ME, AccessSetup.FILTER_EVALUATIONS, AccessSetup.FILTER_UNIT_TASKS, AccessSetup.FILTER_CONCERNS);
  }

  @Test
  void phongOfficerSeesTheDistrictTasks() {
    assertThat(filterNamesOf("cb.anhoi")).containsExactlyInAnyOrder(AccessSetup.FILTER_MY_TASKS,
        AccessSetup.FILTER_ASSIGNED_TO_ME, AccessSetup.districtFilterName(directory.intermediateLevelName()),
        AccessSetup.FILTER_CONCERNS);
    assertThat(AccessSetup.districtFilterName(directory.intermediateLevelName())).isEqualTo("Việc của UBND xã/phường");
  }

  @Test
  void phongKhtcOfficerSeesTheDepartmentTasks() {
    assertThat(filterNamesOf("khtc.hoa")).containsExactlyInAnyOrder(AccessSetup.FILTER_MY_TASKS,
        AccessSetup.FILTER_ASSIGNED_TO_ME, AccessSetup.FILTER_DEPARTMENT_TASKS, AccessSetup.FILTER_CONCERNS);
  }

  @Test
  void managersMayOpenCockpitAndLibrariansMayNot() {
    assertThat(may("ht.binh", "cockpit")).isTrue();
    assertThat(may("cb.anhoi", "cockpit")).isTrue();
    assertThat(may("khtc.hoa", "cockpit")).isTrue();
    assertThat(may("nv.lan", "cockpit")).isFalse();
    assertThat(may("nv.lan", "tasklist")).isTrue();
  }

  private boolean may(String userId, String application) {
    return authorizations.isUserAuthorized(userId, groupsOf(userId), Permissions.ACCESS, Resources.APPLICATION,
        application);
  }

  private List<String> filterNamesOf(String userId) {
    identity.setAuthentication(userId, groupsOf(userId));
    return filters.createFilterQuery().list().stream().map(Filter::getName).toList();
  }

  private List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }
}
