package vn.thuvien.selftraining.training;

import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;


/**
 * Bean {@code calendar}: the dates that the models' timers and due dates read, e.g.
 * {@code ${calendar.dueAt(execution, 'COMMON_PART')}}.
 *
 * <p>A participant's instance carries only its school year; the dates come from that year's
 * campaign, so moving a date in the campaign moves it for everybody not yet past it, and 50,000
 * instances do not each hold a copy of the calendar. A standalone start, with no campaign stored
 * for its school year, follows the letter's pattern ({@link CampaignCalendar#defaultFor}).
 */
@Component("calendar")
public class CampaignCalendars {

  private final CampaignRepository campaigns;

  public CampaignCalendars(CampaignRepository campaigns) {
    this.campaigns = campaigns;
  }

  public CampaignCalendar forSchoolYear(String schoolYear) {
    return campaigns.findCalendar(schoolYear)
        .orElseGet(() -> CampaignCalendar.defaultFor(schoolYear));
  }

  public CampaignCalendar forScope(VariableScope scope) {
    return forSchoolYear(StaffSelfTrainingProcess.SCHOOL_YEAR.get(scope));
  }

  /** When the phase opens; a phase already open makes its timer fire at once. */
  public Date opensAt(VariableScope scope, String phase) {
    return forScope(scope).opensAt(Phase.valueOf(phase));
  }

  public Date dueAt(VariableScope scope, String phase) {
    return forScope(scope).dueAt(Phase.valueOf(phase));
  }

  public Date unitCutOffAt(VariableScope scope) {
    return forScope(scope).unitCutOffAt();
  }

  /** End of a calendar day by name, e.g. {@code ${calendar.endOf(execution, 'districtReportDue')}}. */
  public Date endOf(VariableScope scope, String field) {
    return forScope(scope).endOf(CalendarDate.ofField(field));
  }

  /** Start of a calendar day by name: hard deadlines that leave the level above its last day. */
  public Date startOf(VariableScope scope, String field) {
    return forScope(scope).startOf(CalendarDate.ofField(field));
  }

  /** The topics offered on the optional-part form, one per line. */
  public String topicChoices(VariableScope scope) {
    return String.join("\n", forScope(scope).topics());
  }
}
