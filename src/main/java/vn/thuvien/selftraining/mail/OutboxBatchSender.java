package vn.thuvien.selftraining.mail;

import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.stereotype.Component;

/**
 * Sends what is due for a slice of addresses over one SMTP connection: claims the rows for this
 * node, drops the notices about work done meanwhile, merges the rest into one digest per address,
 * hands the digests to the server and records what became of every row. A row another node
 * claimed first is not sent here; an address is in one slice only, so no two connections of this
 * node claim the same row.
 */
@Component
public class OutboxBatchSender {

  private final OutboxRows rows;
  private final OutboxNode node;
  private final ChasedTasks chasedTasks;
  private final DigestMessageComposer composer;
  private final SmtpGateway smtp;
  private final OutboxLedger ledger;

  public OutboxBatchSender(OutboxRows rows, OutboxNode node, ChasedTasks chasedTasks, DigestMessageComposer composer,
      SmtpGateway smtp, OutboxLedger ledger) {
    this.rows = rows;
    this.node = node;
    this.chasedTasks = chasedTasks;
    this.composer = composer;
    this.smtp = smtp;
    this.ledger = ledger;
  }

  /** Emails accepted, digests failed and notices skipped. */
  public record Outcome(int sent, int failed, int skipped) {

    static final Outcome NONE = new Outcome(0, 0, 0);

    Outcome plus(Outcome other) {
      return new Outcome(sent + other.sent, failed + other.failed, skipped + other.skipped);
    }
  }

  /** Claims, filters, merges and sends what is due at {@code now} for these (lower-cased) addresses. */
  public Outcome send(List<String> recipients, Instant now) {
    List<OutboxRow> due = rows.dueRowsOf(recipients, now);
    List<OutboxRow> claimed = rows.claim(due.stream().map(OutboxRow::id).toList(), node.id(), now);
    if (claimed.isEmpty()) {
      return Outcome.NONE;
    }

    ChasedTasks.Found tasks = chasedTasks.find(claimed);
    List<Long> done = tasks.aboutDoneWork(claimed);
    ledger.skipped(done);
    Set<Long> skipped = new HashSet<>(done);
    Map<String, List<OutboxRow>> byAddress = new LinkedHashMap<>();
    claimed.stream().filter(row -> !skipped.contains(row.id()))
        .forEach(row -> byAddress.computeIfAbsent(row.addressKey(), key -> new ArrayList<>()).add(row));

    Map<String, String> openTaskIds = tasks.openTaskIds();
    List<DigestMessage> composed = new ArrayList<>();
    int failed = 0;
    for (List<OutboxRow> group : byAddress.values()) {
      try {
        composed.add(composer.compose(group, openTaskIds));
      } catch (MessagingException | RuntimeException | UnsupportedEncodingException e) {
        // a broken address or template: the digest fails visibly instead of blocking the others
        ledger.failed(group, "Message not built: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        failed++;
      }
    }
    if (composed.isEmpty()) {
      return new Outcome(0, failed, done.size());
    }

    Map<MimeMessage, Exception> failures = smtp.sendOverOneConnection(
        composed.stream().map(DigestMessage::message).toList());
    List<DigestMessage> accepted = new ArrayList<>();
    for (DigestMessage digest : composed) {
      Exception failure = failures.get(digest.message());
      if (failure == null) {
        accepted.add(digest);
      } else {
        ledger.failed(digest.rows(), OutboxLedger.describe(failure));
        failed++;
      }
    }
    ledger.sent(accepted);
    return new Outcome(accepted.size(), failed, done.size());
  }
}
