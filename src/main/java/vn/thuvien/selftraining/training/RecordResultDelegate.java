package vn.thuvien.selftraining.training;

import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Bean {@code recordResult}, used by {@code Task_RecordResult}: writes the classification decided
 * by {@code ReportClassification} and closes the participant's record as evaluated.
 */
@Component("recordResult")
public class RecordResultDelegate implements JavaDelegate {

  private final ParticipantRecords records;
  private final Clock clock;

  public RecordResultDelegate(ParticipantRecords records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String instanceId = execution.getProcessInstanceId();
    var record = records.find(instanceId).orElseThrow();
    BigDecimal score = BigDecimal.valueOf(((Number) SCORE.get(execution)).doubleValue());
    records.evaluated(instanceId, score, CLASSIFICATION.get(execution),
        record.evaluationComment(), record.evaluatedBy(), Date.from(clock.instant()));
    records.close(instanceId, ParticipantStatus.EVALUATED, Date.from(clock.instant()));
  }
}
