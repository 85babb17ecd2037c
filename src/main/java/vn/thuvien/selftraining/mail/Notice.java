package vn.thuvien.selftraining.mail;

import java.time.LocalDate;
import java.util.Date;

/**
 * One line of an email to one person, as decided by a process step.
 *
 * @param kind what it says
 * @param recipientId the directory id of who receives it
 * @param recipientEmail where it goes; one email per address and day however many roles
 * @param recipientName how to greet them
 * @param schoolYear the campaign
 * @param aboutPerson whose work it concerns (for an escalation: the late participant); may be null
 * @param unitName the unit concerned
 * @param phaseLabel the step concerned, as people name it
 * @param dueAt the deadline concerned
 * @param processInstanceId with {@code taskDefinitionKey}, the open task the notice chases: checked
 *     again at sending time and linked from the email
 * @param taskDefinitionKey see above
 * @param notBefore not sent before this moment
 * @param day the day the notice belongs to (part of its identity)
 * @param detail free text the email carries (a concern's answer, a forwarding reason, why a report
 *     was returned); may be null
 * @param occurrence what tells two notices of the same kind, task and day apart when both must go
 *     (the reopened task's id after each return of a report); null for notices that happen once a day
 */
public record Notice(
    NoticeKind kind,
    String recipientId,
    String recipientEmail,
    String recipientName,
    String schoolYear,
    String aboutPerson,
    String unitName,
    String phaseLabel,
    Date dueAt,
    String processInstanceId,
    String taskDefinitionKey,
    Date notBefore,
    LocalDate day,
    String detail,
    String occurrence) {

  /** A notice without free text: every reminder of the ladder. */
  public Notice(NoticeKind kind, String recipientId, String recipientEmail, String recipientName, String schoolYear,
      String aboutPerson, String unitName, String phaseLabel, Date dueAt, String processInstanceId,
      String taskDefinitionKey, Date notBefore, LocalDate day) {
    this(kind, recipientId, recipientEmail, recipientName, schoolYear, aboutPerson, unitName, phaseLabel, dueAt,
        processInstanceId, taskDefinitionKey, notBefore, day, null, null);
  }

  /** A notice with free text that happens at most once a day. */
  public Notice(NoticeKind kind, String recipientId, String recipientEmail, String recipientName, String schoolYear,
      String aboutPerson, String unitName, String phaseLabel, Date dueAt, String processInstanceId,
      String taskDefinitionKey, Date notBefore, LocalDate day, String detail) {
    this(kind, recipientId, recipientEmail, recipientName, schoolYear, aboutPerson, unitName, phaseLabel, dueAt,
        processInstanceId, taskDefinitionKey, notBefore, day, detail, null);
  }

  /**
   * The identity of the notice: campaign, recipient, what it is about, phase, kind, day and, when
   * set, the occurrence. A job that runs twice produces the same key, and the outbox keeps one.
   */
  public String dedupKey() {
    String key = String.join("|", schoolYear, recipientId, processInstanceId == null ? "-" : processInstanceId,
        taskDefinitionKey == null ? "-" : taskDefinitionKey, kind.name(), day.toString());
    return occurrence == null ? key : key + "|" + occurrence;
  }
}
