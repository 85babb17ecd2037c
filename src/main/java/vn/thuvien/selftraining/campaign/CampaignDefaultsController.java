package vn.thuvien.selftraining.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.thuvien.selftraining.directory.CampaignStructure;
import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.training.CalendarDate;
import vn.thuvien.selftraining.training.CampaignCalendar;

/**
 * What the campaign's start form ({@code forms/start-campaign.html}) asks the server, so that it
 * spells no date, label or rule of its own ({@link CalendarDate} owns them). Public (see
 * {@code ApiAuthenticationFilter}): both read nothing stored, they only compute.
 *
 * <p>{@code GET /api/public/campaign-defaults?schoolYear=2026-2027}: the calendar and topics of the
 * letter's pattern ({@link CampaignCalendar#defaultFor}) for a school year, placed on today
 * ({@link CampaignCalendar#placedOn}: moved forward when the letter's dates leave too little time for
 * the plan), so that what the form offers can be launched on the day it is offered: dates as
 * {@code yyyy-MM-dd}, one per {@link CalendarDate}, and {@code dates}, each date's field and label.
 * Without a school year, the current one by the clock.
 *
 * <p>{@code GET /api/public/campaign-calendar/problems?schoolYear=…&planDue=…}: what stops the dates
 * given from being launched today ({@link CampaignCalendar#launchChecks}), each problem with the
 * fields it concerns, and the dates outside the school year. Dates not given are left to the form's
 * own required checks.
 */
@RestController
public class CampaignDefaultsController {

  private final Clock clock;
  private final Directory directory;

  public CampaignDefaultsController(Clock clock, Directory directory) {
    this.clock = clock;
    this.directory = directory;
  }

  @GetMapping("/api/public/campaign-defaults")
  public ResponseEntity<Map<String, Object>> defaults(
      @RequestParam(name = "schoolYear", required = false) String schoolYear) {
    LocalDate today = LocalDate.now(clock);
    String year = schoolYear == null || schoolYear.isBlank() ? CampaignCalendar.schoolYearOf(today) : schoolYear;
    CampaignCalendar calendar;
    try {
      calendar = CampaignCalendar.defaultFor(year).placedOn(today);
    } catch (IllegalArgumentException e) {
      return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
    }
    String levelName = directory.intermediateLevelName();
    Map<String, Object> values = asFormValues(calendar);
    // the form checks the plan deadline against the server's day, not the browser's
    values.put("today", today.toString());
    // how the form names the level between the Sở and the schools, as the directory does
    values.put("intermediateLevel", levelName);
    values.put(CampaignProcess.VAR_REPORTING_ROUTE, CampaignStructure.Route.THROUGH_INTERMEDIATE.name());
    List<Map<String, String>> dates = new ArrayList<>();
    for (CalendarDate date : CalendarDate.values()) {
      dates.add(Map.of("field", date.field(), "label", date.label(levelName)));
    }
    values.put("dates", dates);
    return ResponseEntity.ok(values);
  }

  @GetMapping("/api/public/campaign-calendar/problems")
  public ResponseEntity<Map<String, Object>> problems(@RequestParam Map<String, String> form) {
    LocalDate today = LocalDate.now(clock);
    String schoolYear = form.getOrDefault(CampaignProcess.VAR_SCHOOL_YEAR, "").strip();
    Map<CalendarDate, LocalDate> dates = new EnumMap<>(CalendarDate.class);
    for (CalendarDate date : CalendarDate.values()) {
      String value = form.getOrDefault(date.field(), "").strip();
      if (!value.isEmpty()) {
        try {
          dates.put(date, LocalDate.parse(value));
        } catch (DateTimeParseException e) {
          // a malformed date is the field's own error in the form
        }
      }
    }
    String levelName = directory.intermediateLevelName();
    CampaignCalendar calendar = new CampaignCalendar(schoolYear, dates, CampaignCalendar.DEFAULT_TOPICS);
    List<Map<String, Object>> problems = new ArrayList<>();
    for (CampaignCalendar.Problem problem : calendar.launchChecks(today, levelName)) {
      if (!problem.missing()) {
        problems.add(Map.of("message", problem.message(),
            "fields", problem.dates().stream().map(CalendarDate::field).toList()));
      }
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("problems", problems);
    answer.put("outsideYear", validSchoolYear(schoolYear) ? calendar.outsideSchoolYear(levelName) : List.of());
    return ResponseEntity.ok(answer);
  }

  private static boolean validSchoolYear(String schoolYear) {
    try {
      CampaignCalendar.firstYearOf(schoolYear);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The calendar as the start form's variables: every date as yyyy-MM-dd, in the form's order. */
  static Map<String, Object> asFormValues(CampaignCalendar calendar) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(CampaignProcess.VAR_SCHOOL_YEAR, calendar.schoolYear());
    values.put(CampaignProcess.VAR_LETTER_NUMBER, "");
    values.put(CampaignProcess.VAR_LETTER_DATE, "");
    for (CalendarDate date : CalendarDate.values()) {
      LocalDate day = calendar.get(date);
      values.put(date.field(), day == null ? "" : day.toString());
    }
    values.put(CampaignProcess.VAR_TOPICS, calendar.topics());
    return values;
  }
}
