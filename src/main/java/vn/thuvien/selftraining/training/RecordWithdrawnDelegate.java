package vn.thuvien.selftraining.training;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Bean {@code recordWithdrawn}, used by {@code Task_RecordWithdrawn}: the principal confirmed that
 * this person does not take part this year; the record stays, marked so, and counts nowhere.
 */
@Component("recordWithdrawn")
public class RecordWithdrawnDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordWithdrawnDelegate.class);

  private final ParticipantRecords records;
  private final Clock clock;

  public RecordWithdrawnDelegate(ParticipantRecords records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    records.close(execution.getProcessInstanceId(), ParticipantStatus.WITHDRAWN, Date.from(clock.instant()));
    LOG.info("Participant {} withdrawn by the principal", execution.getBusinessKey());
  }
}
