package vn.thuvien.selftraining.campaign;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thuvien.selftraining.directory.CampaignStructure;
import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.training.CampaignCalendar;

/**
 * {@code GET /api/public/campaign-defaults?schoolYear=2026-2027}: the calendar and topics of the
 * letter's pattern ({@link CampaignCalendar#defaultFor}) for a school year, placed on today
 * ({@link CampaignCalendar#placedOn}: moved forward when the letter's dates leave too little time
 * for the plan), so that what the form offers can be launched on the day it is offered, as the start form
 * ({@code forms/start-campaign.html}) fills them in: dates as {@code yyyy-MM-dd}, one field per
 * {@link CampaignProcess#CALENDAR_FIELDS} entry. Without a school year, the current one by the
 * clock. Public (see {@code ApiAuthenticationFilter}): it reads nothing stored, it only computes
 * the pattern.
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
    Map<String, Object> values = asFormValues(calendar);
    // the form checks the plan deadline against the server's day, not the browser's
    values.put("today", today.toString());
    // how the form names the level between the Sở and the schools, as the directory does
    values.put("intermediateLevel", directory.intermediateLevelName());
    values.put(CampaignProcess.VAR_REPORTING_ROUTE, CampaignStructure.Route.THROUGH_INTERMEDIATE.name());
    return ResponseEntity.ok(values);
  }

  /** The calendar as the start form's variables: every date as yyyy-MM-dd, in the form's order. */
  static Map<String, Object> asFormValues(CampaignCalendar calendar) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(CampaignProcess.VAR_SCHOOL_YEAR, calendar.schoolYear());
    values.put(CampaignProcess.VAR_LETTER_NUMBER, "");
    values.put(CampaignProcess.VAR_LETTER_DATE, "");
    for (String field : CampaignProcess.CALENDAR_FIELDS) {
      LocalDate date = dateOf(calendar, field);
      values.put(field, date == null ? "" : date.toString());
    }
    values.put(CampaignProcess.VAR_TOPICS, calendar.topics());
    return values;
  }

  private static LocalDate dateOf(CampaignCalendar calendar, String field) {
    for (RecordComponent component : CampaignCalendar.class.getRecordComponents()) {
      if (component.getName().equals(field) && component.getType() == LocalDate.class) {
        try {
          return (LocalDate) component.getAccessor().invoke(calendar);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("Cannot read " + field + " of the calendar", e);
        }
      }
    }
    throw new IllegalStateException("CampaignCalendar has no date " + field);
  }
}
