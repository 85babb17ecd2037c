package vn.thuvien.selftraining.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.thuvien.selftraining.CampaignTest;
import vn.thuvien.selftraining.SmallProvince;
import vn.thuvien.selftraining.directory.DirectoryImportService;
import vn.thuvien.selftraining.training.StaffSelfTrainingProcess;

/**
 * "Việc của tôi" asks the candidate links only (a participant's task names her as its candidate),
 * so an index answers it; a task handed by hand to someone outside its candidates shows in
 * "Được giao cho tôi" instead.
 */
@CampaignTest
class MyTasksFilterTest {

  static final String YEAR = "2048-2049";

  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired DirectoryImportService importer;

  ProcessInstance lan;

  @BeforeEach
  void participantWithHerPlan() {
    importer.importAsSystem(SmallProvince.files());
    lan = runtime.startProcessInstanceByKey(StaffSelfTrainingProcess.KEY,
        StaffSelfTrainingProcess.businessKey(YEAR, "THCS-A1", "r.nva1"), Map.of(
            StaffSelfTrainingProcess.VAR_SCHOOL_YEAR, YEAR, StaffSelfTrainingProcess.VAR_UNIT_CODE, "THCS-A1",
            StaffSelfTrainingProcess.VAR_PERSON_ID, "r.nva1",
            StaffSelfTrainingProcess.VAR_PERSON_NAME, "Nguyễn Thị Lan Anh"));
  }

  @AfterEach
  void cleanUp() {
    identity.clearAuthentication();
    runtime.deleteProcessInstance(lan.getId(), "Kết thúc ca kiểm thử", true);
  }

  @Test
  void herOwnTaskIsInMyTasksThroughItsCandidateLink() {
    Task plan = plan();
    assertThat(tasks.getIdentityLinksForTask(plan.getId())).anySatisfy(link -> {
      assertThat(link.getUserId()).isEqualTo("r.nva1");
      assertThat(link.getType()).isEqualTo("candidate");
    });
    assertThat(ids("r.nva1", AccessSetup.FILTER_MY_TASKS)).contains(plan.getId());
    assertThat(ids("r.nva1", AccessSetup.FILTER_ASSIGNED_TO_ME)).contains(plan.getId());
    assertThat(ids("r.nva2", AccessSetup.FILTER_MY_TASKS)).doesNotContain(plan.getId());
  }

  @Test
  void aTaskHandedToSomeoneOutsideItsCandidatesIsAssignedToThemNotTheirs() {
    Task plan = plan();
    tasks.setAssignee(plan.getId(), "r.nva2");
    assertThat(ids("r.nva2", AccessSetup.FILTER_MY_TASKS)).doesNotContain(plan.getId());
    assertThat(ids("r.nva2", AccessSetup.FILTER_ASSIGNED_TO_ME)).containsExactly(plan.getId());
  }

  private Task plan() {
    return tasks.createTaskQuery().processInstanceId(lan.getId())
        .taskDefinitionKey(StaffSelfTrainingProcess.TASK_PREPARE_PLAN).singleResult();
  }

  private List<String> ids(String userId, String filterName) {
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identity.setAuthentication(userId, groups);
    try {
      String filterId = filters.createFilterQuery().filterName(filterName).singleResult().getId();
      return filters.<Task>list(filterId).stream().map(Task::getId).toList();
    } finally {
      identity.clearAuthentication();
    }
  }
}
