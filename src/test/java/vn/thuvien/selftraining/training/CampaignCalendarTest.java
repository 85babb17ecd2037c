package vn.thuvien.selftraining.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CampaignCalendarTest {

  @Test
  void defaultCalendarFollowsTheLetter() {
    CampaignCalendar c = CampaignCalendar.defaultFor("2017-2018");
    assertThat(c.get(CalendarDate.COMMON_PART_START)).isEqualTo(LocalDate.of(2017, 12, 1));
    assertThat(c.get(CalendarDate.OPTIONAL_PART_START)).isEqualTo(LocalDate.of(2018, 1, 1));
    assertThat(c.get(CalendarDate.GUIDANCE_DUE)).isEqualTo(LocalDate.of(2018, 2, 28));
    assertThat(c.get(CalendarDate.REPORT_WRITING_START)).isEqualTo(LocalDate.of(2018, 3, 1));
    assertThat(c.get(CalendarDate.REPORT_SUBMISSION_START)).isEqualTo(LocalDate.of(2018, 4, 1));
    assertThat(c.get(CalendarDate.PROVINCE_REPORT_DUE)).isBefore(LocalDate.of(2018, 4, 20));
    assertThat(c.topics()).contains("Xây dựng thư viện mở", "Thu hút bạn đọc");
    assertThat(c.problems()).isEmpty();
  }

  @Test
  void defaultsOfAnyDayCanBeLaunchedThatDayWithTwoWeeksForThePlan() {
    for (LocalDate day = LocalDate.of(2026, 8, 1); day.isBefore(LocalDate.of(2027, 8, 1)); day = day.plusDays(1)) {
      CampaignCalendar offered = CampaignCalendar.defaultOn(day);
      assertThat(offered.schoolYear()).isEqualTo(CampaignCalendar.schoolYearOf(day));
      assertThat(offered.problems()).as("order on " + day).isEmpty();
      assertThat(offered.launchProblems(day)).as("launchable on " + day).isEmpty();
      assertThat(offered.get(CalendarDate.PLAN_DUE)).as("plan due on " + day).isAfterOrEqualTo(day.plusDays(CampaignCalendar.MIN_PLAN_DAYS));
      // the letter's durations, whatever the shift
      CampaignCalendar letter = CampaignCalendar.defaultFor(offered.schoolYear());
      assertThat(offered).isEqualTo(letter.movedBy(java.time.temporal.ChronoUnit.DAYS.between(letter.get(CalendarDate.PLAN_DUE),
          offered.get(CalendarDate.PLAN_DUE))));
    }
    // while the letter's own plan deadline is two weeks away or more, its dates are kept
    assertThat(CampaignCalendar.defaultOn(LocalDate.of(2026, 11, 16))).isEqualTo(CampaignCalendar.defaultFor("2026-2027"));
    assertThat(CampaignCalendar.defaultOn(LocalDate.of(2026, 11, 17)).get(CalendarDate.PLAN_DUE)).isEqualTo(LocalDate.of(2026, 12, 1));
  }

  @Test
  void aPlanDeadlineBeforeTodayIsALaunchProblemTodayIsNot() {
    CampaignCalendar letter = CampaignCalendar.defaultFor("2026-2027");
    assertThat(letter.launchProblems(LocalDate.of(2026, 11, 30))).isEmpty();
    assertThat(letter.launchProblems(LocalDate.of(2026, 12, 1))).containsExactly(
        "Hạn lập hồ sơ và kế hoạch (30/11/2026) đã qua: hôm nay là 01/12/2026. Vui lòng chọn hạn từ hôm nay trở đi "
            + "(có thể bấm “Điền lịch mặc định theo công văn” để dời cả lịch theo đúng thứ tự và độ dài các giai đoạn).");
  }

  @Test
  void schoolYearMustBeTwoConsecutiveYears() {
    assertThatThrownBy(() -> CampaignCalendar.defaultFor("2017-2019"))
        .hasMessage("Năm học \"2017-2019\" không hợp lệ: phải có dạng NNNN-NNNN, ví dụ 2017-2018.");
    assertThatThrownBy(() -> CampaignCalendar.defaultFor("2017"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void schoolYearOfADayStartsInAugust() {
    assertThat(CampaignCalendar.schoolYearOf(LocalDate.of(2026, 11, 26))).isEqualTo("2026-2027");
    assertThat(CampaignCalendar.schoolYearOf(LocalDate.of(2027, 4, 1))).isEqualTo("2026-2027");
    assertThat(CampaignCalendar.schoolYearOf(LocalDate.of(2027, 8, 1))).isEqualTo("2027-2028");
  }

  @Test
  void datesOutOfOrderAreNamedInVietnamese() {
    CampaignCalendar d = CampaignCalendar.defaultFor("2017-2018");
    CampaignCalendar wrong = new CampaignCalendar("2017-2018", d.dates(), List.of())
        .with(CalendarDate.DISTRICT_REPORT_DUE, LocalDate.of(2018, 4, 25));
    assertThat(wrong.problems()).containsExactly(
        "Hạn cấp trung gian gửi báo cáo tổng hợp (25/04/2018) không được sau hạn gửi báo cáo về Sở (19/04/2018).",
        "Danh sách chuyên đề tự chọn không được để trống.");
  }
}
