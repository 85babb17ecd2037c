package vn.thuvien.selftraining.campaign;

import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.*;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.directory.Directory.Person;
import vn.thuvien.selftraining.system.InvalidInputException;
import vn.thuvien.selftraining.training.ParticipantStatus;

/**
 * Bean {@code participantsConfirmed}, complete listener of {@code Task_ConfirmParticipants}: the
 * principal's list decides. People taken off are withdrawn (message {@code ParticipantWithdrawn}
 * to their instance); people of the unit's directory added back or added late start their year.
 */
@Component("participantsConfirmed")
public class ParticipantsConfirmedListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(ParticipantsConfirmedListener.class);

  private final Directory directory;
  private final JdbcTemplate jdbc;

  public ParticipantsConfirmedListener(Directory directory, JdbcTemplate jdbc) {
    this.directory = directory;
    this.jdbc = jdbc;
  }

  @Override
  public void notify(DelegateTask task) {
    String schoolYear = (String) task.getVariable(VAR_SCHOOL_YEAR);
    String unitCode = (String) task.getVariable(VAR_UNIT_CODE);
    Object value = task.getVariable(SchoolProcess.VAR_PARTICIPANT_IDS);
    if (!(value instanceof String text)) {
      throw new InvalidInputException("Vui lòng xác nhận danh sách người tham gia (trường \"Người tham gia\").");
    }
    Set<String> confirmed = new LinkedHashSet<>(Arrays.stream(text.split(","))
        .map(String::strip).filter(id -> !id.isEmpty()).toList());
    Set<String> known = new LinkedHashSet<>(directory.participantsOf(unitCode).stream().map(Person::id).toList());
    List<String> unknown = confirmed.stream().filter(id -> !known.contains(id)).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidInputException("Không có nhân viên, giáo viên kiêm nhiệm thư viện nào với mã "
          + String.join(", ", unknown) + " trong danh bạ của đơn vị " + unitCode + ".");
    }
    Set<String> enrolled = new LinkedHashSet<>(jdbc.queryForList(
        "SELECT person_id FROM participant_record WHERE school_year = ? AND unit_code = ? AND status <> ?",
        String.class, schoolYear, unitCode, ParticipantStatus.WITHDRAWN.name()));
    RuntimeService runtime = task.getProcessEngineServices().getRuntimeService();
    // The principal may neither start nor message other instances directly; the process does it.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      for (String personId : enrolled) {
        if (!confirmed.contains(personId)) {
          runtime.createMessageCorrelation(MESSAGE_PARTICIPANT_WITHDRAWN)
              .processInstanceBusinessKey(businessKey(schoolYear, unitCode, personId))
              .correlateAll();
        }
      }
      for (String personId : confirmed) {
        if (!enrolled.contains(personId) && !isRunning(runtime, schoolYear, unitCode, personId)) {
          runtime.startProcessInstanceByKey(KEY, businessKey(schoolYear, unitCode, personId), Map.of(
              VAR_SCHOOL_YEAR, schoolYear, VAR_UNIT_CODE, unitCode, VAR_PERSON_ID, personId,
              VAR_PERSON_NAME, directory.personName(personId)));
        }
      }
      return null;
    });
    LOG.info("Participants of {}/{} confirmed: {} (were {})", schoolYear, unitCode, confirmed.size(), enrolled.size());
  }

  private static boolean isRunning(RuntimeService runtime, String schoolYear, String unitCode, String personId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(businessKey(schoolYear, unitCode, personId)).count() > 0;
  }
}
