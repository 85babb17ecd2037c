package vn.thuvien.selftraining.mail;

import java.io.UnsupportedEncodingException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.training.CampaignCalendar;

/**
 * Delivers the outbox. Each run (every {@code self-training.mail.poll-interval}, or
 * {@link #sendDue()} directly):
 * <ol>
 * <li>does nothing without SMTP ({@code spring.mail.host} empty) or in quiet hours: messages wait;</li>
 * <li>returns to pending what a dead node left claimed longer than {@code claim-timeout};</li>
 * <li>claims due rows row by row with a guarded update, so two nodes never send the same row;</li>
 * <li>drops ({@code SKIPPED}, with the reason) notices about a task completed or closed in the meantime:
 * reminders, escalations and the phase's opening notice alike;</li>
 * <li>merges what is due for one address into one digest, and sends the digests over one SMTP
 * connection per {@code messages-per-connection} (one connection per message is some 60× slower),
 * over {@code connections} connections at once, each with its own addresses: one connection waits
 * for the server's reply to every message (national benchmark, 90,000 emails: 15 minutes over one
 * connection, 9½ over four);</li>
 * <li>marks rows {@code SENT} only once the server accepted their digest; a failed digest goes back
 * to pending with a growing backoff and is retried forever, loudly after
 * {@code alert-after-attempts}.</li>
 * </ol>
 * A node that dies after the SMTP server accepted a digest and before recording it sends that
 * digest again once its claim times out: the one duplicate no outbox can rule out without
 * the SMTP server taking part in the transaction.
 */
@Component
public class OutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

  private final OutboxRows rows;
  private final MailDigests digests;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final TaskService tasks;
  private final ReminderMailProperties properties;
  private final Clock clock;
  private final String smtpHost;
  /** Who holds a claim: this JVM, unique even for two processes on one host. */
  private final String node;
  private final AtomicBoolean notConfiguredLogged = new AtomicBoolean();
  /** Threads of the SMTP connections sent over at once, started on first use. */
  private ExecutorService connectionPool;

  public OutboxSender(OutboxRows rows, MailDigests digests, ObjectProvider<JavaMailSender> mailSender,
      TaskService tasks, ReminderMailProperties properties, Clock clock,
      @Value("${spring.mail.host:}") String smtpHost) {
    this.rows = rows;
    this.digests = digests;
    this.mailSender = mailSender;
    this.tasks = tasks;
    this.properties = properties;
    this.clock = clock;
    this.smtpHost = smtpHost == null ? "" : smtpHost.strip();
    String jvm = ManagementFactory.getRuntimeMXBean().getName();
    String id = jvm + "/" + UUID.randomUUID().toString().substring(0, 8);
    this.node = id.length() > 100 ? id.substring(id.length() - 100) : id;
  }

  /** Whether an SMTP server is configured; without one, messages stay in the outbox. */
  public boolean mailConfigured() {
    return !smtpHost.isEmpty() && mailSender.getIfAvailable() != null;
  }

  public String node() {
    return node;
  }

  @Scheduled(initialDelayString = "${self-training.mail.poll-interval:PT30S}",
      fixedDelayString = "${self-training.mail.poll-interval:PT30S}")
  void poll() {
    try {
      sendDue();
    } catch (RuntimeException e) {
      // e.g. the database briefly unreachable: the next run starts over, nothing is lost
      LOG.error("Outbox run failed; the next run tries again", e);
    }
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
    Outcome total = new Outcome(0, 0, 0);
    int perConnection = Math.max(1, properties.messagesPerConnection());
    int connections = Math.max(1, properties.connections());
    while (allowance > 0) {
      Instant now = clock.instant();
      List<String> recipients = rows.dueRecipients(now, (int) Math.min((long) perConnection * connections, allowance));
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

  private record Outcome(int sent, int failed, int skipped) {
    Outcome plus(Outcome other) {
      return new Outcome(sent + other.sent, failed + other.failed, skipped + other.skipped);
    }
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
      return sendTo(slices.get(0), now);
    }
    List<CompletableFuture<Outcome>> running = slices.stream()
        .map(slice -> CompletableFuture.supplyAsync(() -> sendTo(slice, now), connectionPool())).toList();
    Outcome total = new Outcome(0, 0, 0);
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

  private synchronized ExecutorService connectionPool() {
    if (connectionPool == null) {
      AtomicInteger number = new AtomicInteger();
      connectionPool = Executors.newFixedThreadPool(Math.max(1, properties.connections()), task -> {
        Thread thread = new Thread(task, "outbox-smtp-" + number.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
    }
    return connectionPool;
  }

  @PreDestroy
  void stopConnectionPool() {
    ExecutorService pool;
    synchronized (this) {
      pool = connectionPool;
      connectionPool = null;
    }
    if (pool != null) {
      pool.shutdown();
    }
  }

  /** Claims, filters, merges and sends what is due for these addresses, over one connection. */
  private Outcome sendTo(List<String> recipients, Instant now) {
    List<OutboxRow> due = rows.dueRowsOf(recipients, now);
    List<OutboxRow> claimed = rows.claim(due.stream().map(OutboxRow::id).toList(), node, now);
    if (claimed.isEmpty()) {
      return new Outcome(0, 0, 0);
    }

    Map<String, Task> open = openTasks(claimed);
    Map<String, String> openTasks = new HashMap<>();
    open.forEach((ref, task) -> openTasks.put(ref, task.getId()));
    List<Long> done = claimed.stream().filter(row -> row.onlyWhileOpen() && aboutDoneWork(row, open.get(row.taskRef())))
        .map(OutboxRow::id).toList();
    Set<Long> skipped = new HashSet<>(done);
    if (!done.isEmpty()) {
      rows.markSkipped(done, node);
      LOG.info("No notice for a task already completed at sending time: outbox ids {} skipped", done);
    }

    Map<String, List<OutboxRow>> byAddress = new LinkedHashMap<>();
    claimed.stream().filter(row -> !skipped.contains(row.id()))
        .forEach(row -> byAddress.computeIfAbsent(row.addressKey(), key -> new ArrayList<>()).add(row));

    List<Prepared> prepared = new ArrayList<>();
    int failed = 0;
    for (List<OutboxRow> group : byAddress.values()) {
      try {
        prepared.add(prepare(group, openTasks));
      } catch (MessagingException | RuntimeException | UnsupportedEncodingException e) {
        // a broken address or template: the digest fails visibly instead of blocking the others
        failed(group, "Message not built: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        failed++;
      }
    }
    if (prepared.isEmpty()) {
      return new Outcome(0, failed, done.size());
    }

    Map<MimeMessage, Exception> failures = send(prepared);
    List<Prepared> accepted = new ArrayList<>();
    for (Prepared digest : prepared) {
      Exception failure = failures.get(digest.message());
      if (failure == null) {
        accepted.add(digest);
      } else {
        failed(digest.rows(), describe(failure));
        failed++;
      }
    }
    settleSent(accepted);
    return new Outcome(accepted.size(), failed, done.size());
  }

  /** A digest ready to go: the message and the rows it carries. */
  private record Prepared(MimeMessage message, String messageId, List<OutboxRow> rows) {
  }

  /**
   * Hands the messages to the SMTP server over one connection.
   *
   * @return the messages the server did not accept, with why
   */
  private Map<MimeMessage, Exception> send(List<Prepared> prepared) {
    MimeMessage[] messages = prepared.stream().map(Prepared::message).toArray(MimeMessage[]::new);
    Map<MimeMessage, Exception> failures = new IdentityHashMap<>();
    try {
      mailSender.getObject().send(messages);
    } catch (MailSendException e) {
      // JavaMailSenderImpl lists every message not accepted; messages it does not list were
      // accepted (an empty list: only closing the connection failed, after everything went out)
      e.getFailedMessages().forEach((message, cause) -> {
        if (message instanceof MimeMessage mime) {
          failures.put(mime, cause);
        }
      });
      if (e.getFailedMessages().isEmpty()) {
        LOG.warn("Closing the SMTP connection failed after every message was accepted: {}", e.getMessage());
      }
    } catch (MailException e) {
      // authentication or anything before the first message: nothing went out
      for (MimeMessage message : messages) {
        failures.put(message, e);
      }
    }
    return failures;
  }

  private Prepared prepare(List<OutboxRow> group, Map<String, String> openTasks)
      throws MessagingException, UnsupportedEncodingException {
    MailDigest digest = digests.compose(group, openTasks);
    String html = digests.html(digest);
    String text = digests.text(digest);

    MimeMessage message = mailSender.getObject().createMimeMessage();
    InternetAddress from = new InternetAddress(properties.from(), true);
    if (from.getPersonal() != null) {
      from.setPersonal(from.getPersonal(), StandardCharsets.UTF_8.name());
    }
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO,
        new InternetAddress(digest.address(), digest.recipientName(), StandardCharsets.UTF_8.name()));
    message.setSubject(digest.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(clock.instant()));
    // RFC 3834: no out-of-office replies to a machine
    message.setHeader("Auto-Submitted", "auto-generated");
    message.setHeader("X-Auto-Response-Suppress", "All");

    MimeBodyPart plainPart = new MimeBodyPart();
    plainPart.setText(text, StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart htmlPart = new MimeBodyPart();
    htmlPart.setText(html, StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(plainPart); // least preferred first
    alternative.addBodyPart(htmlPart);
    message.setContent(alternative);

    String messageId = "<outbox." + group.get(0).id() + "." + UUID.randomUUID() + "@" + domainOf(from) + ">";
    message.setHeader("Message-ID", messageId);
    return new Prepared(message, messageId, group);
  }

  private void settleSent(List<Prepared> accepted) {
    if (accepted.isEmpty()) {
      return;
    }
    List<OutboxRows.Sent> sent = accepted.stream()
        .map(digest -> new OutboxRows.Sent(digest.rows().stream().map(OutboxRow::id).toList(), digest.messageId()))
        .toList();
    int marked = rows.markSent(sent, node, clock.instant());
    for (int i = 0; i < accepted.size(); i++) {
      // one line per notice, for an operator to find who was told what and when
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

  private void failed(List<OutboxRow> group, String error) {
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
    rows.markFailed(failures, node);
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

  /**
   * Whether the task the notice was about is done: none is open, or the one open was opened after
   * the notice was recorded (a report sent back reopens the submission: what was said about the
   * first one is stale).
   */
  private static boolean aboutDoneWork(OutboxRow row, Task open) {
    return open == null || open.getCreateTime().toInstant().isAfter(row.createdAt());
  }

  /** The open task of every (process instance, task) that the rows point at, by {@link OutboxRow#taskRef()}. */
  private Map<String, Task> openTasks(List<OutboxRow> claimed) {
    List<String> instances = claimed.stream().filter(OutboxRow::chasesTask).map(OutboxRow::processInstanceId)
        .distinct().toList();
    String[] keys = claimed.stream().filter(OutboxRow::chasesTask).map(OutboxRow::taskDefinitionKey).distinct()
        .toArray(String[]::new);
    Map<String, Task> open = new HashMap<>();
    for (int from = 0; from < instances.size(); from += OutboxRows.IN_LIST_SIZE) {
      String[] chunk = instances.subList(from, Math.min(instances.size(), from + OutboxRows.IN_LIST_SIZE))
          .toArray(String[]::new);
      for (Task task : tasks.createTaskQuery().processInstanceIdIn(chunk).taskDefinitionKeyIn(keys)
          .orderByTaskCreateTime().asc().list()) {
        open.putIfAbsent(OutboxRow.taskRef(task.getProcessInstanceId(), task.getTaskDefinitionKey()), task);
      }
    }
    return open;
  }

  private static String describe(Exception failure) {
    StringBuilder text = new StringBuilder(failure.getClass().getSimpleName() + ": " + failure.getMessage());
    Throwable cause = failure.getCause();
    if (cause != null && cause != failure) {
      text.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(')');
    }
    return text.toString();
  }

  private static String domainOf(InternetAddress address) {
    String email = address.getAddress();
    int at = email == null ? -1 : email.lastIndexOf('@');
    return at < 0 || at == email.length() - 1 ? "self-training.local" : email.substring(at + 1);
  }
}
