package vn.thuvien.selftraining.training;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
public record CampaignCalendar(String schoolYear, Map<CalendarDate, LocalDate> dates, List<String> topics) {

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

  /** Dates missing from {@code dates} are {@code null} (a form not filled in). */
  public CampaignCalendar {
    EnumMap<CalendarDate, LocalDate> copy = new EnumMap<>(CalendarDate.class);
    dates.forEach((date, day) -> {
      if (day != null) {
        copy.put(date, day);
      }
    });
    dates = Collections.unmodifiableMap(copy);
    topics = List.copyOf(topics);
  }

  /** A date of the calendar, or {@code null} when it is not set. */
  public LocalDate get(CalendarDate date) {
    return dates.get(date);
  }

  /** The same calendar with one date changed. */
  public CampaignCalendar with(CalendarDate date, LocalDate day) {
    Map<CalendarDate, LocalDate> changed = new EnumMap<>(CalendarDate.class);
    changed.putAll(dates);
    changed.put(date, day);
    return new CampaignCalendar(schoolYear, changed, topics);
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
    Map<CalendarDate, LocalDate> dates = new EnumMap<>(CalendarDate.class);
    for (CalendarDate date : CalendarDate.values()) {
      dates.put(date, date.letterDateIn(first));
    }
    return new CampaignCalendar(schoolYear.strip(), dates, DEFAULT_TOPICS);
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
    LocalDate planDue = get(CalendarDate.PLAN_DUE);
    if (!planDue.isBefore(earliestPlanDue)) {
      return this;
    }
    return movedBy(ChronoUnit.DAYS.between(planDue, earliestPlanDue));
  }

  /** Every date moved by the same number of days. */
  public CampaignCalendar movedBy(long days) {
    Map<CalendarDate, LocalDate> moved = new EnumMap<>(CalendarDate.class);
    dates.forEach((date, day) -> moved.put(date, day.plusDays(days)));
    return new CampaignCalendar(schoolYear, moved, topics);
  }

  /**
   * Problems of launching this calendar on {@code today}, in Vietnamese: a plan deadline already
   * past would make every participant overdue the moment their first task appears.
   */
  public List<String> launchProblems(LocalDate today) {
    return launchChecks(today).stream().map(Problem::message).toList();
  }

  private List<Problem> launchChecks(LocalDate today) {
    LocalDate planDue = get(CalendarDate.PLAN_DUE);
    if (planDue != null && planDue.isBefore(today)) {
      return List.of(new Problem(CalendarDate.PLAN_DUE.label(CalendarDate.GENERIC_LEVEL) + " ("
          + DateFormats.format(planDue) + ") đã qua: hôm nay là " + DateFormats.format(today)
          + ". Vui lòng chọn hạn từ hôm nay trở đi (có thể bấm “Điền lịch "
          + "mặc định theo công văn” để dời cả lịch theo đúng thứ tự và độ dài các giai đoạn).",
          List.of(CalendarDate.PLAN_DUE), false));
    }
    return List.of();
  }

  /**
   * Everything that stops this calendar from being launched on {@code today}: the order of its dates
   * ({@link #problems(String)}) and a plan deadline already past. What the start form shows and the
   * launch refuses.
   */
  public List<Problem> launchChecks(LocalDate today, String levelName) {
    List<Problem> problems = new ArrayList<>(problems(levelName));
    problems.addAll(launchChecks(today));
    return problems;
  }

  /** First day of a phase, or {@code null} when the phase is open from the start (the plan). */
  public LocalDate startDate(Phase phase) {
    return phase.opens() == null ? null : get(phase.opens());
  }

  /** Last day of a phase. */
  public LocalDate dueDate(Phase phase) {
    return get(phase.due());
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
    return endOf(get(CalendarDate.UNIT_REPORT_DUE));
  }

  /** The first minute of a calendar day, e.g. the moment a phase opens. */
  public Date startOf(CalendarDate date) {
    return Date.from(get(date).atStartOfDay(ZONE).toInstant());
  }

  /** The last minute of a calendar day: deadlines are met until then. */
  public Date endOf(CalendarDate date) {
    return endOf(get(date));
  }

  private static Date endOf(LocalDate day) {
    return Date.from(ZonedDateTime.of(day, END_OF_DAY, ZONE).toInstant());
  }

  /**
   * Problems with the order of the dates, in Vietnamese; empty when the calendar is consistent: the
   * rules of {@link CalendarDate}, in its order. The intermediate level is named generically.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (Problem problem : problems(CalendarDate.GENERIC_LEVEL)) {
      problems.add(problem.message());
    }
    return problems;
  }

  /**
   * A problem of the calendar and the dates it concerns (the start form marks them).
   *
   * @param missing a date is not filled in (the form says so at the field itself)
   */
  public record Problem(String message, List<CalendarDate> dates, boolean missing) {
  }

  /** Problems with the order of the dates, naming the intermediate level {@code levelName}. */
  public List<Problem> problems(String levelName) {
    List<Problem> problems = new ArrayList<>();
    for (CalendarDate date : CalendarDate.values()) {
      for (CalendarDate.Rule rule : date.rules()) {
        check(problems, rule.earlier(), date, rule.strictly(), levelName);
      }
    }
    if (topics.isEmpty()) {
      problems.add(new Problem("Danh sách chuyên đề tự chọn không được để trống.", List.of(), false));
    }
    return problems;
  }

  private void check(List<Problem> problems, CalendarDate earlier, CalendarDate later, boolean strictly,
      String levelName) {
    LocalDate first = get(earlier);
    LocalDate second = get(later);
    if (first == null || second == null) {
      CalendarDate absent = first == null ? earlier : later;
      String message = "Chưa nhập " + absent.phrase(levelName) + ".";
      if (problems.stream().noneMatch(p -> p.message().equals(message))) {
        problems.add(new Problem(message, List.of(absent), true));
      }
    } else if (strictly ? !first.isBefore(second) : first.isAfter(second)) {
      problems.add(new Problem(capitalised(earlier.phrase(levelName)) + " (" + DateFormats.format(first) + ") "
          + (strictly ? "phải trước " : "không được sau ") + later.phrase(levelName)
          + " (" + DateFormats.format(second) + ").", List.of(earlier, later), false));
    }
  }

  private static String capitalised(String phrase) {
    return phrase.substring(0, 1).toUpperCase(Locale.ROOT) + phrase.substring(1);
  }

  /**
   * The dates outside the school year (1 August to 31 July), each as "label (dd/MM/yyyy)": not an
   * error, but most likely a slip the start form points out.
   */
  public List<String> outsideSchoolYear(String levelName) {
    int first = firstYearOf(schoolYear);
    LocalDate from = LocalDate.of(first, 8, 1);
    LocalDate to = LocalDate.of(first + 1, 7, 31);
    List<String> outside = new ArrayList<>();
    dates.forEach((date, day) -> {
      if (day.isBefore(from) || day.isAfter(to)) {
        outside.add(date.label(levelName) + " (" + DateFormats.format(day) + ")");
      }
    });
    return outside;
  }
}
