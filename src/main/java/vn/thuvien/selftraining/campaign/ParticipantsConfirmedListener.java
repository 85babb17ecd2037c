package vn.thuvien.selftraining.campaign;

import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.SCHOOL_YEAR;
import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.UNIT_CODE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Bean {@code participantsConfirmed}, complete listener of {@code Task_ConfirmParticipants}: the
 * principal's list ({@link ParticipantList}) decides who takes part ({@link ParticipantEnrolment}).
 */
@Component("participantsConfirmed")
public class ParticipantsConfirmedListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(ParticipantsConfirmedListener.class);

  private final ParticipantEnrolment enrolment;

  public ParticipantsConfirmedListener(ParticipantEnrolment enrolment) {
    this.enrolment = enrolment;
  }

  @Override
  public void notify(DelegateTask task) {
    String schoolYear = SCHOOL_YEAR.get(task);
    String unitCode = UNIT_CODE.get(task);
    ParticipantList confirmed = ParticipantList.read(SchoolProcess.PARTICIPANT_IDS.get(task), unitCode,
        enrolment.eligible(unitCode));
    int before = enrolment.apply(schoolYear, unitCode, confirmed);
    LOG.info("Participants of {}/{} confirmed: {} (were {})", schoolYear, unitCode, confirmed.personIds().size(),
        before);
  }
}
