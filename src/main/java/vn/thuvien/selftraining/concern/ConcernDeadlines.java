package vn.thuvien.selftraining.concern;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.Date;

import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.training.CampaignCalendar;

/**
 * Bean {@code concernDeadlines}: when a level's time to answer runs out, read by the answer task's
 * due date and its timer when the task is entered: {@code ${concernDeadlines.answerDueAt()}}.
 */
@Component("concernDeadlines")
public class ConcernDeadlines {

  private final ConcernProperties properties;
  private final Clock clock;

  public ConcernDeadlines(ConcernProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** Now plus the configured working days, same time of day (Saturdays, Sundays, holidays skipped). */
  public Date answerDueAt() {
    return Date.from(addWorkingDays(clock.instant().atZone(CampaignCalendar.ZONE),
        properties.answerWorkingDays()).toInstant());
  }

  public int workingDays() {
    return properties.answerWorkingDays();
  }

  ZonedDateTime addWorkingDays(ZonedDateTime from, int days) {
    ZonedDateTime at = from;
    int added = 0;
    while (added < days) {
      at = at.plusDays(1);
      if (isWorkingDay(at)) {
        added++;
      }
    }
    return at;
  }

  private boolean isWorkingDay(ZonedDateTime at) {
    DayOfWeek day = at.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !properties.holidays().contains(at.toLocalDate());
  }
}
