package vn.thuvien.selftraining.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.thuvien.selftraining.training.CampaignCalendar;

class ConcernDeadlinesTest {

  static ZonedDateTime at(int year, int month, int day, int hour) {
    return LocalDateTime.of(year, month, day, hour, 0).atZone(CampaignCalendar.ZONE);
  }

  @Test
  void workingDaysSkipWeekendsAndHolidays() {
    ConcernDeadlines plain = new ConcernDeadlines(new ConcernProperties(3, List.of()), Clock.systemUTC());
    // Friday 14/11/2042 + 3 working days = Wednesday 19/11
    assertThat(plain.addWorkingDays(at(2042, 11, 14, 10), 3)).isEqualTo(at(2042, 11, 19, 10));
    // Tuesday + 3 = Friday
    assertThat(plain.addWorkingDays(at(2042, 11, 18, 9), 3)).isEqualTo(at(2042, 11, 21, 9));
    // raised on a Saturday: Monday, Tuesday, Wednesday
    assertThat(plain.addWorkingDays(at(2042, 11, 15, 20), 3)).isEqualTo(at(2042, 11, 19, 20));

    ConcernDeadlines withHoliday = new ConcernDeadlines(
        new ConcernProperties(3, List.of(LocalDate.of(2042, 11, 17))), Clock.systemUTC());
    assertThat(withHoliday.addWorkingDays(at(2042, 11, 14, 10), 3)).isEqualTo(at(2042, 11, 20, 10));
  }

  @Test
  void atLeastOneWorkingDay() {
    assertThatThrownBy(() -> new ConcernProperties(0, List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
