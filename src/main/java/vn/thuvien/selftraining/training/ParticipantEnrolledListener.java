package vn.thuvien.selftraining.training;

import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.*;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.system.InvalidInputException;


/**
 * Bean {@code participantEnrolled}, start listener of {@code StartEvent_ParticipantEnrolled}:
 * checks that the caller gave who and which year, and opens the participant's record.
 */
@Component("participantEnrolled")
public class ParticipantEnrolledListener implements ExecutionListener {

  private final ParticipantRecords records;
  private final Clock clock;

  public ParticipantEnrolledListener(ParticipantRecords records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String schoolYear = required(execution, VAR_SCHOOL_YEAR, "Năm học");
    CampaignCalendar.firstYearOf(schoolYear);
    String unitCode = required(execution, VAR_UNIT_CODE, "Mã đơn vị");
    String personId = required(execution, VAR_PERSON_ID, "Mã người tham gia");
    records.open(execution.getProcessInstanceId(), schoolYear, unitCode, personId,
        TaskInputRules.text(execution, VAR_PERSON_NAME), Date.from(clock.instant()));
  }

  private static String required(DelegateExecution execution, String name, String label) {
    String value = TaskInputRules.text(execution, name);
    if (value == null) {
      throw new InvalidInputException("Thiếu \"" + label + "\" (biến " + name + ") khi bắt đầu quy trình tự bồi dưỡng.");
    }
    return value;
  }
}
