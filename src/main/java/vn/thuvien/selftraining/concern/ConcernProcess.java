package vn.thuvien.selftraining.concern;

import vn.thuvien.selftraining.system.ProcessVariable;
import vn.thuvien.selftraining.training.CampaignVariables;

/**
 * Key, element ids and variable names of {@code processes/raise-concern.bpmn} ("Phản ánh vướng
 * mắc"): started from Tasklist by a participant, a principal or a Phòng officer; answered, or
 * forwarded one level up, by the level above.
 */
public final class ConcernProcess {

  public static final String KEY = "raise-concern";

  public static final String TASK_ANSWER = "Task_AnswerConcern";
  public static final String TASK_READ_ANSWER = "Task_ReadConcernAnswer";
  public static final String BOUNDARY_ANSWER_DEADLINE = "BoundaryEvent_AnswerDeadline";
  /** Interrupting: the asker has not opened the answer 30 days after it was sent. */
  public static final String BOUNDARY_ANSWER_NOT_READ = "BoundaryEvent_AnswerNotRead";
  public static final String END_EVENT_ANSWERED = "EndEvent_Answered";
  public static final String END_EVENT_CLOSED_UNREAD = "EndEvent_ClosedUnread";

  // Start form (forms/raise-concern.html)
  public static final ProcessVariable<String> SCHOOL_YEAR = CampaignVariables.SCHOOL_YEAR;
  public static final String VAR_SCHOOL_YEAR = SCHOOL_YEAR.name();
  public static final ProcessVariable<Object> SUBJECT = ProcessVariable.input("concernSubject");
  public static final String VAR_SUBJECT = SUBJECT.name();
  public static final ProcessVariable<Object> DESCRIPTION = ProcessVariable.input("concernDescription");
  public static final String VAR_DESCRIPTION = DESCRIPTION.name();
  public static final ProcessVariable<Object> ATTACHMENT = ProcessVariable.input("concernAttachment");
  public static final String VAR_ATTACHMENT = ATTACHMENT.name();
  /** The initiator: set by the start event. */
  public static final ProcessVariable<String> RAISED_BY = ProcessVariable.string("raisedBy");
  public static final String VAR_RAISED_BY = RAISED_BY.name();

  // Set by the process
  public static final ProcessVariable<Number> CONCERN_ID = ProcessVariable.number("concernId");
  public static final String VAR_CONCERN_ID = CONCERN_ID.name();
  public static final ProcessVariable<String> RECEIVER_GROUP = ProcessVariable.string("receiverGroup");
  public static final String VAR_RECEIVER_GROUP = RECEIVER_GROUP.name();
  public static final ProcessVariable<String> RECEIVER_LEVEL = ProcessVariable.string("receiverLevel");
  public static final String VAR_RECEIVER_LEVEL = RECEIVER_LEVEL.name();
  public static final ProcessVariable<String> RECEIVER_LABEL = ProcessVariable.string("receiverLabel");
  public static final String VAR_RECEIVER_LABEL = RECEIVER_LABEL.name();

  // Answer form (forms/answer-concern.html)
  /** {@code answer} or {@code forward}. */
  public static final ProcessVariable<Object> DECISION = ProcessVariable.input("concernDecision");
  public static final String VAR_DECISION = DECISION.name();
  public static final ProcessVariable<Object> ANSWER = ProcessVariable.input("concernAnswer");
  public static final String VAR_ANSWER = ANSWER.name();
  public static final ProcessVariable<Object> FORWARD_NOTE = ProcessVariable.input("concernForwardNote");
  public static final String VAR_FORWARD_NOTE = FORWARD_NOTE.name();
  /** Who completed the answer task: set by its complete listener. */
  public static final ProcessVariable<String> DECIDED_BY = ProcessVariable.string("concernDecidedBy");
  public static final String VAR_DECIDED_BY = DECIDED_BY.name();

  public static final String DECISION_ANSWER = "answer";
  public static final String DECISION_FORWARD = "forward";

  private ConcernProcess() {
  }
}
