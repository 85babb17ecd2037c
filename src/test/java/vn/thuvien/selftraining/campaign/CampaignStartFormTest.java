package vn.thuvien.selftraining.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.thuvien.selftraining.directory.CampaignStructure;
import vn.thuvien.selftraining.system.InvalidInputException;

/** The start form read without an engine: what Tasklist submits, field by field. */
class CampaignStartFormTest {

  static final String YEAR = "2040-2041";

  @Test
  void aCompleteFormGivesTheCalendarTopicsReminderDaysAndRoute() {
    Map<String, Object> values = CampaignDriver.startForm(YEAR);
    values.put(CampaignProcess.VAR_TOPICS, " Thu hút bạn đọc \n\nThu hút bạn đọc\r\nSách điện tử ");
    values.put(CampaignProcess.VAR_REMINDER_DAYS_BEFORE, "5");
    values.put(CampaignProcess.VAR_REPORTING_ROUTE, "DIRECT");

    CampaignStartForm form = CampaignStartForm.read(values);

    assertThat(form.problems()).isEmpty();
    assertThat(form.schoolYear()).isEqualTo(YEAR);
    assertThat(form.letterNumber()).isEqualTo("2458/SGD&ĐT-KHTC");
    assertThat(form.calendar().planDue()).isEqualTo(LocalDate.parse((String) values.get("planDue")));
    assertThat(form.calendar().topics()).containsExactly("Thu hút bạn đọc", "Sách điện tử");
    assertThat(form.reminderDaysBefore()).isEqualTo(5);
    assertThat(form.route()).isEqualTo(CampaignStructure.Route.DIRECT);
  }

  @Test
  void emptyOptionalFieldsTakeTheDefaults() {
    CampaignStartForm form = CampaignStartForm.read(CampaignDriver.startForm(YEAR));
    assertThat(form.reminderDaysBefore()).isNull();
    assertThat(form.route()).isEqualTo(CampaignStructure.Route.THROUGH_INTERMEDIATE);
  }

  @Test
  void aMissingOrMalformedSchoolYearIsRefusedAtOnce() {
    Map<String, Object> values = CampaignDriver.startForm(YEAR);
    values.put(CampaignProcess.VAR_SCHOOL_YEAR, " ");
    assertThatThrownBy(() -> CampaignStartForm.read(values)).isInstanceOf(InvalidInputException.class)
        .hasMessage("Trường \"Năm học\" là bắt buộc.");
    values.put(CampaignProcess.VAR_SCHOOL_YEAR, "2040-2042");
    assertThatThrownBy(() -> CampaignStartForm.read(values)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("2040-2042");
  }

  @Test
  void everyWrongFieldIsNamedInVietnameseAndNoCalendarIsMade() {
    Map<String, Object> values = new HashMap<>(CampaignDriver.startForm(YEAR));
    values.remove(CampaignProcess.VAR_LETTER_NUMBER);
    values.put("commonPartDue", "31/12/2040");
    values.put(CampaignProcess.VAR_REMINDER_DAYS_BEFORE, "0");
    values.put(CampaignProcess.VAR_REPORTING_ROUTE, "SIDEWAYS");

    CampaignStartForm form = CampaignStartForm.read(values);

    assertThat(form.calendar()).isNull();
    assertThat(form.problems()).containsExactly(
        "Trường \"Số công văn\" là bắt buộc.",
        "Trường \"Phần chung: đến ngày\": \"31/12/2040\" không phải là ngày hợp lệ (năm-tháng-ngày).",
        "Trường \"Nhắc việc trước hạn (ngày)\" phải là số nguyên từ 1 đến 30 (đã nhập \"0\").",
        "Trường \"Đường gửi báo cáo\": \"SIDEWAYS\" không hợp lệ; chọn qua cấp trung gian hoặc thẳng về Sở.");
  }
}
