package vn.thuvien.selftraining.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.training.CampaignCalendar;

/**
 * Records what became of rows this node claimed, in {@code mail_outbox} and in the log (one line per
 * notice, for an operator to find who was told what and when):
 * <ul>
 * <li>sent: only once the server accepted their digest;</li>
 * <li>skipped: about work done meanwhile, with the reason;</li>
 * <li>failed: back to pending with one more attempt and a growing backoff
 * ({@link ReminderMailProperties#backoffAfter}), retried forever, logged as ERROR from
 * {@code alert-after-attempts} on.</li>
 * </ul>
 */
@Component
public class OutboxLedger {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxLedger.class);

  private final OutboxRows rows;
  private final OutboxNode node;
  private final ReminderMailProperties properties;
  private final Clock clock;

  public OutboxLedger(OutboxRows rows, OutboxNode node, ReminderMailProperties properties, Clock clock) {
    this.rows = rows;
    this.node = node;
    this.properties = properties;
    this.clock = clock;
  }

  /** Notices about a task completed or closed before they went out. */
  public void skipped(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    rows.markSkipped(ids, node.id());
    LOG.info("No notice for a task already completed at sending time: outbox ids {} skipped", ids);
  }

  /** The SMTP server accepted these digests. */
  public void sent(List<DigestMessage> accepted) {
    if (accepted.isEmpty()) {
      return;
    }
    List<OutboxRows.Sent> sent = accepted.stream()
        .map(digest -> new OutboxRows.Sent(digest.ids(), digest.messageId()))
        .toList();
    int marked = rows.markSent(sent, node.id(), clock.instant());
    for (int i = 0; i < accepted.size(); i++) {
      for (OutboxRow row : accepted.get(i).rows()) {
        LOG.info("Notice sent: {} to {} <{}>, campaign {}, {}, instance {}, outbox id {}, message {}", row.kind(),
            row.recipientId(), row.recipientEmail(), row.schoolYear(), row.phaseLabel(), row.processInstanceId(),
            row.id(), sent.get(i).messageId());
      }
    }
    int carried = sent.stream().mapToInt(digest -> digest.ids().size()).sum();
    if (marked < carried) {
      LOG.warn("{} of {} outbox rows just sent were reclaimed meanwhile (claim timeout {} too short?)",
          carried - marked, carried, properties.claimTimeout());
    }
  }

  /** One digest not built or not accepted: its rows wait for their next attempt. */
  public void failed(List<OutboxRow> group, String error) {
    Instant now = clock.instant();
    List<OutboxRows.Failure> failures = new ArrayList<>();
    int attempts = 0;
    Instant retryAt = now;
    for (OutboxRow row : group) {
      int rowAttempts = row.attempts() + 1;
      Instant rowRetryAt = now.plus(properties.backoffAfter(rowAttempts));
      failures.add(new OutboxRows.Failure(row.id(), rowAttempts, rowRetryAt, error));
      attempts = Math.max(attempts, rowAttempts);
      retryAt = rowRetryAt.isAfter(retryAt) ? rowRetryAt : retryAt;
    }
    OffsetDateTime localRetry = retryAt.atZone(CampaignCalendar.ZONE).toOffsetDateTime();
    rows.markFailed(failures, node.id());
    List<Long> ids = group.stream().map(OutboxRow::id).toList();
    String address = group.get(0).recipientEmail();
    for (OutboxRow row : group) {
      LOG.warn("Notice not sent: {} to {} <{}>, campaign {}, {}, instance {}, outbox id {} (attempt {}): {}",
          row.kind(), row.recipientId(), row.recipientEmail(), row.schoolYear(), row.phaseLabel(),
          row.processInstanceId(), row.id(), row.attempts() + 1, error);
    }
    if (attempts >= properties.alertAfterAttempts()) {
      LOG.error("Mail to {} still failing after {} attempts, outbox ids {} kept and retried from {}: {}", address,
          attempts, ids, localRetry, error);
    } else {
      LOG.warn("Mail to {} failed (attempt {}), outbox ids {} kept and retried from {}: {}", address, attempts, ids,
          localRetry, error);
    }
  }

  /** An exception as the outbox page shows it: its type, message and first cause. */
  static String describe(Exception failure) {
    StringBuilder text = new StringBuilder(failure.getClass().getSimpleName() + ": " + failure.getMessage());
    Throwable cause = failure.getCause();
    if (cause != null && cause != failure) {
      text.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(')');
    }
    return text.toString();
  }
}
