package vn.thuvien.selftraining.mail;

import java.time.Instant;
import java.util.Locale;

/**
 * One row of {@code mail_outbox}: a notice and what became of it.
 *
 * @param kind the {@link NoticeKind} name as stored
 * @param attempts failed attempts so far
 * @param nextAttemptAt after a failure, not tried again before this moment
 * @param lastError the last SMTP or rendering error, for the outbox page
 */
public record OutboxRow(
    long id,
    String dedupKey,
    String kind,
    String recipientId,
    String recipientEmail,
    String recipientName,
    String schoolYear,
    String aboutPerson,
    String unitName,
    String phaseLabel,
    Instant dueAt,
    String processInstanceId,
    String taskDefinitionKey,
    Instant notBefore,
    Instant createdAt,
    String status,
    int attempts,
    Instant nextAttemptAt,
    String claimedBy,
    Instant claimedAt,
    String lastError,
    Instant sentAt,
    String messageId,
    String detail) {

  /** The kind, or null for a kind this version does not know (written by a newer one). */
  public NoticeKind noticeKind() {
    for (NoticeKind value : NoticeKind.values()) {
      if (value.name().equals(kind)) {
        return value;
      }
    }
    return null;
  }

  /** The status as the outbox page and a person's history print it. */
  public String statusLabel() {
    return statusLabel(status, attempts);
  }

  /** The label of a status after that many attempts. */
  public static String statusLabel(String status, int attempts) {
    return switch (status) {
      case Outbox.PENDING -> attempts > 0 ? "Lỗi, chờ gửi lại" : "Chờ gửi";
      case Outbox.SENDING -> "Đang gửi";
      case Outbox.SENT -> "Đã gửi";
      case Outbox.SKIPPED -> "Bỏ qua vì đã hoàn thành";
      default -> status;
    };
  }

  /** One digest per address, whatever the case it was typed in. */
  public String addressKey() {
    return recipientEmail.strip().toLowerCase(Locale.ROOT);
  }

  /** Whether the notice points at one user task of one process instance. */
  public boolean chasesTask() {
    return processInstanceId != null && taskDefinitionKey != null;
  }

  /** Key of the chased task in the map of open tasks. */
  public String taskRef() {
    return taskRef(processInstanceId, taskDefinitionKey);
  }

  static String taskRef(String processInstanceId, String taskDefinitionKey) {
    return processInstanceId + "/" + taskDefinitionKey;
  }

  /** Whether the notice is dropped when its task is no longer open at sending time. */
  public boolean onlyWhileOpen() {
    NoticeKind known = noticeKind();
    return known != null && known.onlyWhileOpen() && chasesTask();
  }
}
