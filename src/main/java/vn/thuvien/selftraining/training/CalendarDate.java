package vn.thuvien.selftraining.training;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dates of a campaign's calendar: the one place that names them. Everything else derives from
 * this list: the start form's fields, labels and order checks (served by
 * {@code /api/public/campaign-defaults} and {@code /api/public/campaign-calendar/problems}), the
 * {@code campaign} table's columns, the launch, the models' {@code ${calendar.endOf(execution, 'x')}}
 * expressions (checked by {@code ModelConventionsTest}), reminders and reports.
 *
 * <p>Each date has the name the form and the models use, the label the start form shows, the phrase
 * messages use inside a sentence, the letter's day for it (2458/SGD&amp;ĐT-KHTC: the first or the
 * second calendar year of the school year) and the dates it must follow. {@code {level}} in a label
 * or phrase is what the directory calls the level between the Sở and the schools.
 */
public enum CalendarDate {
  PLAN_DUE("planDue", "Hạn lập hồ sơ và kế hoạch", "hạn lập hồ sơ và kế hoạch", 0, 11, 30),
  COMMON_PART_START("commonPartStart", "Phần chung: từ ngày", "ngày bắt đầu Phần chung", 0, 12, 1,
      after(PLAN_DUE)),
  COMMON_PART_DUE("commonPartDue", "Phần chung: đến ngày", "hạn Phần chung", 0, 12, 31,
      notBefore(COMMON_PART_START)),
  OPTIONAL_PART_START("optionalPartStart", "Phần tự chọn: từ ngày", "ngày bắt đầu Phần tự chọn", 1, 1, 1,
      after(COMMON_PART_DUE)),
  OPTIONAL_PART_DUE("optionalPartDue", "Phần tự chọn: đến ngày", "hạn Phần tự chọn", 1, 1, 31,
      notBefore(OPTIONAL_PART_START)),
  GUIDANCE_DUE("guidanceDue", "Hạn Sở ban hành hướng dẫn viết thu hoạch",
      "hạn Sở ban hành hướng dẫn viết thu hoạch", 1, 2, 28),
  REPORT_WRITING_START("reportWritingStart", "Viết thu hoạch: từ ngày", "ngày bắt đầu viết thu hoạch", 1, 3, 1,
      after(OPTIONAL_PART_DUE), after(GUIDANCE_DUE)),
  REPORT_WRITING_DUE("reportWritingDue", "Viết thu hoạch: đến ngày", "hạn viết thu hoạch", 1, 3, 31,
      notBefore(REPORT_WRITING_START)),
  REPORT_SUBMISSION_START("reportSubmissionStart", "Nộp thu hoạch: từ ngày", "ngày bắt đầu nộp thu hoạch", 1, 4, 1,
      after(REPORT_WRITING_DUE)),
  REPORT_SUBMISSION_DUE("reportSubmissionDue", "Nộp thu hoạch: đến ngày", "hạn nộp thu hoạch", 1, 4, 5,
      notBefore(REPORT_SUBMISSION_START)),
  EVALUATION_DUE("evaluationDue", "Hạn Hiệu trưởng đánh giá", "hạn Hiệu trưởng đánh giá thu hoạch", 1, 4, 10,
      notBefore(REPORT_SUBMISSION_DUE)),
  UNIT_REPORT_DUE("unitReportDue", "Hạn đơn vị gửi báo cáo", "hạn đơn vị gửi báo cáo", 1, 4, 12,
      notBefore(EVALUATION_DUE)),
  DISTRICT_REPORT_DUE("districtReportDue", "Hạn {level} gửi báo cáo tổng hợp",
      "hạn {level} gửi báo cáo tổng hợp", 1, 4, 16, notBefore(UNIT_REPORT_DUE)),
  PROVINCE_REPORT_DUE("provinceReportDue", "Hạn gửi báo cáo về Sở (Phòng KHTC)", "hạn gửi báo cáo về Sở", 1, 4, 19,
      notBefore(DISTRICT_REPORT_DUE));

  /** What the messages call the intermediate level when no directory is at hand. */
  public static final String GENERIC_LEVEL = "cấp trung gian";

  private final String field;
  private final String label;
  private final String phrase;
  private final int letterYear;
  private final int letterMonth;
  private final int letterDay;
  private final List<Rule> rules;

  CalendarDate(String field, String label, String phrase, int letterYear, int letterMonth, int letterDay,
      Rule... rules) {
    this.field = field;
    this.label = label;
    this.phrase = phrase;
    this.letterYear = letterYear;
    this.letterMonth = letterMonth;
    this.letterDay = letterDay;
    this.rules = List.of(rules);
  }

  /**
   * This date must come after {@code earlier}: strictly (a phase starts after the previous one is
   * due) or on the same day at the earliest.
   */
  public record Rule(CalendarDate earlier, boolean strictly) {
  }

  private static Rule after(CalendarDate earlier) {
    return new Rule(earlier, true);
  }

  private static Rule notBefore(CalendarDate earlier) {
    return new Rule(earlier, false);
  }

  /** The name of the start form's field, the process variable and the models' expressions. */
  public String field() {
    return field;
  }

  /** The column of the {@code campaign} table: {@code planDue} → {@code plan_due}. */
  public String column() {
    return field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
  }

  /** The start form's label, naming the intermediate level as the directory does. */
  public String label(String levelName) {
    return label.replace("{level}", levelName);
  }

  /** How a sentence names the date, lower case, e.g. "hạn Phần chung". */
  public String phrase(String levelName) {
    return phrase.replace("{level}", levelName);
  }

  /** The dates this one must follow. */
  public List<Rule> rules() {
    return rules;
  }

  /** The letter's day for this date in the school year starting in {@code firstYear}. */
  public LocalDate letterDateIn(int firstYear) {
    return LocalDate.of(firstYear + letterYear, letterMonth, letterDay);
  }

  public static CalendarDate ofField(String field) {
    for (CalendarDate date : values()) {
      if (date.field.equals(field)) {
        return date;
      }
    }
    throw new IllegalArgumentException("No calendar date " + field);
  }

  /** Every field name, in the form's order. */
  public static List<String> fields() {
    List<String> fields = new ArrayList<>();
    for (CalendarDate date : values()) {
      fields.add(date.field);
    }
    return fields;
  }
}
