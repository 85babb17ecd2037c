package vn.thuvien.selftraining.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.thuvien.selftraining.directory.CampaignStructure;
import vn.thuvien.selftraining.directory.Directory.Person;
import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.mail.Notice;
import vn.thuvien.selftraining.mail.NoticeKind;
import vn.thuvien.selftraining.mail.Outbox;
import vn.thuvien.selftraining.reminder.ReminderStep.Audience;
import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.training.CampaignCalendars;
import vn.thuvien.selftraining.training.CampaignVariables;
import vn.thuvien.selftraining.training.Phase;
import vn.thuvien.selftraining.training.StaffSelfTrainingProcess;

/**
 * The ladder's delegates; each records notices in the outbox, in the transaction of the timer
 * job that fired it, and sends nothing itself:
 * <ul>
 * <li>{@code phaseOpenedNotice}: create listener of each participant task: the phase is open, or,
 * when the submission reopens because the principal returned the report, that it was returned and
 * why;</li>
 * <li>{@code remind}: timeout listener {@code TimeoutListener_<Step>DueSoon} of every chased task:
 * the deadline is near (skipped when the task opened less than a day ago: its opening notice already
 * said when it is due);</li>
 * <li>{@code remindWeekly}: timeout listener {@code TimeoutListener_<Step>Weekly} of every participant
 * task: a weekly reminder after the due date, until the cut-off;</li>
 * <li>{@code chase}: every {@code Task_Chase*}, drawn after the overdue boundary timer: at the due
 * date an overdue notice to whoever is late and an escalation one level up (a submission reopened
 * after being reported overdue: a weekly reminder instead).</li>
 * </ul>
 */
@Configuration
public class ReminderNotices {

  private final Directory directory;
  private final CampaignStructure structure;
  private final CampaignCalendars calendars;
  private final Outbox outbox;
  private final Clock clock;

  public ReminderNotices(Directory directory, CampaignStructure structure, CampaignCalendars calendars, Outbox outbox,
      Clock clock) {
    this.directory = directory;
    this.structure = structure;
    this.calendars = calendars;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Bean
  public TaskListener phaseOpenedNotice() {
    return task -> {
      ReminderStep step = ReminderLadder.ofUserTask(task.getTaskDefinitionKey());
      if (Phase.REPORT_SUBMISSION.taskId().equals(task.getTaskDefinitionKey())
          && Boolean.FALSE.equals(StaffSelfTrainingProcess.REPORT_ACCEPTED.get(task))) {
        // one notice per return, whatever else was said about this task today
        notify(task.getExecution(), step, Audience.PARTICIPANT, NoticeKind.REPORT_RETURNED, task.getDueDate(), null,
            (String) StaffSelfTrainingProcess.RETURN_REASON.get(task), task.getId());
        return;
      }
      notify(task.getExecution(), step, Audience.PARTICIPANT, NoticeKind.PHASE_OPENED, task.getDueDate(), null);
    };
  }

  @Bean
  public TaskListener remind() {
    return task -> {
      ReminderStep step = ReminderLadder.ofUserTask(task.getTaskDefinitionKey());
      boolean justOpened = step.audience() == Audience.PARTICIPANT
          && Duration.between(task.getCreateTime().toInstant(), clock.instant()).toHours() < 24;
      if (!justOpened) {
        notify(task.getExecution(), step, step.audience(), NoticeKind.REMINDER, dueAt(task.getExecution(), step), null);
      }
    };
  }

  @Bean
  public TaskListener remindWeekly() {
    return task -> {
      ReminderStep step = ReminderLadder.ofUserTask(task.getTaskDefinitionKey());
      DelegateExecution execution = task.getExecution();
      Date due = dueAt(execution, step);
      // the first overdue notice went out at the due date, or when the task opened if that was later
      Instant first = due.before(task.getCreateTime()) ? task.getCreateTime().toInstant() : due.toInstant();
      if (step.remindedWeekly()
          && ReminderSchedule.weeksUntilCutOff(first, calendars.forScope(execution).unitCutOffAt().toInstant()) > 0) {
        notify(execution, step, Audience.PARTICIPANT, NoticeKind.WEEKLY_REMINDER, due, null);
      }
    };
  }

  @Bean
  public JavaDelegate chase() {
    return execution -> {
      ReminderStep step = ReminderLadder.ofChaseTask(execution.getCurrentActivityId());
      if (chasedTask(execution, step) == null) {
        return;
      }
      Date due = dueAt(execution, step);
      // a submission reopened after its return was already reported overdue: a weekly reminder only
      boolean firstTime = !outbox.recorded(execution.getProcessInstanceId(), step.taskDefinitionKey(),
          NoticeKind.OVERDUE);
      if (step.audience() == Audience.PARTICIPANT && !firstTime) {
        notify(execution, step, Audience.PARTICIPANT, NoticeKind.WEEKLY_REMINDER, due, null);
        return;
      }
      notify(execution, step, step.audience(), NoticeKind.OVERDUE, due, null);
      Audience above = above(execution, step.audience());
      if (above != null) {
        notify(execution, step, above, NoticeKind.ESCALATION, due, lateParty(execution, step.audience()));
      }
    };
  }

  private void notify(DelegateExecution execution, ReminderStep step, Audience audience, NoticeKind kind, Date due,
      String aboutPerson) {
    notify(execution, step, audience, kind, due, aboutPerson, null, null);
  }

  private void notify(DelegateExecution execution, ReminderStep step, Audience audience, NoticeKind kind, Date due,
      String aboutPerson, String detail, String occurrence) {
    String schoolYear = CampaignVariables.SCHOOL_YEAR.get(execution);
    Date now = Date.from(clock.instant());
    LocalDate day = LocalDate.ofInstant(clock.instant(), CampaignCalendar.ZONE);
    String unitName = unitName(execution);
    for (Person person : recipients(execution, audience)) {
      outbox.enqueue(new Notice(kind, person.id(), person.email(), person.fullName(), schoolYear, aboutPerson,
          unitName, step.stepLabel(), due, execution.getProcessInstanceId(), step.taskDefinitionKey(), now, day,
          detail, occurrence));
    }
  }

  private List<Person> recipients(VariableScope scope, Audience audience) {
    String unitCode = CampaignVariables.UNIT_CODE.get(scope);
    return switch (audience) {
      case PARTICIPANT -> directory.person(StaffSelfTrainingProcess.PERSON_ID.get(scope)).stream().toList();
      case PRINCIPALS -> directory.principalsOf(unitCode);
      case DISTRICT_OFFICERS -> directory.districtOfficersOf(districtOf(scope));
      case DEPARTMENT_OFFICERS -> directory.departmentOfficers();
    };
  }

  /** One level up: principals above participants; the Phòng (or the Sở) above principals. */
  private Audience above(VariableScope scope, Audience audience) {
    return switch (audience) {
      case PARTICIPANT -> Audience.PRINCIPALS;
      case PRINCIPALS -> districtOf(scope) == null ? Audience.DEPARTMENT_OFFICERS : Audience.DISTRICT_OFFICERS;
      case DISTRICT_OFFICERS -> Audience.DEPARTMENT_OFFICERS;
      case DEPARTMENT_OFFICERS -> null;
    };
  }

  /** Who is late, as the level above reads it: the participant, or the unit or Phòng itself. */
  private String lateParty(VariableScope scope, Audience audience) {
    return switch (audience) {
      case PARTICIPANT -> StaffSelfTrainingProcess.PERSON_NAME.get(scope);
      default -> unitName(scope);
    };
  }

  /** The intermediate unit the scope reports to in its campaign, or null when it reports to the Sở. */
  private String districtOf(VariableScope scope) {
    Object district = CampaignVariables.DISTRICT_CODE.get(scope);
    if (district instanceof String code) {
      return code;
    }
    Object unit = CampaignVariables.UNIT_CODE.get(scope);
    return unit instanceof String code ? structure.reportsTo(CampaignVariables.SCHOOL_YEAR.get(scope), code) : null;
  }

  private String unitName(VariableScope scope) {
    Object unit = CampaignVariables.UNIT_CODE.get(scope);
    Object district = CampaignVariables.DISTRICT_CODE.get(scope);
    String code = unit instanceof String u ? u : district instanceof String d ? d : null;
    return code == null ? null : directory.unitName(code);
  }

  private Date dueAt(VariableScope scope, ReminderStep step) {
    return calendars.forScope(scope).endOf(step.dueField());
  }

  private static Task chasedTask(DelegateExecution execution, ReminderStep step) {
    return execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(step.taskDefinitionKey())
        .singleResult();
  }
}
