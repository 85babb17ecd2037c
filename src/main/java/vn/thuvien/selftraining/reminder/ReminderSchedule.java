package vn.thuvien.selftraining.reminder;

import java.time.Clock;
import java.time.Duration;
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
 * Bean {@code reminders}: when the ladder's timers fire, read by the models' boundary events,
 * e.g. {@code ${reminders.dueSoonAt(execution, 'Task_StudyCommonPart')}}.
 */
@Component("reminders")
public class ReminderSchedule {

  private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

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

  public Date overdueAt(VariableScope scope, String taskDefinitionKey) {
    return dueAt(scope, taskDefinitionKey);
  }

  /**
   * At the due date, then every week until the unit's cut-off closes the year:
   * {@code R<n>/<due>/P7D} in the server's zone. A task that opens already past its due date (a
   * participant added late) is told at once: a cycle starting in the past would first fire a week
   * later.
   */
  public String overdueCycle(VariableScope scope, String taskDefinitionKey) {
    CampaignCalendar calendar = calendars.forScope(scope);
    Date due = dueAt(scope, taskDefinitionKey);
    java.time.Instant first = due.toInstant().isBefore(clock.instant()) ? clock.instant() : due.toInstant();
    long weeks = Duration.between(first, calendar.unitCutOffAt().toInstant()).toDays() / 7;
    LocalDateTime start = LocalDateTime.ofInstant(first, CampaignCalendar.ZONE);
    return "R" + Math.max(1, weeks + 1) + "/" + ISO_LOCAL.format(start) + "/P7D";
  }

  private Date dueAt(VariableScope scope, String taskDefinitionKey) {
    return calendars.forScope(scope).endOf(ReminderLadder.ofUserTask(taskDefinitionKey).dueField());
  }
}
