package vn.thuvien.selftraining.concern;

import static vn.thuvien.selftraining.concern.ConcernProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.thuvien.selftraining.concern.ConcernRouting.Raiser;
import vn.thuvien.selftraining.concern.ConcernRouting.Route;
import vn.thuvien.selftraining.concern.Concerns.Concern;
import vn.thuvien.selftraining.concern.Concerns.EntryKind;
import vn.thuvien.selftraining.directory.Directory.Person;
import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.directory.ScopeAccess;
import vn.thuvien.selftraining.mail.Notice;
import vn.thuvien.selftraining.mail.NoticeKind;
import vn.thuvien.selftraining.mail.Outbox;
import vn.thuvien.selftraining.system.InvalidInputException;
import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.training.CampaignRepository;
import vn.thuvien.selftraining.training.ReportFileValidator;
import vn.thuvien.selftraining.training.TaskActors;
import vn.thuvien.selftraining.training.TaskInputRules;

/**
 * The steps of {@code raise-concern}; each writes the thread ({@link Concerns}) and its emails
 * (the outbox) in the step's own transaction:
 * <ul>
 * <li>{@code concernRaised}: start listener of the start event: checks the form, routes the concern
 * to the level above the raiser, lets the chain (and only it) read the instance;</li>
 * <li>{@code concernDecided}: complete listener of {@code Task_AnswerConcern}: checks the answer or
 * the forwarding note;</li>
 * <li>{@code forwardConcern}, {@code autoForwardConcern}: one level up, by hand or because the
 * level did not answer in time (it is told why);</li>
 * <li>{@code remindConcernAtTop}: Phòng KHTC, the top, is reminded instead;</li>
 * <li>{@code answerConcern}: the answer goes to the raiser by email and as a Tasklist task.</li>
 * </ul>
 */
@Configuration
public class ConcernSteps {

  private static final Logger LOG = LoggerFactory.getLogger(ConcernSteps.class);

  private final ConcernRouting routing;
  private final Concerns concerns;
  private final Outbox outbox;
  private final Directory directory;
  private final ConcernDeadlines deadlines;
  private final Clock clock;

  public ConcernSteps(ConcernRouting routing, Concerns concerns, Outbox outbox, Directory directory,
      ConcernDeadlines deadlines, Clock clock) {
    this.routing = routing;
    this.concerns = concerns;
    this.outbox = outbox;
    this.directory = directory;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Bean
  ExecutionListener concernRaised(CampaignRepository campaigns, ReportFileValidator files) {
    return execution -> {
      ConcernForm form = ConcernForm.read(SUBJECT.get(execution), DESCRIPTION.get(execution),
          SCHOOL_YEAR.raw(execution), campaigns::exists);
      List<String> problems = new ArrayList<>(form.problems());
      String attachmentName = null;
      try {
        ReportFileValidator.CheckedFile file = files.checkOptional(ATTACHMENT.typed(execution));
        if (file == null) {
          // Tasklist sends an empty file when none was chosen: no attachment
          ATTACHMENT.remove(execution);
        } else {
          // served with the type found in the content, never the one the browser declared
          ATTACHMENT.setTyped(execution,
              Variables.fileValue(file.fileName()).file(file.content()).mimeType(file.mimeType()).create());
          attachmentName = file.fileName();
        }
      } catch (InvalidInputException e) {
        problems.add("Tệp đính kèm: " + e.getMessage());
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      String raisedBy = RAISED_BY.get(execution);
      Raiser raiser = routing.raiser(raisedBy);
      Route route = routing.first(raiser);
      long id = concerns.create(execution.getProcessInstanceId(), form.schoolYear(), form.subject(),
          form.description(), attachmentName, raiser, route, clock.instant());
      CONCERN_ID.set(execution, id);
      SUBJECT.set(execution, form.subject());
      route(execution, route);
      ScopeAccess.grantRead(execution, routing.chainGroups(raiser.role(), raiser.unitCode(), raiser.districtCode()),
          List.of(raisedBy));
      LOG.info("Concern {} raised by {} ({}), routed to {}", id, raisedBy, raiser.role(), route.group());
    };
  }

  @Bean
  TaskListener concernDecided() {
    return task -> {
      Object decision = DECISION.get(task);
      List<String> problems = new ArrayList<>();
      if (DECISION_ANSWER.equals(decision)) {
        TaskInputRules.requireText(problems, task, VAR_ANSWER, "Nội dung trả lời");
      } else if (DECISION_FORWARD.equals(decision)) {
        if (ConcernLevel.DEPARTMENT.name().equals(RECEIVER_LEVEL.get(task))) {
          problems.add("Phòng KHTC là cấp cao nhất: không chuyển phản ánh lên được nữa, vui lòng trả lời.");
        }
        TaskInputRules.requireText(problems, task, VAR_FORWARD_NOTE, "Ghi chú khi chuyển lên cấp trên");
      } else {
        problems.add("Vui lòng chọn \"Cách xử lý\": trả lời người phản ánh hoặc chuyển lên cấp trên.");
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      DECIDED_BY.set(task, TaskActors.completedBy(task));
    };
  }

  @Bean
  JavaDelegate forwardConcern() {
    return execution -> {
      Concern concern = concern(execution);
      String by = DECIDED_BY.get(execution);
      Route next = above(concern);
      concerns.forwarded(concern.id(), EntryKind.FORWARDED, next, clock.instant(), by, directory.personName(by),
          concern.currentLabel(), TaskInputRules.text(execution, VAR_FORWARD_NOTE));
      FORWARD_NOTE.remove(execution);
      DECISION.remove(execution);
      route(execution, next);
      LOG.info("Concern {} forwarded by {} from {} to {}", concern.id(), by, concern.currentGroup(), next.group());
    };
  }

  @Bean
  JavaDelegate autoForwardConcern() {
    return execution -> {
      Concern concern = concern(execution);
      Route next = above(concern);
      String reason = "Phản ánh chưa được trả lời sau " + deadlines.workingDays() + " ngày làm việc nên hệ thống đã "
          + "tự động chuyển từ " + concern.currentLabel() + " lên " + next.label() + ".";
      concerns.forwarded(concern.id(), EntryKind.AUTO_FORWARDED, next, clock.instant(), null, null,
          concern.currentLabel(), reason);
      // the level that let it wait is told why it is no longer theirs
      notify(execution, concern, routing.members(concern.currentLevel(), concern.unitCode(), concern.districtCode()),
          NoticeKind.CONCERN_FORWARDED_ON_TIMEOUT, null, reason);
      route(execution, next);
      LOG.info("Concern {} not answered in time by {}: forwarded to {}", concern.id(), concern.currentGroup(),
          next.group());
    };
  }

  @Bean
  JavaDelegate remindConcernAtTop() {
    return execution -> {
      Concern concern = concern(execution);
      String text = "Phản ánh chưa được trả lời sau " + deadlines.workingDays() + " ngày làm việc; đã nhắc "
          + concern.currentLabel() + ".";
      concerns.reminded(concern.id(), clock.instant(), concern.currentLabel(), text);
      notify(execution, concern, routing.members(ConcernLevel.DEPARTMENT, concern.unitCode(), concern.districtCode()),
          NoticeKind.OVERDUE, Date.from(clock.instant()), text);
      LOG.info("Concern {} still unanswered at the top: Phòng KHTC reminded", concern.id());
    };
  }

  @Bean
  JavaDelegate answerConcern() {
    return execution -> {
      Concern concern = concern(execution);
      String by = DECIDED_BY.get(execution);
      String answer = TaskInputRules.text(execution, VAR_ANSWER);
      concerns.answered(concern.id(), clock.instant(), by, directory.personName(by), concern.currentLabel(), answer);
      String signed = answer + "\n— " + directory.personName(by) + ", " + concern.currentLabel();
      notify(execution, concern, directory.person(concern.raisedBy()).stream().toList(), NoticeKind.CONCERN_ANSWERED,
          null, signed);
      LOG.info("Concern {} answered by {} ({})", concern.id(), by, concern.currentGroup());
    };
  }

  /** The receiving level changes: the task's candidates, its label, and a notice to its people. */
  private void route(DelegateExecution execution, Route route) {
    RECEIVER_GROUP.set(execution, route.group());
    RECEIVER_LEVEL.set(execution, route.level().name());
    RECEIVER_LABEL.set(execution, route.label());
    Concern concern = concern(execution);
    notify(execution, concern, routing.members(route.level(), concern.unitCode(), concern.districtCode()),
        NoticeKind.CONCERN_RECEIVED, deadlines.answerDueAt(), concern.description());
  }

  private Route above(Concern concern) {
    return routing.above(concern.currentLevel(), concern.districtCode()).orElseThrow(() ->
        new InvalidInputException("Phòng KHTC là cấp cao nhất: không chuyển phản ánh lên được nữa."));
  }

  private Concern concern(DelegateExecution execution) {
    long id = CONCERN_ID.get(execution).longValue();
    return concerns.find(id).orElseThrow(() -> new IllegalStateException("Concern " + id + " not found"));
  }

  private void notify(DelegateExecution execution, Concern concern, List<Person> recipients, NoticeKind kind,
      Date due, String detail) {
    // the raiser's email links to the task that shows the answer and the whole thread
    String taskKey = kind == NoticeKind.CONCERN_ANSWERED ? TASK_READ_ANSWER : TASK_ANSWER;
    Instant now = clock.instant();
    String subject = concern.subject().length() > 180 ? concern.subject().substring(0, 179) + "…" : concern.subject();
    for (Person person : recipients) {
      outbox.enqueue(new Notice(kind, person.id(), person.email(), person.fullName(), concern.schoolYear(),
          kind == NoticeKind.CONCERN_ANSWERED ? null : concern.raisedByName(), directory.unitName(concern.unitCode()),
          kind == NoticeKind.OVERDUE ? "Trả lời phản ánh: " + subject : subject, due,
          execution.getProcessInstanceId(), taskKey, Date.from(now), LocalDate.ofInstant(now, CampaignCalendar.ZONE),
          detail));
    }
  }
}
