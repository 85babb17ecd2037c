package vn.thuvien.selftraining.training;

import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.system.InvalidInputException;

/**
 * Bean {@code phaseTask}: create and complete listener of every task of
 * {@code staff-self-training}. On create it records the phase as open with its due date; on
 * complete it checks the form's values on the server ({@link TaskInputRules},
 * {@link ReportFileValidator}) and records the outcome. Refused input throws, which rolls the
 * completion back: the task stays open and nothing is stored.
 */
@Component("phaseTask")
public class PhaseTaskListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(PhaseTaskListener.class);

  private final ParticipantRecords records;
  private final ReportFiles reportFiles;
  private final ReportFileValidator fileValidator;
  private final Clock clock;

  public PhaseTaskListener(ParticipantRecords records, ReportFiles reportFiles,
      ReportFileValidator fileValidator, Clock clock) {
    this.records = records;
    this.reportFiles = reportFiles;
    this.fileValidator = fileValidator;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Phase phase = Phase.ofTask(task.getTaskDefinitionKey());
    String instanceId = task.getProcessInstanceId();
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> records.phaseOpened(instanceId, phase, task.getDueDate());
      case EVENTNAME_COMPLETE -> completed(task, phase, instanceId);
      default -> throw new IllegalStateException("Unexpected task event " + task.getEventName());
    }
  }

  private void completed(DelegateTask task, Phase phase, String instanceId) {
    TaskInputRules.check(phase, task);
    Date now = Date.from(clock.instant());
    switch (phase) {
      case PLAN -> records.planPrepared(instanceId, TaskInputRules.text(task, VAR_PLAN_MATERIALS),
          TaskInputRules.text(task, VAR_PLAN_SCHEDULE), TaskInputRules.text(task, VAR_PLAN_METHOD));
      case COMMON_PART -> records.commonPartStudied(instanceId, TaskInputRules.text(task, VAR_COMMON_PART_NOTES));
      case OPTIONAL_PART -> records.optionalPartStudied(instanceId, TaskInputRules.text(task, VAR_TOPIC),
          TaskInputRules.text(task, VAR_OPTIONAL_PART_NOTES));
      case REPORT_WRITING -> records.reportWritten(instanceId, TaskInputRules.text(task, VAR_REPORT_TITLE));
      case REPORT_SUBMISSION -> storeReport(task, instanceId, now);
      case EVALUATION -> recordEvaluation(task, instanceId, now);
    }
    if (phase != Phase.EVALUATION || Boolean.TRUE.equals(REPORT_ACCEPTED.get(task))) {
      records.phaseCompleted(instanceId, phase, task.getDueDate(), now);
    }
  }

  private void storeReport(DelegateTask task, String instanceId, Date now) {
    Object value = REPORT_FILE.typed(task);
    if (!(value instanceof FileValue file) || file.getValue() == null) {
      throw new InvalidInputException("Chưa chọn tệp bài thu hoạch (trường \"Tệp bài thu hoạch\").");
    }
    byte[] content = readAll(file);
    String mimeType = fileValidator.check(file.getFilename(), content);
    // downloads are served with the type found in the content, never the one the browser declared
    REPORT_FILE.setTyped(task, Variables.fileValue(file.getFilename()).file(content).mimeType(mimeType).create());
    long fileId = reportFiles.store(records.idOf(instanceId), file.getFilename(), mimeType, content, now);
    records.reportSubmitted(instanceId, fileId);
    REPORT_FILE_ID.set(task, fileId);
    LOG.info("Report submitted: instance {}, file {} ({} bytes)", instanceId, fileId, content.length);
  }

  private void recordEvaluation(DelegateTask task, String instanceId, Date now) {
    boolean accepted = (Boolean) REPORT_ACCEPTED.get(task);
    if (!accepted) {
      records.reportReturned(instanceId, TaskInputRules.text(task, VAR_RETURN_REASON), TaskActors.completedBy(task),
          now);
      return;
    }
    BigDecimal score = BigDecimal.valueOf(((Number) SCORE.get(task)).doubleValue());
    records.evaluated(instanceId, score, null, TaskInputRules.text(task, VAR_EVALUATION_COMMENT),
        TaskActors.completedBy(task), now);
  }


  private static byte[] readAll(FileValue file) {
    try (var in = file.getValue()) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot read uploaded file", e);
    }
  }
}
