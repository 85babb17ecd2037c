package vn.thuvien.selftraining.concern;

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
  public static final String VAR_SCHOOL_YEAR = "schoolYear";
  public static final String VAR_SUBJECT = "concernSubject";
  public static final String VAR_DESCRIPTION = "concernDescription";
  public static final String VAR_ATTACHMENT = "concernAttachment";
  /** The initiator: set by the start event. */
  public static final String VAR_RAISED_BY = "raisedBy";

  // Set by the process
  public static final String VAR_CONCERN_ID = "concernId";
  public static final String VAR_RECEIVER_GROUP = "receiverGroup";
  public static final String VAR_RECEIVER_LEVEL = "receiverLevel";
  public static final String VAR_RECEIVER_LABEL = "receiverLabel";

  // Answer form (forms/answer-concern.html)
  /** {@code answer} or {@code forward}. */
  public static final String VAR_DECISION = "concernDecision";
  public static final String VAR_ANSWER = "concernAnswer";
  public static final String VAR_FORWARD_NOTE = "concernForwardNote";
  /** Who completed the answer task: set by its complete listener. */
  public static final String VAR_DECIDED_BY = "concernDecidedBy";

  public static final String DECISION_ANSWER = "answer";
  public static final String DECISION_FORWARD = "forward";

  private ConcernProcess() {
  }
}
