package vn.thuvien.selftraining.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code mail_outbox} table, written by process steps in their own transaction: a delegate
 * never talks to SMTP. A notice whose identity is already there is not added again.
 */
@Repository
public class Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  /** Waiting: not yet due, in quiet hours, waiting for SMTP, or backing off after a failure. */
  public static final String PENDING = "PENDING";
  /** Claimed by one node's {@link OutboxBatchSender}, which is handing it to the SMTP server. */
  public static final String SENDING = "SENDING";
  /** Accepted by the SMTP server. */
  public static final String SENT = "SENT";
  /** Not sent: the task it chased was already completed at sending time. */
  public static final String SKIPPED = "SKIPPED";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public Outbox(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** @return whether the notice was added (false: the same notice is already recorded) */
  public boolean enqueue(Notice notice) {
    if (notice.recipientEmail() == null || notice.recipientEmail().isBlank()) {
      LOG.warn("Notice {} has no email address for {}: not queued", notice.kind(), notice.recipientId());
      return false;
    }
    // INSERT ... SELECT WHERE NOT EXISTS: a duplicate must not abort the surrounding engine
    // transaction (PostgreSQL would after a failed insert); the unique key still guards two
    // nodes racing, whose loser's job is simply retried and then finds the row.
    int inserted = jdbc.update("""
        INSERT INTO mail_outbox (dedup_key, kind, recipient_id, recipient_email, recipient_name, school_year,
          about_person, unit_name, phase_label, due_at, process_instance_id, task_definition_key, not_before,
          created_at, status, attempts, detail)
        SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ? FROM (VALUES (1)) AS one(x)
        WHERE NOT EXISTS (SELECT 1 FROM mail_outbox WHERE dedup_key = ?)""",
        notice.dedupKey(), notice.kind().name(), notice.recipientId(), notice.recipientEmail().strip(),
        notice.recipientName(), notice.schoolYear(), notice.aboutPerson(), notice.unitName(), notice.phaseLabel(),
        ts(notice.dueAt()), notice.processInstanceId(), notice.taskDefinitionKey(),
        ts(notice.notBefore() == null ? java.util.Date.from(clock.instant()) : notice.notBefore()),
        Timestamp.from(Instant.now(clock)), PENDING, notice.detail(), notice.dedupKey());
    return inserted > 0;
  }

  /** Whether a notice of this kind about this task was already recorded (for anyone, any day). */
  public boolean recorded(String processInstanceId, String taskDefinitionKey, NoticeKind kind) {
    // through ix_mail_outbox_instance; the first row answers
    return !jdbc.queryForList("SELECT 1 FROM mail_outbox WHERE process_instance_id = ? AND task_definition_key = ? "
        + "AND kind = ? FETCH FIRST 1 ROWS ONLY", processInstanceId, taskDefinitionKey, kind.name()).isEmpty();
  }

  private static Timestamp ts(java.util.Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }
}
