package vn.thuvien.selftraining.training;

/**
 * Key, element ids and variable names of {@code processes/staff-self-training.bpmn}: one instance
 * per participant and school year. Delegates and tests use these, never string literals.
 */
public final class StaffSelfTrainingProcess {

  public static final String KEY = "staff-self-training";

  // Element ids
  public static final String START_EVENT = "StartEvent_ParticipantEnrolled";
  public static final String SUB_PROCESS_TRAINING = "SubProcess_Training";
  public static final String TASK_PREPARE_PLAN = "Task_PreparePlan";
  public static final String TIMER_COMMON_PART_OPENS = "TimerEvent_CommonPartOpens";
  public static final String TASK_STUDY_COMMON_PART = "Task_StudyCommonPart";
  public static final String TIMER_OPTIONAL_PART_OPENS = "TimerEvent_OptionalPartOpens";
  public static final String TASK_STUDY_OPTIONAL_PART = "Task_StudyOptionalPart";
  public static final String GATEWAY_GUIDANCE_PUBLISHED = "Gateway_GuidanceAlreadyPublished";
  public static final String MESSAGE_EVENT_GUIDANCE = "MessageEvent_GuidancePublished";
  public static final String TIMER_WRITING_OPENS = "TimerEvent_ReportWritingOpens";
  public static final String TASK_WRITE_REPORT = "Task_WriteReport";
  public static final String TIMER_SUBMISSION_OPENS = "TimerEvent_ReportSubmissionOpens";
  public static final String TASK_SUBMIT_REPORT = "Task_SubmitReport";
  public static final String TASK_EVALUATE_REPORT = "Task_EvaluateReport";
  public static final String GATEWAY_REPORT_ACCEPTED = "Gateway_ReportAccepted";
  public static final String TASK_CLASSIFY_REPORT = "Task_ClassifyReport";
  public static final String TASK_RECORD_RESULT = "Task_RecordResult";
  public static final String END_EVENT_EVALUATED = "EndEvent_ReportEvaluated";
  public static final String BOUNDARY_CUT_OFF = "BoundaryEvent_UnitCutOff";
  public static final String TASK_RECORD_OVERDUE = "Task_RecordOverdue";
  public static final String END_EVENT_CLOSED_OVERDUE = "EndEvent_ClosedOverdue";
  public static final String START_EVENT_WITHDRAWN = "StartEvent_ParticipantWithdrawn";
  public static final String TASK_RECORD_WITHDRAWN = "Task_RecordWithdrawn";
  public static final String END_EVENT_WITHDRAWN = "EndEvent_Withdrawn";

  /** Message sent by the Sở when it publishes the report-writing guidance, correlated per school year. */
  public static final String MESSAGE_GUIDANCE_PUBLISHED = "ReportGuidancePublished";

  /** Sent to one participant's instance (by business key) when the principal takes them off the list. */
  public static final String MESSAGE_PARTICIPANT_WITHDRAWN = "ParticipantWithdrawn";

  /** Name of the DMN decision that turns a score into a classification. */
  public static final String DECISION_CLASSIFICATION = "ReportClassification";

  // Variables set by the caller
  public static final String VAR_SCHOOL_YEAR = "schoolYear";
  public static final String VAR_UNIT_CODE = "unitCode";
  public static final String VAR_PERSON_ID = "personId";
  public static final String VAR_PERSON_NAME = "personName";

  // Variables filled by the participant's forms
  public static final String VAR_PLAN_MATERIALS = "planMaterials";
  public static final String VAR_PLAN_SCHEDULE = "planSchedule";
  public static final String VAR_PLAN_METHOD = "planMethod";
  public static final String VAR_COMMON_PART_NOTES = "commonPartNotes";
  public static final String VAR_COMMON_PART_DONE = "commonPartDone";
  public static final String VAR_TOPIC = "topic";
  public static final String VAR_TOPIC_CHOICES = "topicChoices";
  public static final String VAR_OPTIONAL_PART_NOTES = "optionalPartNotes";
  public static final String VAR_OPTIONAL_PART_DONE = "optionalPartDone";
  public static final String VAR_REPORT_TITLE = "reportTitle";
  public static final String VAR_REPORT_WRITTEN = "reportWritten";
  public static final String VAR_REPORT_FILE = "reportFile";
  public static final String VAR_REPORT_FILE_ID = "reportFileId";

  // Variables filled by the principal's evaluation form and the decision
  public static final String VAR_REPORT_ACCEPTED = "reportAccepted";
  public static final String VAR_SCORE = "score";
  public static final String VAR_EVALUATION_COMMENT = "evaluationComment";
  public static final String VAR_RETURN_REASON = "returnReason";
  public static final String VAR_CLASSIFICATION = "classification";

  private StaffSelfTrainingProcess() {
  }

  /** {@code <schoolYear>/<unitCode>/<personId>}: finds a participant's instance in Cockpit at a glance. */
  public static String businessKey(String schoolYear, String unitCode, String personId) {
    return schoolYear + "/" + unitCode + "/" + personId;
  }

  /** Candidate group of the principals of a unit. */
  public static String principalGroup(String unitCode) {
    return "principal-" + unitCode;
  }
}
