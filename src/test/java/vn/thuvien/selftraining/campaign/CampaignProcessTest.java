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
import static vn.thuvien.selftraining.campaign.CampaignProcess.*;

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
 * One test per path of {@code self-training-campaign}, on the engine alone: the intermediate units'
 * and the units' models are stubs (see {@link ModelTestSupport}); the calendar and the reminder
 * schedule are the real beans over the letter's default calendar; the campaign's structure and the
 * steps that write records are mocks. A campaign with two Phòng and one unit directly under the Sở
 * is launched on 1/11/2017 and walks the happy path by default ({@link #start}); each test changes
 * only what differs.
 */
@Deployment(resources = {"bpm/self-training-campaign.bpmn", ModelTestSupport.STUB_DISTRICT,
    ModelTestSupport.STUB_SCHOOL})
class CampaignProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .excludeProcessDefinitionKeys(DistrictProcess.KEY, SchoolProcess.KEY)
      .assertClassCoverageAtLeast(1.0)
      .build();

  static final String YEAR = "2017-2018";
  static final List<String> DISTRICTS = List.of("PGD-TPBENTRE", "PGD-CHAUTHANH");
  static final List<String> DIRECT_UNITS = List.of("THPT-CHUYENBENTRE");

  ProcessEngine processEngine;
  ProcessInstance instance;
  CampaignStructure campaignStructure = mock(CampaignStructure.class);
  ExecutionListener campaignLaunch = mock(ExecutionListener.class);
  TaskListener guidancePublished = mock(TaskListener.class);
  JavaDelegate consolidateProvince = mock(JavaDelegate.class);
  TaskListener provinceReportConfirmed = mock(TaskListener.class);
  JavaDelegate provinceReportNotReviewed = mock(JavaDelegate.class);
  TaskListener remind = mock(TaskListener.class);
  JavaDelegate chase = mock(JavaDelegate.class);

  @BeforeEach
  void setUp(ProcessEngine processEngine) {
    this.processEngine = processEngine;
    init(processEngine);
    setClock(LocalDateTime.of(2017, 11, 1, 9, 0));
    when(campaignStructure.reportingIntermediateCodes(YEAR)).thenReturn(DISTRICTS);
    when(campaignStructure.directUnitCodes(YEAR)).thenReturn(DIRECT_UNITS);
    CampaignRepository campaigns = mock(CampaignRepository.class);
    CampaignCalendars calendars = new CampaignCalendars(campaigns);

    Mocks.register("calendar", calendars);
    Mocks.register("reminders", new ReminderSchedule(calendars, campaigns, engineClock(), 3));
    Mocks.register("campaignStructure", campaignStructure);
    Mocks.register("campaignLaunch", campaignLaunch);
    Mocks.register("guidancePublished", guidancePublished);
    Mocks.register("consolidateProvince", consolidateProvince);
    Mocks.register("provinceReportConfirmed", provinceReportConfirmed);
    Mocks.register("provinceReportNotReviewed", provinceReportNotReviewed);
    Mocks.register("remind", remind);
    Mocks.register("chase", chase);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  // ---------------------------------------------------------------- paths

  @Test
  void everythingOnTimeEndsWithTheProvinceReportConfirmed() throws Exception {
    start();
    verify(campaignLaunch).notify(any(DelegateExecution.class));
    assertThat(instance).isWaitingAt(CALL_DISTRICTS, CALL_DIRECT_UNITS, TASK_PUBLISH_GUIDANCE);
    assertThat(calledInstances(processEngine, DistrictProcess.KEY))
        .containsExactly(YEAR + "/PGD-CHAUTHANH", YEAR + "/PGD-TPBENTRE");
    assertThat(calledInstances(processEngine, SchoolProcess.KEY)).containsExactly(YEAR + "/THPT-CHUYENBENTRE");
    Task guidance = task();
    assertThat(guidance).hasCandidateGroup("department-officers");
    assertThat(guidance.getDueDate()).isEqualTo(date(LocalDateTime.of(2018, 2, 28, 23, 59)));

    setClock(LocalDateTime.of(2018, 2, 20, 8, 0));
    complete(guidance, Variables.putValue(VAR_GUIDANCE_CONTENT, "Bài thu hoạch 3–5 trang."));
    verify(guidancePublished).notify(any(DelegateTask.class));
    setClock(LocalDateTime.of(2018, 4, 18, 8, 0));
    completeAllCalled(processEngine, SchoolProcess.KEY);
    completeAllCalled(processEngine, DistrictProcess.KEY);

    verify(consolidateProvince).execute(any(DelegateExecution.class));
    Task review = task();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(TASK_REVIEW_PROVINCE);
    assertThat(review).hasCandidateGroup("department-officers");
    assertThat(review.getDueDate()).as("10 days").isEqualTo(date(LocalDateTime.of(2018, 4, 28, 8, 0)));

    complete(review, Variables.putValue(VAR_PROVINCE_REPORT_NOTE, "Đã chốt số liệu toàn tỉnh."));
    verify(provinceReportConfirmed).notify(any(DelegateTask.class));
    verify(provinceReportNotReviewed, never()).execute(any());
    assertThat(instance).isEnded().hasPassed(END_EVENT_CONSOLIDATED).hasNotPassed(END_EVENT_NOT_REVIEWED);
    assertThat(managementService().createJobQuery().count()).as("timers removed").isZero();
  }

  @Test
  void theProvinceIsConsolidatedOnlyOnceEveryLevelHasReported() throws Exception {
    start();
    complete(task());
    completeAllCalled(processEngine, SchoolProcess.KEY);
    completeCalled(processEngine, DistrictProcess.KEY, YEAR + "/PGD-TPBENTRE");

    assertThat(instance).isWaitingAt(CALL_DISTRICTS).isNotWaitingAt(CALL_DIRECT_UNITS);
    verify(consolidateProvince, never()).execute(any());

    completeCalled(processEngine, DistrictProcess.KEY, YEAR + "/PGD-CHAUTHANH");
    verify(consolidateProvince).execute(any(DelegateExecution.class));
    assertThat(instance).isWaitingAt(TASK_REVIEW_PROVINCE);
  }

  @Test
  void aCampaignWithEveryUnitReportingStraightToTheSoCallsNoIntermediateLevel() throws Exception {
    when(campaignStructure.reportingIntermediateCodes(YEAR)).thenReturn(List.of());
    start();

    assertThat(calledInstances(processEngine, DistrictProcess.KEY)).isEmpty();
    assertThat(instance).isNotWaitingAt(CALL_DISTRICTS);
    complete(task());
    completeAllCalled(processEngine, SchoolProcess.KEY);
    verify(consolidateProvince).execute(any(DelegateExecution.class));
    assertThat(instance).isWaitingAt(TASK_REVIEW_PROVINCE);
  }

  @Test
  void guidanceNotPublishedByTheProvinceDeadlineNoLongerHoldsUpTheConsolidation() throws Exception {
    start();
    Job notPublished = timerOf(BOUNDARY_GUIDANCE_NOT_PUBLISHED);
    assertThat(notPublished.getDuedate()).as("end of the Sở's report due date")
        .isEqualTo(date(LocalDateTime.of(2018, 4, 19, 23, 59)));
    setClock(LocalDateTime.of(2018, 4, 18, 8, 0));
    completeAllCalled(processEngine, SchoolProcess.KEY);
    completeAllCalled(processEngine, DistrictProcess.KEY);
    assertThat(instance).as("every level reported, the guidance still open").isWaitingAt(TASK_PUBLISH_GUIDANCE);
    verify(consolidateProvince, never()).execute(any());

    fireTimer(BOUNDARY_GUIDANCE_NOT_PUBLISHED, LocalDateTime.of(2018, 4, 19, 23, 59));

    assertThat(instance).hasPassed(BOUNDARY_GUIDANCE_NOT_PUBLISHED)
        .isWaitingAt(TASK_REVIEW_PROVINCE);
    verify(guidancePublished, never()).notify(any());
    verify(consolidateProvince).execute(any(DelegateExecution.class));
    assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).list())
        .extracting(Task::getTaskDefinitionKey).as("the guidance task closed").containsExactly(TASK_REVIEW_PROVINCE);
    assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).list())
        .extracting(Job::getDuedate).as("only the review's timer is left")
        .containsExactly(date(LocalDateTime.of(2018, 5, 19, 23, 59)));
  }

  @Test
  void provinceReportNotConfirmedIn30DaysIsRecordedAndTheCampaignEnds() throws Exception {
    walkToReview();
    Job expired = timerOf(BOUNDARY_PROVINCE_REVIEW_EXPIRED);
    assertThat(expired.getDuedate()).isEqualTo(date(LocalDateTime.of(2018, 5, 18, 8, 0)));

    fireTimer(BOUNDARY_PROVINCE_REVIEW_EXPIRED, LocalDateTime.of(2018, 5, 18, 8, 0));

    verify(provinceReportNotReviewed).execute(any(DelegateExecution.class));
    verify(provinceReportConfirmed, never()).notify(any());
    assertThat(instance).isEnded().hasPassed(END_EVENT_NOT_REVIEWED).hasNotPassed(END_EVENT_CONSOLIDATED);
  }

  @Test
  void guidanceOverdueIsChasedAndStaysOpen() throws Exception {
    start();
    String overdue = ReminderLadder.overdueEventId(TASK_PUBLISH_GUIDANCE);
    assertThat(timerOf(overdue).getDuedate()).isEqualTo(date(LocalDateTime.of(2018, 2, 28, 23, 59)));

    fireTimer(overdue, LocalDateTime.of(2018, 2, 28, 23, 59));

    verify(chase).execute(any(DelegateExecution.class));
    assertThat(instance).isWaitingAt(TASK_PUBLISH_GUIDANCE);
    complete(task());
    verify(guidancePublished).notify(any(DelegateTask.class));
  }

  // ---------------------------------------------------------------- due-soon reminder (a timeout listener of the task)

  @Test
  void dueSoonReminderForTheGuidance() throws Exception {
    start();
    Job dueSoon = timeoutOf(processEngine, instance.getId(), ReminderLadder.dueSoonListenerId(TASK_PUBLISH_GUIDANCE));
    assertThat(dueSoon.getDuedate()).isEqualTo(date(LocalDateTime.of(2018, 2, 25, 23, 59)));

    setClock(LocalDateTime.of(2018, 2, 25, 23, 59));
    execute(dueSoon);

    verify(remind).notify(any(DelegateTask.class));
    assertThat(instance).isWaitingAt(TASK_PUBLISH_GUIDANCE);
  }

  // ---------------------------------------------------------------- the campaign's year

  /** Phòng KHTC launches the campaign; the intermediate units' and direct units' instances have started. */
  void start() {
    instance = runtimeService().startProcessInstanceByKey(KEY, YEAR, Map.of(VAR_SCHOOL_YEAR, YEAR));
    runAsyncJobs(processEngine);
  }

  /** Guidance published, every level reported by 18/4: the province report is open. */
  void walkToReview() {
    start();
    setClock(LocalDateTime.of(2018, 2, 20, 8, 0));
    complete(task());
    setClock(LocalDateTime.of(2018, 4, 18, 8, 0));
    completeAllCalled(processEngine, SchoolProcess.KEY);
    completeAllCalled(processEngine, DistrictProcess.KEY);
    assertThat(instance).isWaitingAt(TASK_REVIEW_PROVINCE);
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
    runAsyncJobs(processEngine);
  }
}
