package vn.thuvien.selftraining.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.training.CampaignCalendars;
import vn.thuvien.selftraining.training.CampaignRepository;
import vn.thuvien.selftraining.training.CampaignVariables;

/**
 * Bean {@code reminders}: when the ladder's timers fire, read by the chased tasks' timeout listeners
 * and overdue boundary events, e.g. {@code ${reminders.dueSoonAt(execution, 'Task_StudyCommonPart')}}.
 */
@Component("reminders")
public class ReminderSchedule {

  private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  /** The weekly cycle of a task with no week left before the cut-off. */
  static final String NEVER = "R1/9999-12-31T00:00:00/P7D";

  private final CampaignCalendars calendars;
  private final CampaignRepository campaigns;
  private final Clock clock;
  private final int defaultDaysBefore;

  public ReminderSchedule(CampaignCalendars calendars, CampaignRepository campaigns, Clock clock,
      @Value("${self-training.reminders.days-before:3}") int defaultDaysBefore) {
    this.calendars = calendars;
    this.campaigns = campaigns;
    this.clock = clock;
    this.defaultDaysBefore = defaultDaysBefore;
  }

  /** The campaign's lead time if its start form set one, else the configured default. */
  public int daysBefore(String schoolYear) {
    return campaigns.reminderDaysBefore(schoolYear).orElse(defaultDaysBefore);
  }

  /** Some days before the due date; at once when the task opens later than that. */
  public Date dueSoonAt(VariableScope scope, String taskDefinitionKey) {
    Date due = dueAt(scope, taskDefinitionKey);
    int daysBefore = daysBefore(CampaignVariables.SCHOOL_YEAR.get(scope));
    Date soon = Date.from(due.toInstant().minus(Duration.ofDays(daysBefore)));
    Date now = Date.from(clock.instant());
    return soon.before(now) ? now : soon;
  }

  /**
   * When the escalation's boundary timer fires: the due date, at once when the task opens later. A
   * participant's task that opens past its due date is due now, as the first firing of its weekly
   * ladder was before the weekly reminders became a timeout listener: a job due at a past date would be
   * taken ahead of the unit's cut-off when the clock passes both.
   */
  public Date overdueAt(VariableScope scope, String taskDefinitionKey) {
    Date due = dueAt(scope, taskDefinitionKey);
    if (!ReminderLadder.ofUserTask(taskDefinitionKey).remindedWeekly()) {
      return due;
    }
    Date now = Date.from(clock.instant());
    return due.before(now) ? now : due;
  }

  /**
   * A week after the due date, then every week until the unit's cut-off closes the year:
   * {@code R<n>/<due + 7 days>/P7D} in the server's zone. A task that opens already past its due
   * date (a participant added late) counts its weeks from when it opens, as its overdue notice goes
   * out at once. When no week fits before the cut-off, a cycle that never falls due ({@link #NEVER}; a
   * timeout listener has no "no timer"): its job goes with the task, and {@code remindWeekly} would say
   * nothing for it anyway.
   */
  public String weeklyCycle(VariableScope scope, String taskDefinitionKey) {
    CampaignCalendar calendar = calendars.forScope(scope);
    Instant first = overdueAt(scope, taskDefinitionKey).toInstant();
    long weeks = weeksUntilCutOff(first, calendar.unitCutOffAt().toInstant());
    if (weeks < 1) {
      return NEVER;
    }
    LocalDateTime start = LocalDateTime.ofInstant(first, CampaignCalendar.ZONE).plusDays(7);
    return "R" + weeks + "/" + ISO_LOCAL.format(start) + "/P7D";
  }

  /** Whole weeks from the first overdue notice to the cut-off: the weekly reminders between them. */
  static long weeksUntilCutOff(Instant first, Instant cutOff) {
    return Duration.between(first, cutOff).toDays() / 7;
  }

  private Date dueAt(VariableScope scope, String taskDefinitionKey) {
    return calendars.forScope(scope).endOf(ReminderLadder.ofUserTask(taskDefinitionKey).dueField());
  }
}
