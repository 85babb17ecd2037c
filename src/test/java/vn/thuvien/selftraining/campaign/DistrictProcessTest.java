package vn.thuvien.selftraining.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static vn.thuvien.selftraining.ModelTestSupport.*;
import static vn.thuvien.selftraining.campaign.DistrictProcess.*;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.thuvien.selftraining.ModelTestSupport;
import vn.thuvien.selftraining.directory.CampaignStructure;
import vn.thuvien.selftraining.reminder.ReminderLadder;
import vn.thuvien.selftraining.reminder.ReminderSchedule;
import vn.thuvien.selftraining.training.CampaignCalendars;
import vn.thuvien.selftraining.training.CampaignRepository;

/**
 * One test per path of {@code district-self-training}, on the engine alone: the units' model is a
 * stub (see {@link ModelTestSupport}); the calendar and the reminder schedule are the real beans
 * over the letter's default calendar; the campaign's structure and the steps that write records are
 * mocks. A Phòng with two units is directed on 1/11/2017 and walks the happy path by default
 * ({@link #start}); each test changes only what differs.
 */
@Deployment(resources = {"bpm/district-self-training.bpmn", ModelTestSupport.STUB_SCHOOL})
class DistrictProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .excludeProcessDefinitionKeys(SchoolProcess.KEY)
      .assertClassCoverageAtLeast(1.0)
      .build();

  static final String YEAR = "2017-2018";
  static final String DISTRICT = "PGD-TPBENTRE";
  static final List<String> UNITS = List.of("THCS-PHUHUNG", "TH-PHUTAN");

  ProcessEngine processEngine;
  ProcessInstance instance;
  CampaignStructure campaignStructure = mock(CampaignStructure.class);
  ExecutionListener scopeAccess = mock(ExecutionListener.class);
  JavaDelegate aggregateDistrict = mock(JavaDelegate.class);
  TaskListener districtReportSent = mock(TaskListener.class);
  JavaDelegate districtNotReported = mock(JavaDelegate.class);
  TaskListener remind = mock(TaskListener.class);
  JavaDelegate chase = mock(JavaDelegate.class);

  @BeforeEach
  void setUp(ProcessEngine processEngine) {
    this.processEngine = processEngine;
    init(processEngine);
    setClock(LocalDateTime.of(2017, 11, 1, 9, 0));
    when(campaignStructure.unitCodesOf(YEAR, DISTRICT)).thenReturn(UNITS);
    CampaignRepository campaigns = mock(CampaignRepository.class);
    CampaignCalendars calendars = new CampaignCalendars(campaigns);

    Mocks.register("calendar", calendars);
    Mocks.register("reminders", new ReminderSchedule(calendars, campaigns, engineClock(), 3));
    Mocks.register("campaignStructure", campaignStructure);
    Mocks.register("scopeAccess", scopeAccess);
    Mocks.register("aggregateDistrict", aggregateDistrict);
    Mocks.register("districtReportSent", districtReportSent);
    Mocks.register("districtNotReported", districtNotReported);
    Mocks.register("remind", remind);
    Mocks.register("chase", chase);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  // ---------------------------------------------------------------- paths

  @Test
  void everythingOnTimeEndsWithTheReportSentToTheSo() throws Exception {
    start();
    verify(scopeAccess).notify(any(DelegateExecution.class));
    assertThat(instance).isWaitingAt(CALL_SCHOOLS);
    assertThat(calledInstances(processEngine, SchoolProcess.KEY))
        .containsExactlyInAnyOrder(YEAR + "/THCS-PHUHUNG", YEAR + "/TH-PHUTAN");

    setClock(LocalDateTime.of(2018, 4, 13, 8, 0));
    completeCalled(processEngine, SchoolProcess.KEY, YEAR + "/THCS-PHUHUNG");
    assertThat(instance).as("waits for every unit").isWaitingAt(CALL_SCHOOLS);
    verify(aggregateDistrict, never()).execute(any());
    completeCalled(processEngine, SchoolProcess.KEY, YEAR + "/TH-PHUTAN");

    verify(aggregateDistrict).execute(any(DelegateExecution.class));
    Task review = task();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(TASK_REVIEW_REPORT);
    assertThat(review).hasCandidateGroup("district-" + DISTRICT);
    assertThat(review.getDueDate()).isEqualTo(date(LocalDateTime.of(2018, 4, 16, 23, 59)));

    complete(review, Variables.putValue(VAR_DISTRICT_REPORT_NOTE, "Các trường đã báo cáo đầy đủ."));
    verify(districtReportSent).notify(any(DelegateTask.class));
    verify(districtNotReported, never()).execute(any());
    assertThat(instance).isEnded().hasPassed(END_EVENT_REPORTED).hasNotPassed(END_EVENT_NOT_REPORTED);
    assertThat(managementService().createJobQuery().count()).as("deadline timers removed").isZero();
  }

  @Test
  void aPhongWithNoUnitsGoesStraightToItsReport() throws Exception {
    when(campaignStructure.unitCodesOf(YEAR, DISTRICT)).thenReturn(List.of());
    start();

    assertThat(calledInstances(processEngine, SchoolProcess.KEY)).isEmpty();
    verify(aggregateDistrict).execute(any(DelegateExecution.class));
    assertThat(instance).isWaitingAt(TASK_REVIEW_REPORT);
  }

  @Test
  void provinceDeadlineRecordsThePhongAsNotReported() throws Exception {
    walkToReview();
    Job deadline = timerOf(BOUNDARY_REVIEW_DEADLINE);
    assertThat(deadline.getDuedate()).as("end of the Sở's due date")
        .isEqualTo(date(LocalDateTime.of(2018, 4, 19, 23, 59)));

    fireTimer(BOUNDARY_REVIEW_DEADLINE, LocalDateTime.of(2018, 4, 19, 23, 59));

    verify(districtNotReported).execute(any(DelegateExecution.class));
    verify(districtReportSent, never()).notify(any());
    assertThat(instance).isEnded().hasPassed(TASK_RECORD_NOT_REPORTED, END_EVENT_NOT_REPORTED)
        .hasNotPassed(END_EVENT_REPORTED);
    assertThat(managementService().createJobQuery().count()).isZero();
  }

  @Test
  void districtReportOverdueIsChasedAndStaysOpen() throws Exception {
    walkToReview();
    String overdue = ReminderLadder.overdueEventId(TASK_REVIEW_REPORT);
    assertThat(timerOf(overdue).getDuedate()).isEqualTo(date(LocalDateTime.of(2018, 4, 16, 23, 59)));

    fireTimer(overdue, LocalDateTime.of(2018, 4, 16, 23, 59));

    verify(chase).execute(any(DelegateExecution.class));
    assertThat(instance).isWaitingAt(TASK_REVIEW_REPORT);
    complete(task());
    assertThat(instance).isEnded().hasPassed(END_EVENT_REPORTED);
  }

  // ---------------------------------------------------------------- due-soon reminder (a timeout listener of the task)

  @Test
  void dueSoonReminderForTheDistrictReport() throws Exception {
    walkToReview();
    Job dueSoon = timeoutOf(processEngine, instance.getId(), ReminderLadder.dueSoonListenerId(TASK_REVIEW_REPORT));
    assertThat(dueSoon.getDuedate()).isEqualTo(date(LocalDateTime.of(2018, 4, 13, 23, 59)));

    setClock(LocalDateTime.of(2018, 4, 13, 23, 59));
    execute(dueSoon);

    verify(remind).notify(any(DelegateTask.class));
    assertThat(instance).isWaitingAt(TASK_REVIEW_REPORT);
  }

  // ---------------------------------------------------------------- the Phòng's year

  /** The Sở directs the Phòng; its units' instances have started. */
  void start() {
    instance = runtimeService().startProcessInstanceByKey(KEY, YEAR + "/" + DISTRICT,
        Map.of(CampaignProcess.VAR_SCHOOL_YEAR, YEAR, CampaignProcess.VAR_DISTRICT_CODE, DISTRICT));
    runAsyncJobs(processEngine);
  }

  /** Every unit has reported: the Phòng's review is open. */
  void walkToReview() {
    start();
    setClock(LocalDateTime.of(2018, 4, 10, 8, 0));
    completeAllCalled(processEngine, SchoolProcess.KEY);
    assertThat(instance).isWaitingAt(TASK_REVIEW_REPORT);
  }

  Task task() {
    return taskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  Job timerOf(String activityId) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(activityId).singleResult();
  }

  void fireTimer(String activityId, LocalDateTime at) {
    setClock(at);
    execute(timerOf(activityId));
  }
}
