package vn.thuvien.selftraining.campaign;

import static vn.thuvien.selftraining.campaign.CampaignProcess.VAR_LETTER_DATE;
import static vn.thuvien.selftraining.campaign.CampaignProcess.VAR_LETTER_NUMBER;
import static vn.thuvien.selftraining.campaign.CampaignProcess.VAR_REMINDER_DAYS_BEFORE;
import static vn.thuvien.selftraining.campaign.CampaignProcess.VAR_REPORTING_ROUTE;
import static vn.thuvien.selftraining.campaign.CampaignProcess.VAR_SCHOOL_YEAR;
import static vn.thuvien.selftraining.campaign.CampaignProcess.VAR_TOPICS;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import vn.thuvien.selftraining.directory.CampaignStructure;
import vn.thuvien.selftraining.system.InvalidInputException;
import vn.thuvien.selftraining.training.CalendarDate;
import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.training.TaskInputRules;

/**
 * The campaign's start form as Tasklist submits it (strings, dates as {@code yyyy-MM-dd}), read and
 * checked field by field without an engine: {@link #read} refuses a missing or malformed school year
 * at once and collects every other field's problem in {@link #problems}, in Vietnamese, naming the
 * field. {@code calendar} is null while there are problems.
 *
 * @param reminderDaysBefore null when left empty (the default applies)
 */
public record CampaignStartForm(String schoolYear, String letterNumber, LocalDate letterDate, CampaignCalendar calendar,
    Integer reminderDaysBefore, CampaignStructure.Route route, List<String> problems) {

  public CampaignStartForm {
    problems = List.copyOf(problems);
  }

  /** The form's variables that the campaign keeps in its table, not in the instance. */
  public static List<String> variablesKeptInTheTable() {
    List<String> names = new ArrayList<>(CalendarDate.fields());
    names.addAll(List.of(VAR_TOPICS, VAR_REPORTING_ROUTE, VAR_REMINDER_DAYS_BEFORE));
    return names;
  }

  public static CampaignStartForm read(Map<String, Object> values) {
    String schoolYear = TaskInputRules.text(values.get(VAR_SCHOOL_YEAR));
    if (schoolYear == null) {
      throw new InvalidInputException("Trường \"Năm học\" là bắt buộc.");
    }
    try {
      CampaignCalendar.firstYearOf(schoolYear);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    String letterNumber = TaskInputRules.text(values.get(VAR_LETTER_NUMBER));
    if (letterNumber == null) {
      problems.add("Trường \"Số công văn\" là bắt buộc.");
    }
    LocalDate letterDate = date(values, VAR_LETTER_DATE, "Ngày công văn", problems);
    Map<CalendarDate, LocalDate> dates = new EnumMap<>(CalendarDate.class);
    for (CalendarDate field : CalendarDate.values()) {
      dates.put(field, date(values, field.field(), field.label(CalendarDate.GENERIC_LEVEL), problems));
    }
    String topicText = TaskInputRules.text(values.get(VAR_TOPICS));
    List<String> topics = topicText == null ? List.of()
        : Arrays.stream(topicText.split("\\R")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    Integer reminderDays = reminderDays(values, problems);
    CampaignStructure.Route route = route(values, problems);
    CampaignCalendar calendar = !problems.isEmpty() ? null : new CampaignCalendar(schoolYear, dates, topics);
    return new CampaignStartForm(schoolYear, letterNumber, letterDate, calendar, reminderDays, route, problems);
  }

  /** Optional: how units under an intermediate unit report (through it by default). */
  private static CampaignStructure.Route route(Map<String, Object> values, List<String> problems) {
    Object value = values.get(VAR_REPORTING_ROUTE);
    try {
      return CampaignStructure.Route.parse(value == null ? null : value.toString());
    } catch (IllegalArgumentException e) {
      problems.add("Trường \"Đường gửi báo cáo\": \"" + value + "\" không hợp lệ; chọn qua cấp trung gian hoặc thẳng về Sở.");
      return null;
    }
  }

  /** Optional: days before a due date that reminders go out, 1 to 30. */
  private static Integer reminderDays(Map<String, Object> values, List<String> problems) {
    Object value = values.get(VAR_REMINDER_DAYS_BEFORE);
    String text = value == null ? "" : value.toString().strip();
    if (text.isEmpty()) {
      return null;
    }
    try {
      int days = (int) Double.parseDouble(text);
      if (days >= 1 && days <= 30 && days == Double.parseDouble(text)) {
        return days;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add("Trường \"Nhắc việc trước hạn (ngày)\" phải là số nguyên từ 1 đến 30 (đã nhập \"" + text + "\").");
    return null;
  }

  private static LocalDate date(Map<String, Object> values, String name, String label, List<String> problems) {
    Object value = values.get(name);
    if (value instanceof Date date) {
      return date.toInstant().atZone(CampaignCalendar.ZONE).toLocalDate();
    }
    String text = value instanceof String s ? s.strip() : null;
    if (text == null || text.isEmpty()) {
      problems.add("Trường \"" + label + "\" là bắt buộc.");
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      problems.add("Trường \"" + label + "\": \"" + text + "\" không phải là ngày hợp lệ (năm-tháng-ngày).");
      return null;
    }
  }
}
