package vn.thuvien.selftraining.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.mail.OutboxBatchSender.Outcome;
import vn.thuvien.selftraining.training.CampaignCalendar;

/**
 * One run of the outbox ({@link OutboxSchedule} starts one every {@code self-training.mail.poll-interval};
 * tests call {@link #sendDue()}):
 * <ol>
 * <li>does nothing without SMTP ({@code spring.mail.host} empty) or in quiet hours: messages wait;</li>
 * <li>returns to pending what a dead node left claimed longer than {@code claim-timeout};</li>
 * <li>takes the addresses with something due, those waiting longest first, within
 * {@code max-per-minute};</li>
 * <li>cuts them into slices of {@code messages-per-connection} (one connection per message is some
 * 60× slower) and hands up to {@code connections} slices at once to {@link OutboxBatchSender}, each
 * over its own connection: one connection waits for the server's reply to every message (national
 * benchmark, 90,000 emails: 15 minutes over one connection, 9½ over four);</li>
 * <li>goes on until nothing is due, the rate limit is reached, or the server accepts nothing.</li>
 * </ol>
 * Claims ({@link OutboxRows#claim}) keep two nodes from sending one row; {@link OutboxLedger} marks
 * rows sent only once the server accepted their digest. A node that dies after the SMTP server
 * accepted a digest and before recording it sends that digest again once its claim times out: the
 * one duplicate no outbox can rule out without the SMTP server taking part in the transaction.
 */
@Component
public class OutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

  private final SmtpGateway smtp;
  private final OutboxRows rows;
  private final OutboxBatchSender batches;
  private final ReminderMailProperties properties;
  private final Clock clock;
  /** The connections of one run: a thread each, ended with its slice; no pool to keep or stop. */
  private final SimpleAsyncTaskExecutor connections;
  private final AtomicBoolean notConfiguredLogged = new AtomicBoolean();

  public OutboxSender(SmtpGateway smtp, OutboxRows rows, OutboxBatchSender batches,
      ReminderMailProperties properties, Clock clock) {
    this.smtp = smtp;
    this.rows = rows;
    this.batches = batches;
    this.properties = properties;
    this.clock = clock;
    this.connections = new SimpleAsyncTaskExecutor("outbox-smtp-");
    this.connections.setDaemon(true);
    this.connections.setConcurrencyLimit(Math.max(1, properties.connections()));
  }

  /** Whether an SMTP server is configured; without one, messages stay in the outbox. */
  public boolean mailConfigured() {
    return smtp.configured();
  }

  /**
   * One run of the sender.
   *
   * @return how many emails the SMTP server accepted
   */
  public synchronized int sendDue() {
    if (!mailConfigured()) {
      if (notConfiguredLogged.compareAndSet(false, true)) {
        LOG.info("mail not configured, messages stay in the outbox (set spring.mail.host, e.g. MAIL_HOST)");
      }
      return 0;
    }
    Instant start = clock.instant();
    if (properties.isQuiet(start, CampaignCalendar.ZONE)) {
      LOG.debug("Quiet hours {}-{}: nothing sent", properties.quietFrom(), properties.quietUntil());
      return 0;
    }
    int released = rows.releaseStale(start.minus(properties.claimTimeout()));
    if (released > 0) {
      LOG.warn("{} outbox message(s) claimed for longer than {} by a node that stopped: pending again",
          released, properties.claimTimeout());
    }
    int allowance = properties.maxPerMinute() > 0
        ? properties.maxPerMinute() - rows.emailsSentSince(start.minus(RATE_WINDOW))
        : Integer.MAX_VALUE;
    Outcome total = Outcome.NONE;
    int perConnection = Math.max(1, properties.messagesPerConnection());
    int connectionCount = Math.max(1, properties.connections());
    while (allowance > 0) {
      Instant now = clock.instant();
      List<String> recipients = rows.dueRecipients(now,
          (int) Math.min((long) perConnection * connectionCount, allowance));
      if (recipients.isEmpty()) {
        break;
      }
      Outcome outcome = sendOverConnections(recipients, perConnection, now);
      total = total.plus(outcome);
      if (properties.maxPerMinute() > 0) {
        allowance -= outcome.sent();
      }
      if (outcome.sent() == 0 && outcome.failed() > 0) {
        break; // the server is down or refusing: the rest waits for the next run
      }
    }
    if (total.sent() + total.failed() + total.skipped() > 0) {
      LOG.info("Outbox run: {} email(s) sent, {} failed, {} notice(s) skipped", total.sent(), total.failed(),
          total.skipped());
    }
    if (allowance <= 0 && properties.maxPerMinute() > 0) {
      LOG.debug("Rate limit of {} emails a minute reached; the rest waits", properties.maxPerMinute());
    }
    return total.sent();
  }

  /**
   * The addresses cut into slices of at most {@code perConnection}, each sent over its own
   * connection at once; an address is in one slice only, so no two connections claim the same row.
   */
  private Outcome sendOverConnections(List<String> recipients, int perConnection, Instant now) {
    List<List<String>> slices = new ArrayList<>();
    for (int from = 0; from < recipients.size(); from += perConnection) {
      slices.add(recipients.subList(from, Math.min(recipients.size(), from + perConnection)));
    }
    if (slices.size() == 1) {
      return batches.send(slices.get(0), now);
    }
    List<CompletableFuture<Outcome>> running = slices.stream()
        .map(slice -> CompletableFuture.supplyAsync(() -> batches.send(slice, now), connections)).toList();
    Outcome total = Outcome.NONE;
    RuntimeException error = null;
    for (CompletableFuture<Outcome> connection : running) {
      try {
        total = total.plus(connection.join());
      } catch (CompletionException e) {
        // e.g. the database unreachable: the other connections finish and record what they sent first
        error = e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    if (error != null) {
      throw error;
    }
    return total;
  }
}
