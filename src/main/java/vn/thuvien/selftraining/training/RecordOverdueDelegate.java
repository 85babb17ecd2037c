package vn.thuvien.selftraining.training;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Bean {@code recordOverdue}, used by {@code Task_RecordOverdue} after the unit's cut-off closed
 * whatever was still open. A participant who never got the report in is "Không hoàn thành – quá
 * hạn"; one whose report was in and waiting for the principal is recorded as such, so a principal's delay
 * is not counted against the librarian.
 */
@Component("recordOverdue")
public class RecordOverdueDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordOverdueDelegate.class);

  private final ParticipantRecords records;
  private final Clock clock;

  public RecordOverdueDelegate(ParticipantRecords records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String instanceId = execution.getProcessInstanceId();
    boolean awaitingEvaluation =
        records.find(instanceId).orElseThrow().status() == ParticipantStatus.SUBMITTED;
    ParticipantStatus status = awaitingEvaluation
        ? ParticipantStatus.SUBMITTED_NOT_EVALUATED
        : ParticipantStatus.INCOMPLETE_OVERDUE;
    records.close(instanceId, status, Date.from(clock.instant()));
    LOG.info("Participant {} closed at the unit cut-off as {}", execution.getBusinessKey(), status);
  }
}
