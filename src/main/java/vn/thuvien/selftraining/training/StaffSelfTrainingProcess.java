package vn.thuvien.selftraining.training;

import vn.thuvien.selftraining.system.ProcessVariable;

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
  public static final ProcessVariable<String> SCHOOL_YEAR = CampaignVariables.SCHOOL_YEAR;
  public static final String VAR_SCHOOL_YEAR = SCHOOL_YEAR.name();
  public static final ProcessVariable<String> UNIT_CODE = CampaignVariables.UNIT_CODE;
  public static final String VAR_UNIT_CODE = UNIT_CODE.name();
  public static final ProcessVariable<String> PERSON_ID = ProcessVariable.string("personId");
  public static final String VAR_PERSON_ID = PERSON_ID.name();
  public static final ProcessVariable<String> PERSON_NAME = ProcessVariable.string("personName");
  public static final String VAR_PERSON_NAME = PERSON_NAME.name();

  // Variables filled by the participant's forms
  public static final ProcessVariable<Object> PLAN_MATERIALS = ProcessVariable.input("planMaterials");
  public static final String VAR_PLAN_MATERIALS = PLAN_MATERIALS.name();
  public static final ProcessVariable<Object> PLAN_SCHEDULE = ProcessVariable.input("planSchedule");
  public static final String VAR_PLAN_SCHEDULE = PLAN_SCHEDULE.name();
  public static final ProcessVariable<Object> PLAN_METHOD = ProcessVariable.input("planMethod");
  public static final String VAR_PLAN_METHOD = PLAN_METHOD.name();
  public static final ProcessVariable<Object> COMMON_PART_NOTES = ProcessVariable.input("commonPartNotes");
  public static final String VAR_COMMON_PART_NOTES = COMMON_PART_NOTES.name();
  public static final ProcessVariable<Object> COMMON_PART_DONE = ProcessVariable.input("commonPartDone");
  public static final String VAR_COMMON_PART_DONE = COMMON_PART_DONE.name();
  public static final ProcessVariable<Object> TOPIC = ProcessVariable.input("topic");
  public static final String VAR_TOPIC = TOPIC.name();
  public static final ProcessVariable<String> TOPIC_CHOICES = ProcessVariable.string("topicChoices");
  public static final String VAR_TOPIC_CHOICES = TOPIC_CHOICES.name();
  public static final ProcessVariable<Object> OPTIONAL_PART_NOTES = ProcessVariable.input("optionalPartNotes");
  public static final String VAR_OPTIONAL_PART_NOTES = OPTIONAL_PART_NOTES.name();
  public static final ProcessVariable<Object> OPTIONAL_PART_DONE = ProcessVariable.input("optionalPartDone");
  public static final String VAR_OPTIONAL_PART_DONE = OPTIONAL_PART_DONE.name();
  public static final ProcessVariable<Object> REPORT_TITLE = ProcessVariable.input("reportTitle");
  public static final String VAR_REPORT_TITLE = REPORT_TITLE.name();
  public static final ProcessVariable<Object> REPORT_WRITTEN = ProcessVariable.input("reportWritten");
  public static final String VAR_REPORT_WRITTEN = REPORT_WRITTEN.name();
  public static final ProcessVariable<Object> REPORT_FILE = ProcessVariable.input("reportFile");
  public static final String VAR_REPORT_FILE = REPORT_FILE.name();
  public static final ProcessVariable<Object> REPORT_FILE_ID = ProcessVariable.input("reportFileId");
  public static final String VAR_REPORT_FILE_ID = REPORT_FILE_ID.name();

  // Variables filled by the principal's evaluation form and the decision
  public static final ProcessVariable<Object> REPORT_ACCEPTED = ProcessVariable.input("reportAccepted");
  public static final String VAR_REPORT_ACCEPTED = REPORT_ACCEPTED.name();
  public static final ProcessVariable<Object> SCORE = ProcessVariable.input("score");
  public static final String VAR_SCORE = SCORE.name();
  public static final ProcessVariable<Object> EVALUATION_COMMENT = ProcessVariable.input("evaluationComment");
  public static final String VAR_EVALUATION_COMMENT = EVALUATION_COMMENT.name();
  public static final ProcessVariable<Object> RETURN_REASON = ProcessVariable.input("returnReason");
  public static final String VAR_RETURN_REASON = RETURN_REASON.name();
  public static final ProcessVariable<String> CLASSIFICATION = ProcessVariable.string("classification");
  public static final String VAR_CLASSIFICATION = CLASSIFICATION.name();

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
