package vn.thuvien.selftraining.campaign;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.directory.Directory.Person;
import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.training.CalendarDate;
import vn.thuvien.selftraining.training.CampaignCalendars;

/**
 * Bean {@code unitDirection}: who takes part in a unit, for {@code school-self-training}. The
 * participants of the directory start at once (nobody waits for a signature); the principal's
 * confirmation then withdraws or adds people ({@link ParticipantsConfirmedListener}). Its start
 * listener puts the directory's list on the instance for the confirmation form.
 */
@Component("unitDirection")
public class UnitDirection implements ExecutionListener {

  private final Directory directory;
  private final CampaignCalendars calendars;
  private final Clock clock;
  private final Duration confirmationPeriod;
  private final ObjectMapper json = new ObjectMapper();

  public UnitDirection(Directory directory, CampaignCalendars calendars, Clock clock,
      @Value("${self-training.campaign.confirmation-period:P3D}") Duration confirmationPeriod) {
    this.directory = directory;
    this.calendars = calendars;
    this.clock = clock;
    this.confirmationPeriod = confirmationPeriod;
  }

  /** The multi-instance collection of {@code CallActivity_Participants}. */
  public List<String> participantIds(VariableScope scope) {
    return directory.participantsOf(unitCode(scope)).stream().map(Person::id).toList();
  }

  /**
   * The principal confirms by the plan's due date, and never in less than the confirmation period
   * (three days by default) after the unit receives the campaign.
   */
  public Date confirmationDueAt(VariableScope scope) {
    Date planDue = calendars.forScope(scope).endOf(CalendarDate.PLAN_DUE);
    Date earliest = Date.from(clock.instant().plus(confirmationPeriod));
    return planDue.after(earliest) ? planDue : earliest;
  }

  /** Start listener: the directory's participants as JSON for forms/confirm-participants.html. */
  @Override
  public void notify(DelegateExecution execution) throws JsonProcessingException {
    List<Map<String, String>> people = new ArrayList<>();
    for (Person person : directory.participantsOf(unitCode(execution))) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("id", person.id());
      entry.put("name", person.fullName());
      entry.put("role", directory.participantRoleLabel(person, unitCode(execution)));
      people.add(entry);
    }
    SchoolProcess.CANDIDATE_PARTICIPANTS.set(execution, json.writeValueAsString(people));
  }

  private static String unitCode(VariableScope scope) {
    return CampaignProcess.UNIT_CODE.get(scope);
  }
}
