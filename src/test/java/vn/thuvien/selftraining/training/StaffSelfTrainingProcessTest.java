package vn.thuvien.selftraining.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.thuvien.selftraining.reminder.ReminderLadder;
import vn.thuvien.selftraining.dossier.Dossier;
import vn.thuvien.selftraining.dossier.DossierPdf;
import vn.thuvien.selftraining.dossier.Dossiers;
import vn.thuvien.selftraining.system.InvalidInputException;
import vn.thuvien.selftraining.training.ParticipantRecords.ParticipantRecord;
import vn.thuvien.selftraining.training.ParticipantRecords.PhaseRecord;

/**
 * One test per path of {@code staff-self-training}. Time is the engine's clock; timers are fired
 * explicitly. A participant walks the happy path by default ({@link #walkTo}); each test changes
 * only what differs.
 */
@Deployment(resources = {"bpm/staff-self-training.bpmn", "bpm/report-classification.dmn"})
class StaffSelfTrainingProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  static final String YEAR = "2017-2018";
  static final String UNIT = "THCS-PHUHUNG";
  static final String PERSON = "nv.lan";
  static final long MAX_REPORT_BYTES = 10L * 1024 * 1024;

  static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);

  EngineTestSupport support;
  ProcessEngine processEngine;
  ProcessInstance instance;

  @BeforeEach
  void setUp(ProcessEngine processEngine) {
    init(processEngine);
    this.processEngine = processEngine;
    support = new EngineTestSupport(processEngine, MAX_REPORT_BYTES);
    EngineTestSupport.setClock(LocalDateTime.of(2017, 11, 20, 9, 0));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  // ---------------------------------------------------------------- paths

  @Test
  void everythingOnTimeEndsEvaluatedAndClassified() {
    start();
    Task plan = task();
    assertThat(plan.getName()).isEqualTo("Lập hồ sơ tự bồi dưỡng và kế hoạch");
    assertThat(plan).isAssignedTo(PERSON);
    assertThat(plan.getDueDate()).isEqualTo(EngineTestSupport.date(LocalDateTime.of(2017, 11, 30, 23, 59)));

    walkTo(TASK_EVALUATE_REPORT);
    assertThat(task()).hasCandidateGroup(principalGroup(UNIT));
    evaluate(9.5, "Bài viết tốt, có liên hệ thực tế.");

    assertThat(instance).isEnded().hasPassed(TASK_CLASSIFY_REPORT, TASK_RECORD_RESULT)
        .hasNotPassed(TASK_RECORD_OVERDUE);
    assertThat(instance).variables().containsEntry(VAR_CLASSIFICATION, "Giỏi");

    ParticipantRecord record = record();
    assertThat(record.status()).isEqualTo(ParticipantStatus.EVALUATED);
    assertThat(record.classification()).isEqualTo("Giỏi");
    assertThat(record.score()).isEqualByComparingTo("9.5");
    assertThat(record.topic()).isEqualTo("Xây dựng thư viện xanh");
    assertThat(record.reportTitle()).isEqualTo("Xây dựng thư viện xanh ở trường THCS");
    assertThat(record.evaluationComment()).isEqualTo("Bài viết tốt, có liên hệ thực tế.");
    assertThat(record.reportFileId()).isNotNull();
    assertThat(support.reportFiles.find(record.reportFileId()).content()).isEqualTo(PDF);
    assertThat(phases()).hasSize(Phase.values().length)
        .allSatisfy(p -> assertThat(p.onTime()).as(p.phase().name()).isTrue());
    assertThat(managementService().createJobQuery().count()).as("cut-off timer removed").isZero();
  }

  @Test
  void eachPhaseTaskOpensOnItsStartDateWithItsDueDate() {
    start();
    completePlan();
    assertThat(instance).isWaitingAt(TIMER_COMMON_PART_OPENS);
    Job opening = timerOf(TIMER_COMMON_PART_OPENS);
    assertThat(opening.getDuedate()).isEqualTo(EngineTestSupport.date(LocalDateTime.of(2017, 12, 1, 0, 0)));

    fireTimer(TIMER_COMMON_PART_OPENS, LocalDateTime.of(2017, 12, 1, 7, 0));
    assertThat(instance).isWaitingAt(TASK_STUDY_COMMON_PART);
    assertThat(task().getDueDate()).isEqualTo(EngineTestSupport.date(LocalDateTime.of(2017, 12, 31, 23, 59)));
  }

  @Test
  void phaseWhoseStartDateHasPassedOpensAtOnce() {
    EngineTestSupport.setClock(LocalDateTime.of(2017, 12, 10, 9, 0));
    start();
    completePlan();
    Job opening = timerOf(TIMER_COMMON_PART_OPENS);
    assertThat(opening.getDuedate()).isBefore(EngineTestSupport.date(LocalDateTime.of(2017, 12, 10, 9, 0)));
    execute(opening);
    assertThat(instance).isWaitingAt(TASK_STUDY_COMMON_PART);
  }

  @ParameterizedTest
  @EnumSource(Phase.class)
  void lateCompletionOfAPhaseIsRecordedLateAndTheYearGoesOn(Phase late) {
    start();
    walkTo(late.taskId());
    LocalDate due = CampaignCalendar.defaultFor(YEAR).dueDate(late);
    EngineTestSupport.setClock(due.plusDays(1).atTime(8, 0));
    walkTo(END_EVENT_EVALUATED);

    assertThat(instance).isEnded();
    assertThat(record().status()).isEqualTo(ParticipantStatus.EVALUATED);
    for (PhaseRecord phase : phases()) {
      assertThat(phase.onTime()).as(phase.phase().name()).isEqualTo(phase.phase() != late);
    }
  }

  @Test
  void theReportIsServedWithTheTypeFoundInItsContentNotTheOneTheBrowserDeclared() {
    start();
    walkTo(TASK_SUBMIT_REPORT);
    Map<String, Object> variables = new HashMap<>();
    variables.put(VAR_REPORT_FILE, Variables.fileValue("thu-hoach.pdf").file(PDF).mimeType("text/html").create());
    taskService().complete(task().getId(), variables);

    org.camunda.bpm.engine.variable.value.FileValue stored = runtimeService()
        .getVariableTyped(instance.getId(), VAR_REPORT_FILE);
    assertThat(stored.getMimeType()).isEqualTo(ReportFileValidator.PDF);
    assertThat(stored.getFilename()).isEqualTo("thu-hoach.pdf");
  }

  @Test
  void returnedReportGoesBackToTheParticipantThenIsAccepted() {
    start();
    walkTo(TASK_EVALUATE_REPORT);
    complete(task(), Variables.putValue(VAR_REPORT_ACCEPTED, false)
        .putValue(VAR_RETURN_REASON, "Cần bổ sung phần liên hệ thực tế tại trường."));

    assertThat(instance).isWaitingAt(TASK_SUBMIT_REPORT);
    assertThat(task()).isAssignedTo(PERSON);
    assertThat(record().status()).isEqualTo(ParticipantStatus.RETURNED);
    assertThat(record().revisionCount()).isEqualTo(1);
    assertThat(record().lastReturnReason()).isEqualTo("Cần bổ sung phần liên hệ thực tế tại trường.");

    submitReport("thu-hoach-ban-sua.pdf", PDF);
    evaluate(7.5, null);

    assertThat(instance).isEnded().hasPassed(END_EVENT_EVALUATED);
    assertThat(record().classification()).isEqualTo("Khá");
    assertThat(support.reportFiles.countFor(record().id())).isEqualTo(2);
  }

  @Test
  void eachReturnTellsTheParticipantWhyEvenTwiceOnTheDayShePostedIt() {
    start();
    walkTo(TASK_SUBMIT_REPORT);
    support.jdbc.update("DELETE FROM mail_outbox");
    submitReport("thu-hoach.pdf", PDF);
    complete(task(), Variables.putValue(VAR_REPORT_ACCEPTED, false)
        .putValue(VAR_RETURN_REASON, "Cần bổ sung phần liên hệ thực tế tại trường."));
    String reopened = task().getId();
    submitReport("thu-hoach-ban-sua.pdf", PDF);
    complete(task(), Variables.putValue(VAR_REPORT_ACCEPTED, false)
        .putValue(VAR_RETURN_REASON, "Trích dẫn tài liệu chưa đúng quy định."));

    assertThat(support.jdbc.queryForList("SELECT kind || ' ' || recipient_id || ' ' || task_definition_key || ' '"
        + " || detail FROM mail_outbox WHERE recipient_id = ? ORDER BY id", String.class, PERSON)).containsExactly(
        "REPORT_RETURNED nv.lan Task_SubmitReport Cần bổ sung phần liên hệ thực tế tại trường.",
        "REPORT_RETURNED nv.lan Task_SubmitReport Trích dẫn tài liệu chưa đúng quy định.");
    assertThat(support.jdbc.queryForList("SELECT dedup_key FROM mail_outbox WHERE kind = 'REPORT_RETURNED' ORDER BY id",
        String.class)).first().asString().endsWith("|" + reopened);
  }

  @Test
  void guidancePublishedAfterTheParticipantWaitsReleasesThem() {
    start();
    walkTo(TASK_STUDY_OPTIONAL_PART);
    completeOptionalPart();
    assertThat(instance).isWaitingAt(MESSAGE_EVENT_GUIDANCE);

    int released = support.guidance.publish(YEAR, "Bài thu hoạch 3–5 trang, nêu rõ kế hoạch áp dụng.", "khtc.hoa");

    assertThat(released).isEqualTo(1);
    assertThat(instance).isWaitingAt(TIMER_WRITING_OPENS).hasPassed(MESSAGE_EVENT_GUIDANCE);
  }

  @Test
  void guidancePublishedBeforeTheParticipantArrivesMeansNoWait() {
    support.guidance.publish(YEAR, "Hướng dẫn viết thu hoạch năm học 2017-2018.", "khtc.hoa");
    start();
    walkTo(TASK_STUDY_OPTIONAL_PART);
    completeOptionalPart();

    assertThat(instance).isWaitingAt(TIMER_WRITING_OPENS).hasNotPassed(MESSAGE_EVENT_GUIDANCE);
  }

  @Test
  void guidanceOfAnotherSchoolYearReleasesNobody() {
    start();
    walkTo(TASK_STUDY_OPTIONAL_PART);
    completeOptionalPart();

    assertThat(support.guidance.publish("2018-2019", "Hướng dẫn năm sau.", "khtc.hoa")).isZero();
    assertThat(instance).isWaitingAt(MESSAGE_EVENT_GUIDANCE);
  }

  @Test
  void cutOffWithATaskOpenClosesTheYearAsIncompleteOverdue() {
    start();
    walkTo(TASK_STUDY_COMMON_PART);

    fireTimer(BOUNDARY_CUT_OFF, LocalDateTime.of(2018, 4, 13, 0, 5));

    assertThat(instance).isEnded().hasPassed(TASK_RECORD_OVERDUE, END_EVENT_CLOSED_OVERDUE);
    assertThat(taskService().createTaskQuery().count()).isZero();
    assertThat(record().status()).isEqualTo(ParticipantStatus.INCOMPLETE_OVERDUE);
    assertThat(phases()).filteredOn(p -> p.phase() == Phase.COMMON_PART)
        .singleElement().satisfies(p -> assertThat(p.completedAt()).isNull());
  }

  @Test
  void cutOffWhileTheReportAwaitsEvaluationIsNotCountedAgainstTheParticipant() {
    start();
    walkTo(TASK_EVALUATE_REPORT);

    fireTimer(BOUNDARY_CUT_OFF, LocalDateTime.of(2018, 4, 13, 0, 5));

    assertThat(instance).isEnded().hasPassed(END_EVENT_CLOSED_OVERDUE);
    assertThat(record().status()).isEqualTo(ParticipantStatus.SUBMITTED_NOT_EVALUATED);
  }

  @Test
  void cutOffIsTheUnitReportDeadline() {
    start();
    assertThat(timerOf(BOUNDARY_CUT_OFF).getDuedate())
        .isEqualTo(EngineTestSupport.date(LocalDateTime.of(2018, 4, 12, 23, 59)));
  }

  @Test
  void datesComeFromTheCampaignOfTheSchoolYear() {
    CampaignCalendar letter = CampaignCalendar.defaultFor(YEAR);
    CampaignCalendar moved = new CampaignCalendar(YEAR, letter.dates(), List.of("Thư viện số", "Thu hút bạn đọc"))
        .with(CalendarDate.PLAN_DUE, LocalDate.of(2017, 12, 8))
        .with(CalendarDate.COMMON_PART_START, LocalDate.of(2017, 12, 11))
        .with(CalendarDate.UNIT_REPORT_DUE, LocalDate.of(2018, 4, 13));
    support.campaigns.insert(moved, "2458/SGD&ĐT-KHTC", LocalDate.of(2017, 12, 4));

    start();
    assertThat(task().getDueDate()).isEqualTo(EngineTestSupport.date(LocalDateTime.of(2017, 12, 8, 23, 59)));
    assertThat(timerOf(BOUNDARY_CUT_OFF).getDuedate())
        .isEqualTo(EngineTestSupport.date(LocalDateTime.of(2018, 4, 13, 23, 59)));
    completePlan();
    assertThat(timerOf(TIMER_COMMON_PART_OPENS).getDuedate())
        .isEqualTo(EngineTestSupport.date(LocalDateTime.of(2017, 12, 11, 0, 0)));
    walkTo(TASK_STUDY_OPTIONAL_PART);
    assertThat(taskService().getVariable(task().getId(), VAR_TOPIC_CHOICES)).isEqualTo("Thư viện số\nThu hút bạn đọc");
  }

  @Test
  void participantWithdrawnByThePrincipalIsClosedAndCountsNowhere() {
    start();
    walkTo(TASK_STUDY_COMMON_PART);

    runtimeService().createMessageCorrelation(MESSAGE_PARTICIPANT_WITHDRAWN)
        .processInstanceBusinessKey(businessKey(YEAR, UNIT, PERSON)).correlate();

    assertThat(instance).isEnded().hasPassed(TASK_RECORD_WITHDRAWN, END_EVENT_WITHDRAWN)
        .hasNotPassed(TASK_RECORD_OVERDUE);
    assertThat(record().status()).isEqualTo(ParticipantStatus.WITHDRAWN);
    assertThat(managementService().createJobQuery().count()).as("cut-off timer removed").isZero();
  }

  @Test
  void managersOfTheUnitMayReadTheInstance() {
    start();
    assertThat(authorizationService().createAuthorizationQuery()
        .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE)
        .resourceId(instance.getId()).list())
        .extracting(a -> a.getGroupId()).containsExactlyInAnyOrder(principalGroup(UNIT), "district-PGD-TPBENTRE");
  }

  // ---------------------------------------------------------------- reminder ladder

  @Test
  void launchTellsTheParticipantThatThePlanIsOpen() {
    start();
    assertThat(support.outboxLines()).containsExactly("PHASE_OPENED nv.lan " + TASK_PREPARE_PLAN);
  }

  @ParameterizedTest
  @EnumSource(Phase.class)
  void openWorkIsRemindedBeforeItsDueDateThenChasedAndEscalated(Phase phase) {
    start();
    walkTo(phase.taskId());
    LocalDate due = CampaignCalendar.defaultFor(YEAR).dueDate(phase);
    jdbcClearOutbox();

    fireTimer(timeoutOf(ReminderLadder.dueSoonListenerId(phase.taskId())), due.minusDays(3).atTime(23, 59));
    fireTimer(ReminderLadder.overdueEventId(phase.taskId()), due.atTime(23, 59));

    boolean participant = phase != Phase.EVALUATION;
    String late = participant ? "nv.lan" : "ht.binh";
    String above = participant ? "ht.binh" : "pgd.tpbentre";
    assertThat(support.outboxLines()).containsExactly(
        "REMINDER " + late + " " + phase.taskId(),
        "OVERDUE " + late + " " + phase.taskId(),
        "ESCALATION " + above + " " + phase.taskId());
    assertThat(instance).isWaitingAt(phase.taskId());
  }

  @Test
  void afterTheDueDateTheParticipantIsRemindedWeeklyUntilTheCutOff() {
    start();
    walkTo(TASK_STUDY_COMMON_PART);
    Job overdue = timerOf("BoundaryEvent_StudyCommonPartOverdue");
    assertThat(overdue.getDuedate()).isEqualTo(EngineTestSupport.date(LocalDateTime.of(2017, 12, 31, 23, 59)));
    fireTimer("BoundaryEvent_StudyCommonPartOverdue", LocalDateTime.of(2017, 12, 31, 23, 59));
    List<String> atDueDate = support.outboxLines();

    assertThat(timerOf("BoundaryEvent_StudyCommonPartOverdue")).as("the escalation fires once").isNull();
    Job weekly = timeoutOf("TimeoutListener_StudyCommonPartWeekly");
    assertThat(weekly.getDuedate()).isEqualTo(EngineTestSupport.date(LocalDateTime.of(2018, 1, 7, 23, 59)));
    fireTimer(weekly, LocalDateTime.of(2018, 1, 7, 23, 59));

    assertThat(support.outboxLines()).hasSize(atDueDate.size() + 1)
        .endsWith("WEEKLY_REMINDER nv.lan " + TASK_STUDY_COMMON_PART);
    assertThat(atDueDate).contains("OVERDUE nv.lan " + TASK_STUDY_COMMON_PART, "ESCALATION ht.binh " + TASK_STUDY_COMMON_PART);
  }

  @Test
  void aPhaseOpenedPastItsDueDateIsReportedOverdueAtOnceThenWeeklyFromThatDay() {
    LocalDateTime late = LocalDateTime.of(2018, 1, 2, 9, 0);
    EngineTestSupport.setClock(late);
    start();

    assertThat(timerOf(ReminderLadder.overdueEventId(TASK_PREPARE_PLAN)).getDuedate())
        .isEqualTo(EngineTestSupport.date(late));
    assertThat(timeoutOf(ReminderLadder.weeklyListenerId(TASK_PREPARE_PLAN)).getDuedate())
        .isEqualTo(EngineTestSupport.date(late.plusDays(7)));
  }

  @Test
  void noWeeklyReminderWhenNoWeekIsLeftBeforeTheCutOff() {
    EngineTestSupport.setClock(LocalDateTime.of(2018, 4, 8, 9, 0));
    start();
    jdbcClearOutbox();
    Job weekly = timeoutOf(ReminderLadder.weeklyListenerId(TASK_PREPARE_PLAN));
    assertThat(weekly.getDuedate()).as("never: the cut-off closes the task first")
        .isAfter(timerOf(BOUNDARY_CUT_OFF).getDuedate());

    fireTimer(weekly, LocalDateTime.of(2018, 4, 15, 9, 0));

    assertThat(support.outboxLines()).isEmpty();
  }

  @Test
  void theSameTimerJobRunTwiceRecordsOneNotice() {
    start();
    walkTo(TASK_STUDY_COMMON_PART);
    jdbcClearOutbox();
    EngineTestSupport.setClock(LocalDateTime.of(2017, 12, 28, 23, 59));
    String activityId = runtimeService().getActiveActivityIds(instance.getId()).get(0);

    // the reminder's listener run again, as a retried job would
    execute(timeoutOf("TimeoutListener_StudyCommonPartDueSoon"));
    String taskId = task().getId();
    TaskListener remind = (TaskListener) Mocks.get("remind");
    ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          remind.notify(context.getTaskManager().findTaskById(taskId));
          return null;
        });

    assertThat(activityId).isEqualTo(TASK_STUDY_COMMON_PART);
    assertThat(support.outboxLines()).containsExactly("REMINDER nv.lan " + TASK_STUDY_COMMON_PART);
  }

  @Test
  void noReminderForAPhaseThatJustOpened() {
    EngineTestSupport.setClock(LocalDateTime.of(2017, 12, 29, 8, 0));
    start();
    walkTo(TASK_STUDY_COMMON_PART);
    jdbcClearOutbox();
    // the due-soon moment has passed: the timer fires at once, but the opening notice said it all
    execute(timeoutOf("TimeoutListener_StudyCommonPartDueSoon"));
    assertThat(support.outboxLines()).isEmpty();
  }

  private void jdbcClearOutbox() {
    support.jdbc.update("DELETE FROM mail_outbox");
  }

  // ---------------------------------------------------------------- refused input

  @Test
  void executableRenamedPdfIsRefusedAndNothingIsStored() {
    start();
    walkTo(TASK_SUBMIT_REPORT);
    byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};

    assertThatThrownBy(() -> submitReport("thu-hoach.pdf", exe))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Tệp \"thu-hoach.pdf\" không phải là tệp PDF hoặc Word (.docx) hợp lệ");

    assertRefusedSubmissionLeftNothing();
  }

  @Test
  void fileOverTheSizeLimitIsRefusedAndNothingIsStored() {
    start();
    walkTo(TASK_SUBMIT_REPORT);
    byte[] big = new byte[(int) MAX_REPORT_BYTES + 1];
    System.arraycopy(PDF, 0, big, 0, PDF.length);

    assertThatThrownBy(() -> submitReport("thu-hoach.pdf", big))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("vượt quá giới hạn 10,0 MB");

    assertRefusedSubmissionLeftNothing();
  }

  @Test
  void textFileIsRefusedEvenWithPdfContentUnderAnotherName() {
    start();
    walkTo(TASK_SUBMIT_REPORT);

    assertThatThrownBy(() -> submitReport("thu-hoach.txt", PDF))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("không phải là tệp PDF hoặc Word (.docx) hợp lệ");
    assertRefusedSubmissionLeftNothing();
  }

  @Test
  void emptyPlanIsRefusedNamingEveryMissingField() {
    start();
    Task plan = task();

    assertThatThrownBy(() -> complete(plan, Variables.putValue(VAR_PLAN_MATERIALS, "  ")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Trường \"Tài liệu cần tìm đọc\" là bắt buộc.")
        .hasMessageContaining("Trường \"Thời gian thực hiện\" là bắt buộc.")
        .hasMessageContaining("Trường \"Cách thức tự bồi dưỡng\" là bắt buộc.");

    assertThat(instance).isWaitingAt(TASK_PREPARE_PLAN);
    assertThat(phases()).singleElement().satisfies(p -> assertThat(p.completedAt()).isNull());
  }

  @Test
  void scoreOutsideZeroToTenIsRefused() {
    start();
    walkTo(TASK_EVALUATE_REPORT);

    assertThatThrownBy(() -> complete(task(), Variables.putValue(VAR_REPORT_ACCEPTED, true).putValue(VAR_SCORE, 11.0)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Trường \"Điểm\" phải từ 0 đến 10");
    assertThatThrownBy(() -> complete(task(), Variables.putValue(VAR_REPORT_ACCEPTED, false)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Trường \"Lý do trả lại\" là bắt buộc.");
    assertThat(instance).isWaitingAt(TASK_EVALUATE_REPORT);
  }

  @Test
  void startWithoutSchoolYearIsRefused() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, "x",
        Map.of(VAR_UNIT_CODE, UNIT, VAR_PERSON_ID, PERSON)))
        .hasMessageContaining("Thiếu \"Năm học\"");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  // ---------------------------------------------------------------- the dossier

  @Test
  void theDossierIsARecordThatOutlivesTheEnginesHistoryCleanup() {
    Dossier dossier = yearWithOneReturn();

    assertThat(dossier.personName()).isEqualTo("Nguyễn Thị Lan");
    assertThat(dossier.unitName()).isEqualTo("Trường THCS Phú Hưng");
    assertThat(dossier.planMaterials()).isEqualTo("Bộ Tài liệu bồi dưỡng nghiệp vụ thư viện trường phổ thông");
    assertThat(dossier.planSchedule()).isEqualTo("Mỗi tuần 2 buổi chiều thứ Ba và thứ Năm");
    assertThat(dossier.planMethod()).isEqualTo("Tự đọc, ghi chép, trao đổi với đồng nghiệp");
    assertThat(dossier.commonPartNotes()).isEqualTo("Chương 1–3: tổ chức kho sách.");
    assertThat(dossier.topic()).isEqualTo("Xây dựng thư viện xanh");
    assertThat(dossier.optionalPartNotes()).isEqualTo("Mô hình thư viện xanh ở sân trường.");
    assertThat(dossier.reportTitle()).isEqualTo("Xây dựng thư viện xanh ở trường THCS");
    assertThat(dossier.essay().fileName()).isEqualTo("thu-hoach-ban-sua.pdf");
    assertThat(dossier.score()).isEqualByComparingTo("9.5");
    assertThat(dossier.classification()).isEqualTo("Giỏi");
    assertThat(dossier.evaluationComment()).isEqualTo("Bài viết tốt, có liên hệ thực tế.");
    assertThat(dossier.returns()).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo("Cần bổ sung phần liên hệ thực tế tại trường.");
      assertThat(r.returnedAt()).isNotNull();
    });
    assertThat(dossier.phases()).hasSize(Phase.values().length)
        .allSatisfy(p -> assertThat(p.completedAt()).as(p.label()).isNotNull());

    // the engine's history cleanup, run as in production once the instance's time to live (5 years) is over
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count())
        .isPositive();
    EngineTestSupport.setClock(LocalDateTime.of(2024, 1, 1, 2, 0));
    execute(historyService().cleanUpHistoryAsync(true));
    // the cleanup job reschedules itself: it must not outlive this test in the shared engine
    historyService().findHistoryCleanupJobs().forEach(job -> managementService().deleteJob(job.getId()));
    assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .as("history cleaned up").isZero();
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();

    assertThat(dossiers().find(dossier.recordId())).contains(dossier);
  }

  @Test
  void thePrintableDossierHoldsThePlanNotesScoreAndCommentInVietnameseWithTheEssayAttached() throws Exception {
    Dossier dossier = yearWithOneReturn();

    byte[] pdf = new DossierPdf().bytes(dossier, fileId -> support.reportFiles.find(fileId).content());

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("HỒ SƠ TỰ BỒI DƯỠNG CHUYÊN MÔN NGHIỆP VỤ THƯ VIỆN", "Năm học 2017-2018",
          "SỞ GIÁO DỤC VÀ ĐÀO TẠO BẾN TRE", "Trường THCS Phú Hưng", "Nguyễn Thị Lan",
          "Bộ Tài liệu bồi dưỡng nghiệp vụ thư viện trường phổ thông", "Mỗi tuần 2 buổi chiều thứ Ba và thứ Năm",
          "Chương 1–3: tổ chức kho sách.", "Mô hình thư viện xanh ở sân trường.", "Điểm 9,5", "Xếp loại Giỏi",
          "Bài viết tốt, có liên hệ thực tế.", "Cần bổ sung phần liên hệ thực tế tại trường.");
      PDPage first = document.getPage(0);
      assertThat(first.getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(1f));
      assertThat(first.getMediaBox().getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within(1f));
      List<PDFont> fonts = new java.util.ArrayList<>();
      for (COSName name : first.getResources().getFontNames()) {
        fonts.add(first.getResources().getFont(name));
      }
      assertThat(fonts).isNotEmpty().allSatisfy(font -> {
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        assertThat(font.getName()).contains("DejaVuSerif");
      });
      Map<String, PDComplexFileSpecification> attachments = document.getDocumentCatalog().getNames()
          .getEmbeddedFiles().getNames();
      assertThat(attachments).containsOnlyKeys("thu-hoach-ban-sua.pdf");
      assertThat(attachments.get("thu-hoach-ban-sua.pdf").getEmbeddedFile().toByteArray()).isEqualTo(PDF);
    }
  }

  /** A whole year on time, the essay returned once and accepted the second time; the dossier read back. */
  private Dossier yearWithOneReturn() {
    start();
    walkTo(TASK_EVALUATE_REPORT);
    complete(task(), Variables.putValue(VAR_REPORT_ACCEPTED, false)
        .putValue(VAR_RETURN_REASON, "Cần bổ sung phần liên hệ thực tế tại trường."));
    submitReport("thu-hoach-ban-sua.pdf", PDF);
    evaluate(9.5, "Bài viết tốt, có liên hệ thực tế.");
    assertThat(instance).isEnded();
    return dossiers().find(record().id()).orElseThrow();
  }

  private Dossiers dossiers() {
    return new Dossiers(support.jdbc, support.structure);
  }

  // ---------------------------------------------------------------- the participant's year

  void start() {
    instance = runtimeService().startProcessInstanceByKey(KEY, businessKey(YEAR, UNIT, PERSON),
        Map.of(VAR_SCHOOL_YEAR, YEAR, VAR_UNIT_CODE, UNIT, VAR_PERSON_ID, PERSON,
            VAR_PERSON_NAME, "Nguyễn Thị Lan"));
  }

  /**
   * Walks the happy path, at the time each step would happen if nobody is late, until the
   * instance waits at {@code target} (or ends). Steps whose time is already past run at once.
   */
  void walkTo(String target) {
    CampaignCalendar c = CampaignCalendar.defaultFor(YEAR);
    for (int guard = 0; guard < 20; guard++) {
      if (isEnded() || isWaitingAt(target)) {
        return;
      }
      String activity = runtimeService().getActiveActivityIds(instance.getId()).get(0);
      switch (activity) {
        case TASK_PREPARE_PLAN -> completePlan();
        case TIMER_COMMON_PART_OPENS -> fireTimer(activity, later(c.get(CalendarDate.COMMON_PART_START).atTime(8, 0)));
        case TASK_STUDY_COMMON_PART -> complete(task(), Variables.putValue(VAR_COMMON_PART_NOTES, "Chương 1–3: tổ chức kho sách.")
            .putValue(VAR_COMMON_PART_DONE, true));
        case TIMER_OPTIONAL_PART_OPENS -> fireTimer(activity, later(c.get(CalendarDate.OPTIONAL_PART_START).atTime(8, 0)));
        case TASK_STUDY_OPTIONAL_PART -> completeOptionalPart();
        case MESSAGE_EVENT_GUIDANCE -> support.guidance.publish(YEAR, "Hướng dẫn viết thu hoạch.", "khtc.hoa");
        case TIMER_WRITING_OPENS -> fireTimer(activity, later(c.get(CalendarDate.REPORT_WRITING_START).atTime(8, 0)));
        case TASK_WRITE_REPORT -> complete(task(), Variables.putValue(VAR_REPORT_TITLE, "Xây dựng thư viện xanh ở trường THCS")
            .putValue(VAR_REPORT_WRITTEN, true));
        case TIMER_SUBMISSION_OPENS -> fireTimer(activity, later(c.get(CalendarDate.REPORT_SUBMISSION_START).atTime(8, 0)));
        case TASK_SUBMIT_REPORT -> submitReport("thu-hoach.pdf", PDF);
        case TASK_EVALUATE_REPORT -> evaluate(9.0, "Đạt yêu cầu.");
        default -> throw new AssertionError("Unexpected wait state " + activity);
      }
    }
    throw new AssertionError("Did not reach " + target);
  }

  /** The given time, or now if the clock is already past it. */
  private static LocalDateTime later(LocalDateTime time) {
    LocalDateTime now = LocalDateTime.ofInstant(
        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), CampaignCalendar.ZONE);
    return now.isAfter(time) ? now : time;
  }

  boolean isEnded() {
    return runtimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
  }

  boolean isWaitingAt(String activityId) {
    return runtimeService().getActiveActivityIds(instance.getId()).contains(activityId);
  }

  void completePlan() {
    complete(task(), Variables.putValue(VAR_PLAN_MATERIALS, "Bộ Tài liệu bồi dưỡng nghiệp vụ thư viện trường phổ thông")
        .putValue(VAR_PLAN_SCHEDULE, "Mỗi tuần 2 buổi chiều thứ Ba và thứ Năm")
        .putValue(VAR_PLAN_METHOD, "Tự đọc, ghi chép, trao đổi với đồng nghiệp"));
  }

  void completeOptionalPart() {
    complete(task(), Variables.putValue(VAR_TOPIC, "Xây dựng thư viện xanh")
        .putValue(VAR_OPTIONAL_PART_NOTES, "Mô hình thư viện xanh ở sân trường.")
        .putValue(VAR_OPTIONAL_PART_DONE, true));
  }

  void submitReport(String fileName, byte[] content) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(VAR_REPORT_FILE, Variables.fileValue(fileName).file(content)
        .mimeType("application/pdf").create());
    taskService().complete(task().getId(), variables);
  }

  void evaluate(double score, String comment) {
    complete(task(), Variables.putValue(VAR_REPORT_ACCEPTED, true).putValue(VAR_SCORE, score)
        .putValue(VAR_EVALUATION_COMMENT, comment));
  }

  Task task() {
    return taskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  Job timerOf(String activityId) {
    return managementService().createJobQuery().processInstanceId(instance.getId())
        .activityId(activityId).singleResult();
  }

  /** The job of a timeout listener of the instance's task, e.g. {@code TimeoutListener_StudyCommonPartDueSoon}. */
  Job timeoutOf(String listenerId) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).list().stream()
        .filter(job -> ((JobEntity) job).getJobHandlerConfigurationRaw().contains("$taskListener~" + listenerId))
        .reduce((a, b) -> {
          throw new AssertionError("two jobs of " + listenerId);
        }).orElse(null);
  }

  void fireTimer(String activityId, LocalDateTime at) {
    fireTimer(timerOf(activityId), at);
  }

  void fireTimer(Job timer, LocalDateTime at) {
    EngineTestSupport.setClock(at);
    execute(timer);
  }

  ParticipantRecord record() {
    return support.records.find(instance.getId()).orElseThrow();
  }

  List<PhaseRecord> phases() {
    return support.records.phases(instance.getId());
  }

  void assertRefusedSubmissionLeftNothing() {
    assertThat(instance).isWaitingAt(TASK_SUBMIT_REPORT);
    assertThat(runtimeService().getVariable(instance.getId(), VAR_REPORT_FILE)).isNull();
    assertThat(support.reportFiles.countFor(record().id())).isZero();
    assertThat(record().reportFileId()).isNull();
    assertThat(record().status()).isEqualTo(ParticipantStatus.IN_PROGRESS);
  }
}
