package vn.thuvien.selftraining.training;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.thuvien.selftraining.SelfTrainingApplication;

/**
 * The dates of one school year's campaign. A phase opens at the start of its first day and is due
 * at the end of its last day, in Asia/Ho_Chi_Minh.
 *
 * <p>{@link #defaultFor(String)} derives the calendar from the pattern of letter
 * 2458/SGD&amp;ĐT-KHTC: plan before December, common part in December, optional part in January,
 * guidance in February, writing in March, submission in April, everything at the Sở before 20 April.
 */
public record CampaignCalendar(
    String schoolYear,
    LocalDate planDue,
    LocalDate commonPartStart,
    LocalDate commonPartDue,
    LocalDate optionalPartStart,
    LocalDate optionalPartDue,
    LocalDate guidanceDue,
    LocalDate reportWritingStart,
    LocalDate reportWritingDue,
    LocalDate reportSubmissionStart,
    LocalDate reportSubmissionDue,
    LocalDate evaluationDue,
    LocalDate unitReportDue,
    LocalDate districtReportDue,
    LocalDate provinceReportDue,
    List<String> topics) {

  public static final ZoneId ZONE = ZoneId.of(SelfTrainingApplication.TIME_ZONE);

  /** A phase is due at the end of its last working minute. */
  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

  /** The optional topics the letter names; "another topic" is always allowed besides these. */
  public static final List<String> DEFAULT_TOPICS = List.of(
      "Xây dựng thư viện mở",
      "Xây dựng thư viện xanh",
      "Công tác xã hội hóa thư viện",
      "Tổ chức hoạt động thư viện hiệu quả",
      "Thu hút bạn đọc");

  /**
   * Days a participant has at least to make their plan when a campaign is launched: the defaults
   * offered on a later day keep the letter's order and durations but start later.
   */
  public static final int MIN_PLAN_DAYS = 14;

  private static final Pattern SCHOOL_YEAR = Pattern.compile("(\\d{4})-(\\d{4})");

  public CampaignCalendar {
    topics = List.copyOf(topics);
  }

  /** The year the school year starts in, e.g. 2017 for "2017-2018"; rejects anything else. */
  public static int firstYearOf(String schoolYear) {
    Matcher matcher = schoolYear == null ? null : SCHOOL_YEAR.matcher(schoolYear.strip());
    if (matcher == null || !matcher.matches()
        || Integer.parseInt(matcher.group(2)) != Integer.parseInt(matcher.group(1)) + 1) {
      throw new IllegalArgumentException(
          "Năm học \"" + schoolYear + "\" không hợp lệ: phải có dạng NNNN-NNNN, ví dụ 2017-2018.");
    }
    return Integer.parseInt(matcher.group(1));
  }

  /** The school year a day belongs to: from August on, the year starting then. */
  public static String schoolYearOf(LocalDate day) {
    int first = day.getMonthValue() >= 8 ? day.getYear() : day.getYear() - 1;
    return first + "-" + (first + 1);
  }

  /** The calendar of the letter's pattern for the given school year ("2017-2018"). */
  public static CampaignCalendar defaultFor(String schoolYear) {
    int first = firstYearOf(schoolYear);
    int second = first + 1;
    return new CampaignCalendar(
        schoolYear.strip(),
        LocalDate.of(first, 11, 30),
        LocalDate.of(first, 12, 1),
        LocalDate.of(first, 12, 31),
        LocalDate.of(second, 1, 1),
        LocalDate.of(second, 1, 31),
        LocalDate.of(second, 2, 28),
        LocalDate.of(second, 3, 1),
        LocalDate.of(second, 3, 31),
        LocalDate.of(second, 4, 1),
        LocalDate.of(second, 4, 5),
        LocalDate.of(second, 4, 10),
        LocalDate.of(second, 4, 12),
        LocalDate.of(second, 4, 16),
        LocalDate.of(second, 4, 19),
        DEFAULT_TOPICS);
  }

  /**
   * The letter's calendar for the school year of {@code today}, valid on that day: the letter's
   * own dates while its plan deadline is at least {@link #MIN_PLAN_DAYS} ahead, otherwise every date
   * moved forward by the same number of days so that it is (order and durations kept). What the
   * start form offers and what the demo launches, whatever day it is.
   */
  public static CampaignCalendar defaultOn(LocalDate today) {
    return defaultFor(schoolYearOf(today)).placedOn(today);
  }

  /** This calendar, or the same one moved forward so that the plan is due {@link #MIN_PLAN_DAYS} after {@code today}. */
  public CampaignCalendar placedOn(LocalDate today) {
    LocalDate earliestPlanDue = today.plusDays(MIN_PLAN_DAYS);
    if (!planDue.isBefore(earliestPlanDue)) {
      return this;
    }
    return movedBy(java.time.temporal.ChronoUnit.DAYS.between(planDue, earliestPlanDue));
  }

  /** Every date moved by the same number of days. */
  public CampaignCalendar movedBy(long days) {
    return new CampaignCalendar(schoolYear, planDue.plusDays(days), commonPartStart.plusDays(days),
        commonPartDue.plusDays(days), optionalPartStart.plusDays(days), optionalPartDue.plusDays(days),
        guidanceDue.plusDays(days), reportWritingStart.plusDays(days), reportWritingDue.plusDays(days),
        reportSubmissionStart.plusDays(days), reportSubmissionDue.plusDays(days), evaluationDue.plusDays(days),
        unitReportDue.plusDays(days), districtReportDue.plusDays(days), provinceReportDue.plusDays(days), topics);
  }

  /**
   * Problems of launching this calendar on {@code today}, in Vietnamese: a plan deadline already
   * past would make every participant overdue the moment their first task appears.
   */
  public List<String> launchProblems(LocalDate today) {
    if (planDue != null && planDue.isBefore(today)) {
      return List.of("Hạn lập hồ sơ và kế hoạch (" + DateFormats.format(planDue) + ") đã qua: hôm nay là "
          + DateFormats.format(today) + ". Vui lòng chọn hạn từ hôm nay trở đi (có thể bấm “Điền lịch "
          + "mặc định theo công văn” để dời cả lịch theo đúng thứ tự và độ dài các giai đoạn).");
    }
    return List.of();
  }

  /** First day of a phase, or {@code null} when the phase is open from the start (the plan). */
  public LocalDate startDate(Phase phase) {
    return switch (phase) {
      case PLAN -> null;
      case COMMON_PART -> commonPartStart;
      case OPTIONAL_PART -> optionalPartStart;
      case REPORT_WRITING -> reportWritingStart;
      case REPORT_SUBMISSION -> reportSubmissionStart;
      case EVALUATION -> reportSubmissionStart;
    };
  }

  /** Last day of a phase. */
  public LocalDate dueDate(Phase phase) {
    return switch (phase) {
      case PLAN -> planDue;
      case COMMON_PART -> commonPartDue;
      case OPTIONAL_PART -> optionalPartDue;
      case REPORT_WRITING -> reportWritingDue;
      case REPORT_SUBMISSION -> reportSubmissionDue;
      case EVALUATION -> evaluationDue;
    };
  }

  /** The moment a phase opens, or {@code null} for a phase open from the start. */
  public Date opensAt(Phase phase) {
    LocalDate start = startDate(phase);
    return start == null ? null : Date.from(start.atStartOfDay(ZONE).toInstant());
  }

  /** The moment a phase is due. */
  public Date dueAt(Phase phase) {
    return endOf(dueDate(phase));
  }

  /** The unit's hard cut-off: whatever a participant has not finished then is closed as overdue. */
  public Date unitCutOffAt() {
    return endOf(unitReportDue);
  }

  /** A date of the calendar by its component name, e.g. {@code "unitReportDue"}. */
  public LocalDate date(String field) {
    for (var component : CampaignCalendar.class.getRecordComponents()) {
      if (component.getName().equals(field) && component.getType() == LocalDate.class) {
        try {
          return (LocalDate) component.getAccessor().invoke(this);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalArgumentException("No calendar date " + field);
  }

  /** The first minute of a calendar day, e.g. the moment a phase opens. */
  public Date startOf(String field) {
    return Date.from(date(field).atStartOfDay(ZONE).toInstant());
  }

  /** The last minute of a calendar day: deadlines are met until then. */
  public Date endOf(String field) {
    return endOf(date(field));
  }

  private static Date endOf(LocalDate day) {
    return Date.from(ZonedDateTime.of(day, END_OF_DAY, ZONE).toInstant());
  }

  /**
   * Problems with the order of the dates, in Vietnamese; empty when the calendar is consistent.
   * Each phase must start after the previous one is due, and every lower deadline must come
   * before the province deadline.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    before(problems, planDue, "Hạn lập kế hoạch", commonPartStart, "ngày bắt đầu Phần chung");
    notAfter(problems, commonPartStart, "Ngày bắt đầu Phần chung", commonPartDue, "hạn Phần chung");
    before(problems, commonPartDue, "Hạn Phần chung", optionalPartStart, "ngày bắt đầu Phần tự chọn");
    notAfter(problems, optionalPartStart, "Ngày bắt đầu Phần tự chọn", optionalPartDue, "hạn Phần tự chọn");
    before(problems, optionalPartDue, "Hạn Phần tự chọn", reportWritingStart, "ngày bắt đầu viết thu hoạch");
    before(problems, guidanceDue, "Hạn ban hành hướng dẫn viết thu hoạch", reportWritingStart,
        "ngày bắt đầu viết thu hoạch");
    notAfter(problems, reportWritingStart, "Ngày bắt đầu viết thu hoạch", reportWritingDue, "hạn viết thu hoạch");
    before(problems, reportWritingDue, "Hạn viết thu hoạch", reportSubmissionStart, "ngày bắt đầu nộp thu hoạch");
    notAfter(problems, reportSubmissionStart, "Ngày bắt đầu nộp thu hoạch", reportSubmissionDue, "hạn nộp thu hoạch");
    notAfter(problems, reportSubmissionDue, "Hạn nộp thu hoạch", evaluationDue, "hạn đánh giá thu hoạch");
    notAfter(problems, evaluationDue, "Hạn đánh giá thu hoạch", unitReportDue, "hạn báo cáo của đơn vị");
    notAfter(problems, unitReportDue, "Hạn báo cáo của đơn vị", districtReportDue, "hạn báo cáo của cấp trung gian");
    notAfter(problems, districtReportDue, "Hạn báo cáo của cấp trung gian", provinceReportDue,
        "hạn gửi báo cáo về Sở");
    if (topics.isEmpty()) {
      problems.add("Danh sách chuyên đề tự chọn không được để trống.");
    }
    return problems;
  }

  private static void before(List<String> problems, LocalDate first, String firstName,
      LocalDate second, String secondName) {
    if (first == null || second == null) {
      missing(problems, first, firstName, second, secondName);
    } else if (!first.isBefore(second)) {
      problems.add(firstName + " (" + DateFormats.format(first) + ") phải trước " + secondName
          + " (" + DateFormats.format(second) + ").");
    }
  }

  private static void notAfter(List<String> problems, LocalDate first, String firstName,
      LocalDate second, String secondName) {
    if (first == null || second == null) {
      missing(problems, first, firstName, second, secondName);
    } else if (first.isAfter(second)) {
      problems.add(firstName + " (" + DateFormats.format(first) + ") không được sau " + secondName
          + " (" + DateFormats.format(second) + ").");
    }
  }

  private static void missing(List<String> problems, LocalDate first, String firstName,
      LocalDate second, String secondName) {
    String name = first == null ? firstName : secondName;
    String message = "Chưa nhập " + name.substring(0, 1).toLowerCase() + name.substring(1) + ".";
    if (!problems.contains(message)) {
      problems.add(message);
    }
  }
}
