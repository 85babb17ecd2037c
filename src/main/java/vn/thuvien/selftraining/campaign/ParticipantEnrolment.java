package vn.thuvien.selftraining.campaign;

import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.KEY;
import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.MESSAGE_PARTICIPANT_WITHDRAWN;
import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.VAR_PERSON_ID;
import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.VAR_PERSON_NAME;
import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.VAR_SCHOOL_YEAR;
import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.VAR_UNIT_CODE;
import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.businessKey;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.system.AsTheProcess;
import vn.thuvien.selftraining.training.ParticipantRecords;

/**
 * Applies a unit's confirmed list: people taken off are withdrawn (message
 * {@code ParticipantWithdrawn} to their instance), people of the unit's directory added back or
 * added late start their year. Runs inside the principal's task completion; the principal may
 * neither start nor message other people's instances, so the process does it on their behalf.
 */
@Service
public class ParticipantEnrolment {

  private final Directory directory;
  private final ParticipantRecords records;
  private final RuntimeService runtime;
  private final IdentityService identity;

  public ParticipantEnrolment(Directory directory, ParticipantRecords records, RuntimeService runtime,
      IdentityService identity) {
    this.directory = directory;
    this.records = records;
    this.runtime = runtime;
    this.identity = identity;
  }

  /** The unit's library staff in the directory: whom a principal may confirm. */
  public Set<String> eligible(String unitCode) {
    return Set.copyOf(directory.participantsOf(unitCode).stream().map(Directory.Person::id).toList());
  }

  /** @return how many were taking part before */
  public int apply(String schoolYear, String unitCode, ParticipantList confirmed) {
    Set<String> enrolled = records.enrolled(schoolYear, unitCode);
    AsTheProcess.run(identity, () -> {
      for (String personId : enrolled) {
        if (!confirmed.contains(personId)) {
          runtime.createMessageCorrelation(MESSAGE_PARTICIPANT_WITHDRAWN)
              .processInstanceBusinessKey(businessKey(schoolYear, unitCode, personId))
              .correlateAll();
        }
      }
      for (String personId : confirmed.personIds()) {
        if (!enrolled.contains(personId) && !isRunning(schoolYear, unitCode, personId)) {
          runtime.startProcessInstanceByKey(KEY, businessKey(schoolYear, unitCode, personId), Map.of(
              VAR_SCHOOL_YEAR, schoolYear, VAR_UNIT_CODE, unitCode, VAR_PERSON_ID, personId,
              VAR_PERSON_NAME, directory.personName(personId)));
        }
      }
    });
    return enrolled.size();
  }

  private boolean isRunning(String schoolYear, String unitCode, String personId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(businessKey(schoolYear, unitCode, personId)).count() > 0;
  }
}
