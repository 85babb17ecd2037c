package vn.thuvien.selftraining.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.thuvien.selftraining.directory.CampaignStructure;
import vn.thuvien.selftraining.system.InvalidInputException;
import vn.thuvien.selftraining.training.CalendarDate;

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
    assertThat(form.calendar().get(CalendarDate.PLAN_DUE)).isEqualTo(LocalDate.parse((String) values.get("planDue")));
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

  /**
   * Camunda binds a form's static fields only, so the start form keeps one input per date; this is
   * what fails when a date is added to {@link CalendarDate} and not to the form, or the other way.
   * Labels and rules are served: the form's script names no date and spells no label.
   */
  @Test
  void theStartFormHasOneDateFieldPerCalendarDateAndSpellsNoneOfTheirLabels() throws Exception {
    String html = Files.readString(Path.of("forms/start-campaign.html"));
    List<String> dateInputs = new ArrayList<>();
    Matcher input = Pattern.compile("<input type=\"date\"[^>]*cam-variable-name=\"(\\w+)\"").matcher(html);
    while (input.find()) {
      dateInputs.add(input.group(1));
    }
    List<String> expected = new ArrayList<>(List.of(CampaignProcess.VAR_LETTER_DATE));
    expected.addAll(CalendarDate.fields());
    assertThat(dateInputs).containsExactlyElementsOf(expected);

    Matcher fields = Pattern.compile("data-fields=\"([^\"]*)\"").matcher(html);
    assertThat(fields.find()).isTrue();
    assertThat(List.of(fields.group(1).split(" "))).containsAll(CalendarDate.fields());

    String script = html.substring(html.indexOf("<script"));
    for (CalendarDate date : CalendarDate.values()) {
      assertThat(script).doesNotContain("'" + date.field() + "'")
          .doesNotContain(date.label(CalendarDate.GENERIC_LEVEL)).doesNotContain(date.phrase(CalendarDate.GENERIC_LEVEL));
      assertThat(html).contains("{{ label('" + date.field() + "') }}");
    }
  }
}
