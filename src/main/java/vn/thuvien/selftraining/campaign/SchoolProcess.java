package vn.thuvien.selftraining.campaign;

import vn.thuvien.selftraining.system.ProcessVariable;

/**
 * Key, element ids and variable names of {@code processes/school-self-training.bpmn}: one instance
 * per unit and school year, business key {@code <schoolYear>/<unitCode>}.
 */
public final class SchoolProcess {

  public static final String KEY = "school-self-training";

  public static final String START_EVENT = "StartEvent_UnitDirected";
  public static final String TASK_CONFIRM_PARTICIPANTS = "Task_ConfirmParticipants";
  public static final String BOUNDARY_CONFIRM_DEADLINE = "BoundaryEvent_ConfirmationDeadline";
  public static final String CALL_PARTICIPANTS = "CallActivity_Participants";
  public static final String TASK_SUMMARISE = "Task_SummariseUnit";
  public static final String TASK_SEND_UNIT_REPORT = "Task_SendUnitReport";
  public static final String BOUNDARY_REPORT_DEADLINE = "BoundaryEvent_ReportDeadline";
  public static final String END_EVENT_REPORTED = "EndEvent_UnitReported";
  public static final String END_EVENT_NOT_REPORTED = "EndEvent_UnitNotReported";

  /**
   * The unit's participants from the directory, as a JSON array of {@code {"id","name","role"}},
   * offered on the principal's confirmation form (forms/confirm-participants.html).
   */
  public static final ProcessVariable<String> CANDIDATE_PARTICIPANTS = ProcessVariable.string("candidateParticipants");
  public static final String VAR_CANDIDATE_PARTICIPANTS = CANDIDATE_PARTICIPANTS.name();
  /** Person ids confirmed by the principal, comma-separated. */
  public static final ProcessVariable<Object> PARTICIPANT_IDS = ProcessVariable.input("participantIds");
  public static final String VAR_PARTICIPANT_IDS = PARTICIPANT_IDS.name();
  /** Compact JSON summary of the unit's figures (forms/send-unit-report.html shows it). */
  public static final ProcessVariable<String> UNIT_SUMMARY = ProcessVariable.string("unitSummary");
  public static final String VAR_UNIT_SUMMARY = UNIT_SUMMARY.name();
  /** The principal's note sent with the unit report. */
  public static final ProcessVariable<Object> UNIT_REPORT_NOTE = ProcessVariable.input("unitReportNote");
  public static final String VAR_UNIT_REPORT_NOTE = UNIT_REPORT_NOTE.name();

  private SchoolProcess() {
  }
}
