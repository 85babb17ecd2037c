package vn.thuvien.selftraining.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.thuvien.selftraining.ModelTestSupport.*;
import static vn.thuvien.selftraining.concern.ConcernProcess.*;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

import vn.thuvien.selftraining.system.InvalidInputException;

/**
 * One test per path of {@code raise-concern}, on the engine alone (the whole application's story is
 * {@link ConcernProcessTest}). The answer deadline ({@link ConcernDeadlines}) and the answer form's
 * check ({@code concernDecided}) are the real beans; routing is a small fake that sends the concern
 * one level up the chain Hiệu trưởng → Phòng GD&amp;ĐT → Phòng KHTC and logs each step. A librarian
 * raises a concern on Friday 17/11/2017 at 10:00 ({@link #raise}); each test changes only what
 * differs.
 */
@Deployment(resources = "bpm/raise-concern.bpmn")
class ConcernProcessEngineTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0)
      .build();

  static final String ASKER = "nv.lan";
  static final String SUBJECT = "Chưa nhận được tài liệu Phần chung";
  static final Map<ConcernLevel, String> GROUPS = Map.of(
      ConcernLevel.UNIT, "principal-THCS-PHUHUNG",
      ConcernLevel.DISTRICT, "district-PGD-TPBENTRE",
      ConcernLevel.DEPARTMENT, "department-officers");

  ProcessInstance instance;
  /** What the fakes did, in order: "raised UNIT", "forwarded DISTRICT", "answered"... */
  final List<String> steps = new ArrayList<>();

  @BeforeEach
  void setUp(ProcessEngine processEngine) {
    init(processEngine);
    setClock(LocalDateTime.of(2017, 11, 17, 10, 0));
    ConcernDeadlines deadlines = new ConcernDeadlines(new ConcernProperties(3, List.of()), engineClock());
    Mocks.register("concernDeadlines", deadlines);
    Mocks.register("concernDecided", new ConcernSteps(null, null, null, null, deadlines, engineClock()).concernDecided());
    Mocks.register("concernRaised", (ExecutionListener) execution -> {
      execution.setVariable(VAR_CONCERN_ID, 7L);
      route(execution, ConcernLevel.UNIT);
      steps.add("raised " + ConcernLevel.UNIT);
    });
    Mocks.register("forwardConcern", (JavaDelegate) execution -> {
      execution.removeVariable(VAR_FORWARD_NOTE);
      execution.removeVariable(VAR_DECISION);
      steps.add("forwarded " + up(execution));
    });
    Mocks.register("autoForwardConcern", (JavaDelegate) execution -> steps.add("auto-forwarded " + up(execution)));
    Mocks.register("remindConcernAtTop", (JavaDelegate) execution -> steps.add("reminded " + level(execution)));
    Mocks.register("answerConcern", (JavaDelegate) execution -> steps.add("answered by "
        + execution.getVariable(VAR_DECIDED_BY)));
  }

  @AfterEach
  void tearDown() {
    identityService().clearAuthentication();
    Mocks.reset();
  }

  // ---------------------------------------------------------------- paths

  @Test
  void answeredByThePrincipalAndReadByTheAsker() {
    raise();
    Task answer = task();
    assertThat(answer.getName()).isEqualTo("Trả lời phản ánh: " + SUBJECT);
    assertThat(answer).hasCandidateGroup(GROUPS.get(ConcernLevel.UNIT));
    // Friday 10:00 + 3 working days = Wednesday 10:00
    assertThat(answer.getDueDate()).isEqualTo(date(LocalDateTime.of(2017, 11, 22, 10, 0)));
    assertThat(timerOf(BOUNDARY_ANSWER_DEADLINE).getDuedate()).isEqualTo(answer.getDueDate());

    decide("ht.binh", DECISION_ANSWER, "Thư viện nhận tài liệu tại văn phòng từ thứ Hai.");
    Task read = task();
    assertThat(read.getTaskDefinitionKey()).isEqualTo(TASK_READ_ANSWER);
    assertThat(read.getName()).isEqualTo("Xem trả lời phản ánh: " + SUBJECT);
    assertThat(read).isAssignedTo(ASKER);

    complete(read);
    assertThat(instance).isEnded().hasPassed(END_EVENT_ANSWERED).hasNotPassed(END_EVENT_CLOSED_UNREAD);
    assertThat(steps).containsExactly("raised UNIT", "answered by ht.binh");
    assertThat(managementService().createJobQuery().count()).as("timers removed").isZero();
  }

  @Test
  void answerNotReadIn30DaysClosesTheConcernByItself() {
    raise();
    setClock(LocalDateTime.of(2017, 11, 20, 15, 30));
    decide("ht.binh", DECISION_ANSWER, "Thư viện nhận tài liệu tại văn phòng từ thứ Hai.");
    Job notRead = timerOf(BOUNDARY_ANSWER_NOT_READ);
    assertThat(notRead.getDuedate()).as("30 days after the answer")
        .isEqualTo(date(LocalDateTime.of(2017, 12, 20, 15, 30)));

    fireTimer(BOUNDARY_ANSWER_NOT_READ, LocalDateTime.of(2017, 12, 20, 15, 30));

    assertThat(instance).isEnded().hasPassed(BOUNDARY_ANSWER_NOT_READ, END_EVENT_CLOSED_UNREAD)
        .hasNotPassed(END_EVENT_ANSWERED);
    assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TASK_READ_ANSWER).singleResult().getDeleteReason()).as("the read task was not completed")
        .isNotEqualTo("completed");
    assertThat(steps).as("answered once, nothing more").containsExactly("raised UNIT", "answered by ht.binh");
  }

  @Test
  void forwardedByHandLevelByLevelUpToPhongKhtcWhichMustAnswer() {
    raise();
    decide("ht.binh", DECISION_FORWARD, "Vượt thẩm quyền của trường.");
    assertThat(task()).hasCandidateGroup(GROUPS.get(ConcernLevel.DISTRICT));
    setClock(LocalDateTime.of(2017, 11, 21, 9, 0));
    decide("pgd.tpbentre", DECISION_FORWARD, "Chuyển Sở.");
    Task atTop = task();
    assertThat(atTop).hasCandidateGroup(GROUPS.get(ConcernLevel.DEPARTMENT));
    // Tuesday 9:00 + 3 working days = Friday 9:00: each level has its own time
    assertThat(atTop.getDueDate()).isEqualTo(date(LocalDateTime.of(2017, 11, 24, 9, 0)));
    assertThat(timerOf(BOUNDARY_ANSWER_DEADLINE).getDuedate()).isEqualTo(atTop.getDueDate());

    assertThatThrownBy(() -> decide("khtc.hoa", DECISION_FORWARD, "?"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Phòng KHTC là cấp cao nhất");
    assertThat(instance).isWaitingAt(TASK_ANSWER);
    decide("khtc.hoa", DECISION_ANSWER, "Sở gửi lại tài liệu.");

    assertThat(instance).isWaitingAt(TASK_READ_ANSWER);
    assertThat(steps).containsExactly("raised UNIT", "forwarded DISTRICT", "forwarded DEPARTMENT",
        "answered by khtc.hoa");
  }

  @Test
  void anAnswerWithoutTextOrADecisionIsRefused() {
    raise();
    assertThatThrownBy(() -> decide("ht.binh", DECISION_ANSWER, " "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Trường \"Nội dung trả lời\" là bắt buộc.");
    assertThatThrownBy(() -> complete(task(), Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Vui lòng chọn \"Cách xử lý\"");
    assertThat(instance).isWaitingAt(TASK_ANSWER);
    assertThat(steps).containsExactly("raised UNIT");
  }

  @Test
  void answerDeadlineForwardsUpByItselfThenRemindsPhongKhtcAtTheTop() {
    raise();
    fireTimer(BOUNDARY_ANSWER_DEADLINE, LocalDateTime.of(2017, 11, 22, 10, 0));
    Task atDistrict = task();
    assertThat(atDistrict).hasCandidateGroup(GROUPS.get(ConcernLevel.DISTRICT));
    // Wednesday + 3 working days = Monday
    assertThat(atDistrict.getDueDate()).isEqualTo(date(LocalDateTime.of(2017, 11, 27, 10, 0)));

    fireTimer(BOUNDARY_ANSWER_DEADLINE, LocalDateTime.of(2017, 11, 27, 10, 0));
    assertThat(task()).hasCandidateGroup(GROUPS.get(ConcernLevel.DEPARTMENT));

    fireTimer(BOUNDARY_ANSWER_DEADLINE, LocalDateTime.of(2017, 11, 30, 10, 0));
    Task stillAtTop = task();
    assertThat(stillAtTop).hasCandidateGroup(GROUPS.get(ConcernLevel.DEPARTMENT));
    assertThat(stillAtTop.getDueDate()).as("a new deadline").isEqualTo(date(LocalDateTime.of(2017, 12, 5, 10, 0)));
    assertThat(steps).containsExactly("raised UNIT", "auto-forwarded DISTRICT", "auto-forwarded DEPARTMENT",
        "reminded DEPARTMENT");

    decide("khtc.hoa", DECISION_ANSWER, "Sở đã có hướng dẫn.");
    complete(task());
    assertThat(instance).isEnded().hasPassed(END_EVENT_ANSWERED);
  }

  // ---------------------------------------------------------------- the concern

  void raise() {
    identityService().setAuthenticatedUserId(ASKER);
    try {
      instance = runtimeService().startProcessInstanceByKey(KEY, Map.of(VAR_SCHOOL_YEAR, "2017-2018",
          VAR_SUBJECT, SUBJECT, VAR_DESCRIPTION, "Trường chưa nhận được tài liệu bồi dưỡng Phần chung của Sở."));
    } finally {
      identityService().clearAuthentication();
    }
    assertThat(instance).isWaitingAt(TASK_ANSWER).variables().containsEntry(VAR_RAISED_BY, ASKER);
  }

  /** The receiving level completes the answer task, as its member. */
  void decide(String by, String decision, String text) {
    identityService().setAuthenticatedUserId(by);
    try {
      complete(task(), Variables.putValue(VAR_DECISION, decision)
          .putValue(DECISION_ANSWER.equals(decision) ? VAR_ANSWER : VAR_FORWARD_NOTE, text));
    } finally {
      identityService().clearAuthentication();
    }
  }

  static void route(DelegateExecution execution, ConcernLevel level) {
    execution.setVariable(VAR_RECEIVER_GROUP, GROUPS.get(level));
    execution.setVariable(VAR_RECEIVER_LEVEL, level.name());
    execution.setVariable(VAR_RECEIVER_LABEL, level.name());
  }

  static ConcernLevel level(DelegateExecution execution) {
    return ConcernLevel.valueOf((String) execution.getVariable(VAR_RECEIVER_LEVEL));
  }

  /** One level up; the model never forwards from the top. */
  static ConcernLevel up(DelegateExecution execution) {
    ConcernLevel next = ConcernLevel.values()[level(execution).ordinal() + 1];
    route(execution, next);
    return next;
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
