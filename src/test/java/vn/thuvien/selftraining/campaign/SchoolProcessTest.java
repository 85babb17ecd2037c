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
import static vn.thuvien.selftraining.campaign.SchoolProcess.*;

import java.time.Duration;
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
import vn.thuvien.selftraining.directory.Directory.Person;
import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.reminder.ReminderLadder;
import vn.thuvien.selftraining.reminder.ReminderSchedule;
import vn.thuvien.selftraining.training.CampaignCalendars;
import vn.thuvien.selftraining.training.CampaignRepository;
import vn.thuvien.selftraining.training.StaffSelfTrainingProcess;

/**
 * One test per path of {@code school-self-training}, on the engine alone: the participants' model
 * is a stub (see {@link ModelTestSupport}); the calendar, the reminder schedule and the unit's
 * direction are the real beans over a mocked directory and the letter's default calendar; the
 * steps that write records are mocks. A unit directed on 10/11/2017 with two people in the
 * directory walks the happy path by default ({@link #start}); each test changes only what differs.
 */
@Deployment(resources = {"bpm/school-self-training.bpmn", ModelTestSupport.STUB_STAFF})
class SchoolProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .excludeProcessDefinitionKeys(StaffSelfTrainingProcess.KEY)
      .assertClassCoverageAtLeast(1.0)
      .build();

  static final String YEAR = "2017-2018";
  static final String UNIT = "THCS-PHUHUNG";
  static final String BUSINESS_KEY = YEAR + "/" + UNIT;
  static final List<Person> DIRECTORY = List.of(
      new Person("nv.lan", "Nguyễn Thị Lan", "nv.lan@example.edu.vn", true, List.of()),
      new Person("gv.minh", "Lê Văn Minh", "gv.minh@example.edu.vn", true, List.of()));

  ProcessEngine processEngine;
  ProcessInstance instance;
  Directory directory = mock(Directory.class);
  ExecutionListener scopeAccess = mock(ExecutionListener.class);
  TaskListener participantsConfirmed = mock(TaskListener.class);
  JavaDelegate summariseUnit = mock(JavaDelegate.class);
  TaskListener unitReportSent = mock(TaskListener.class);
  JavaDelegate unitNotReported = mock(JavaDelegate.class);
  TaskListener remind = mock(TaskListener.class);
  JavaDelegate chase = mock(JavaDelegate.class);

  @BeforeEach
  void setUp(ProcessEngine processEngine) {
    this.processEngine = processEngine;
    init(processEngine);
    setClock(LocalDateTime.of(2017, 11, 10, 9, 0));
    when(directory.participantsOf(UNIT)).thenReturn(DIRECTORY);
    when(directory.participantRoleLabel(any(), any())).thenReturn("Nhân viên thư viện");
    when(directory.personName("nv.lan")).thenReturn("Nguyễn Thị Lan");
    when(directory.personName("gv.minh")).thenReturn("Lê Văn Minh");
    CampaignRepository campaigns = mock(CampaignRepository.class);
    CampaignCalendars calendars = new CampaignCalendars(campaigns);

    Mocks.register("calendar", calendars);
    Mocks.register("reminders", new ReminderSchedule(calendars, campaigns, engineClock(), 3));
    Mocks.register("directory", directory);
    Mocks.register("unitDirection", new UnitDirection(directory, calendars, engineClock(), Duration.ofDays(3)));
    Mocks.register("scopeAccess", scopeAccess);
    Mocks.register("participantsConfirmed", participantsConfirmed);
    Mocks.register("summariseUnit", summariseUnit);
    Mocks.register("unitReportSent", unitReportSent);
    Mocks.register("unitNotReported", unitNotReported);
    Mocks.register("remind", remind);
    Mocks.register("chase", chase);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  // ---------------------------------------------------------------- paths

  @Test
  void everythingOnTimeEndsWithTheUnitReportSent() throws Exception {
    start();
    assertThat(instance).isWaitingAt(CALL_PARTICIPANTS, TASK_CONFIRM_PARTICIPANTS);
    assertThat(calledInstances(processEngine, StaffSelfTrainingProcess.KEY))
        .containsExactly(BUSINESS_KEY + "/gv.minh", BUSINESS_KEY + "/nv.lan");
    assertThat(runtimeService().getVariable(instance.getId(), VAR_CANDIDATE_PARTICIPANTS)).asString()
        .contains("\"id\":\"nv.lan\"", "\"name\":\"Nguyễn Thị Lan\"", "\"role\":\"Nhân viên thư viện\"");
    Task confirm = task();
    assertThat(confirm).hasCandidateGroup("principal-" + UNIT);
    assertThat(confirm.getDueDate()).isEqualTo(date(LocalDateTime.of(2017, 11, 30, 23, 59)));

    complete(confirm, Variables.putValue(VAR_PARTICIPANT_IDS, "nv.lan,gv.minh"));
    verify(participantsConfirmed).notify(any(DelegateTask.class));
    assertThat(instance).isWaitingAt(CALL_PARTICIPANTS);
    verify(summariseUnit, never()).execute(any());

    setClock(LocalDateTime.of(2018, 4, 11, 8, 0));
    completeAllCalled(processEngine, StaffSelfTrainingProcess.KEY);
    verify(summariseUnit).execute(any(DelegateExecution.class));
    Task report = task();
    assertThat(report.getTaskDefinitionKey()).isEqualTo(TASK_SEND_UNIT_REPORT);
    assertThat(report).hasCandidateGroup("principal-" + UNIT);
    assertThat(report.getDueDate()).isEqualTo(date(LocalDateTime.of(2018, 4, 12, 23, 59)));

    complete(report, Variables.putValue(VAR_UNIT_REPORT_NOTE, "Đơn vị đã hoàn thành đúng kế hoạch."));
    verify(unitReportSent).notify(any(DelegateTask.class));
    verify(scopeAccess).notify(any(DelegateExecution.class));
    assertThat(instance).isEnded().hasPassed(END_EVENT_REPORTED).hasNotPassed(END_EVENT_NOT_REPORTED);
    verify(unitNotReported, never()).execute(any());
    assertThat(managementService().createJobQuery().count()).as("deadline timers removed").isZero();
  }

  @Test
  void theUnitReportWaitsForTheConfirmationEvenWhenEveryParticipantIsDone() throws Exception {
    start();
    completeAllCalled(processEngine, StaffSelfTrainingProcess.KEY);

    assertThat(instance).isWaitingAt(TASK_CONFIRM_PARTICIPANTS);
    verify(summariseUnit, never()).execute(any());
    complete(task(), Variables.putValue(VAR_PARTICIPANT_IDS, "nv.lan,gv.minh"));
    assertThat(instance).isWaitingAt(TASK_SEND_UNIT_REPORT);
  }

  @Test
  void confirmationDeadlineKeepsTheDirectorysListAndTheUnitGoesOn() throws Exception {
    start();
    Job deadline = timerOf(BOUNDARY_CONFIRM_DEADLINE);
    assertThat(deadline.getDuedate()).as("the plan's due date")
        .isEqualTo(date(LocalDateTime.of(2017, 11, 30, 23, 59)));

    fireTimer(BOUNDARY_CONFIRM_DEADLINE, LocalDateTime.of(2017, 11, 30, 23, 59));

    assertThat(instance).hasPassed(BOUNDARY_CONFIRM_DEADLINE).isWaitingAt(CALL_PARTICIPANTS);
    assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count())
        .as("confirmation task closed").isZero();
    verify(participantsConfirmed, never()).notify(any());
    assertThat(calledInstances(processEngine, StaffSelfTrainingProcess.KEY)).as("the directory's list stays")
        .containsExactly(BUSINESS_KEY + "/gv.minh", BUSINESS_KEY + "/nv.lan");

    setClock(LocalDateTime.of(2018, 4, 11, 8, 0));
    completeAllCalled(processEngine, StaffSelfTrainingProcess.KEY);
    verify(summariseUnit).execute(any(DelegateExecution.class));
    complete(task());
    assertThat(instance).isEnded().hasPassed(END_EVENT_REPORTED);
  }

  @Test
  void aUnitDirectedShortlyBeforeThePlanIsDueStillHasThreeDaysToConfirm() {
    setClock(LocalDateTime.of(2017, 11, 29, 14, 30));
    start();

    assertThat(task().getDueDate()).isEqualTo(date(LocalDateTime.of(2017, 12, 2, 14, 30)));
    assertThat(timerOf(BOUNDARY_CONFIRM_DEADLINE).getDuedate()).isEqualTo(task().getDueDate());
    fireTimer(BOUNDARY_CONFIRM_DEADLINE, LocalDateTime.of(2017, 12, 2, 14, 30));
    assertThat(instance).hasPassed(BOUNDARY_CONFIRM_DEADLINE).isWaitingAt(CALL_PARTICIPANTS);
  }

  @Test
  void aUnitWithNobodyInTheDirectoryReportsOnceConfirmed() throws Exception {
    when(directory.participantsOf(UNIT)).thenReturn(List.of());
    start();

    assertThat(calledInstances(processEngine, StaffSelfTrainingProcess.KEY)).isEmpty();
    assertThat(instance).isWaitingAt(TASK_CONFIRM_PARTICIPANTS);
    complete(task(), Variables.putValue(VAR_PARTICIPANT_IDS, ""));
    verify(summariseUnit).execute(any(DelegateExecution.class));
    assertThat(instance).isWaitingAt(TASK_SEND_UNIT_REPORT);
  }

  @Test
  void reportDeadlineRecordsTheUnitAsNotReported() throws Exception {
    walkToUnitReport();
    Job deadline = timerOf(BOUNDARY_REPORT_DEADLINE);
    assertThat(deadline.getDuedate()).as("start of the intermediate level's due date")
        .isEqualTo(date(LocalDateTime.of(2018, 4, 16, 0, 0)));

    fireTimer(BOUNDARY_REPORT_DEADLINE, LocalDateTime.of(2018, 4, 16, 0, 0));

    verify(unitNotReported).execute(any(DelegateExecution.class));
    verify(unitReportSent, never()).notify(any());
    assertThat(instance).isEnded().hasPassed(END_EVENT_NOT_REPORTED).hasNotPassed(END_EVENT_REPORTED);
    assertThat(managementService().createJobQuery().count()).isZero();
  }

  @Test
  void unitReportOverdueIsChasedAndStaysOpen() throws Exception {
    walkToUnitReport();
    String overdue = ReminderLadder.overdueEventId(TASK_SEND_UNIT_REPORT);
    assertThat(timerOf(overdue).getDuedate()).isEqualTo(date(LocalDateTime.of(2018, 4, 12, 23, 59)));

    fireTimer(overdue, LocalDateTime.of(2018, 4, 12, 23, 59));

    verify(chase).execute(any(DelegateExecution.class));
    assertThat(instance).isWaitingAt(TASK_SEND_UNIT_REPORT);
    complete(task());
    assertThat(instance).isEnded().hasPassed(END_EVENT_REPORTED);
  }

  // ---------------------------------------------------------------- due-soon reminder (a timeout listener of the task)

  @Test
  void dueSoonReminderForTheUnitReport() throws Exception {
    walkToUnitReport();
    Job dueSoon = timeoutOf(processEngine, instance.getId(), ReminderLadder.dueSoonListenerId(TASK_SEND_UNIT_REPORT));
    assertThat(dueSoon.getDuedate()).isEqualTo(date(LocalDateTime.of(2018, 4, 9, 23, 59)));

    setClock(LocalDateTime.of(2018, 4, 9, 23, 59));
    execute(dueSoon);

    verify(remind).notify(any(DelegateTask.class));
    assertThat(instance).isWaitingAt(TASK_SEND_UNIT_REPORT);
  }

  // ---------------------------------------------------------------- the unit's year

  /** The unit receives the campaign; its start (async) has run. */
  void start() {
    instance = runtimeService().startProcessInstanceByKey(KEY, BUSINESS_KEY,
        Map.of(CampaignProcess.VAR_SCHOOL_YEAR, YEAR, CampaignProcess.VAR_UNIT_CODE, UNIT));
    runAsyncJobs(processEngine);
  }

  /** Confirmed on time, every participant done: the unit report is open. */
  void walkToUnitReport() {
    start();
    complete(task(), Variables.putValue(VAR_PARTICIPANT_IDS, "nv.lan,gv.minh"));
    setClock(LocalDateTime.of(2018, 4, 5, 8, 0));
    completeAllCalled(processEngine, StaffSelfTrainingProcess.KEY);
    assertThat(instance).isWaitingAt(TASK_SEND_UNIT_REPORT);
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
