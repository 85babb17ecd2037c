package vn.thuvien.selftraining.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Repository;

/**
 * The sender's and the administrators' side of {@code mail_outbox} ({@link Outbox} is the process
 * steps' side). Every state change names the expected current state, so two nodes sharing the
 * database never both act on one row: a claim is {@code UPDATE ... WHERE id = ? AND status =
 * 'PENDING'}, and only the node that claimed a row may settle it. Plain SQL that runs the same on
 * H2 and PostgreSQL (no {@code SKIP LOCKED}).
 */
@Repository
public class OutboxRows {

  /** IN lists are cut to this size: far below the limits of H2 and PostgreSQL. */
  static final int IN_LIST_SIZE = 500;

  private static final String DUE = """
      status = 'PENDING' AND not_before <= ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?)""";

  private static final int MAX_ERROR_LENGTH = 2000;
  private static final int MAX_MESSAGE_ID_LENGTH = 300;

  private final JdbcTemplate jdbc;
  /**
   * Each batch of guarded updates in one transaction: row by row in auto-commit, a batch of 500
   * cost 500 commits, which on H2 made the sender's claims and marks slower than the sending.
   */
  private final TransactionTemplate batch;

  public OutboxRows(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.batch = new TransactionTemplate(transactions);
  }

  /** What a node that died while sending left claimed goes back to pending (claimed before {@code claimedBefore}). */
  public int releaseStale(Instant claimedBefore) {
    return jdbc.update("""
        UPDATE mail_outbox SET status = 'PENDING', claimed_by = NULL, claimed_at = NULL
        WHERE status = 'SENDING' AND claimed_at < ?""", ts(claimedBefore));
  }

  /** Lower-cased addresses with something due, those waiting longest first. */
  public List<String> dueRecipients(Instant now, int limit) {
    return jdbc.queryForList("SELECT LOWER(recipient_email) FROM mail_outbox WHERE " + DUE
        + " GROUP BY LOWER(recipient_email) ORDER BY MIN(not_before), MIN(id) LIMIT ?",
        String.class, ts(now), ts(now), limit);
  }

  /** Every due row of the given (lower-cased) addresses. */
  public List<OutboxRow> dueRowsOf(Collection<String> addresses, Instant now) {
    List<OutboxRow> found = new ArrayList<>();
    for (List<String> chunk : chunks(new ArrayList<>(addresses))) {
      List<Object> args = new ArrayList<>(List.of(ts(now), ts(now)));
      args.addAll(chunk);
      found.addAll(jdbc.query("SELECT * FROM mail_outbox WHERE " + DUE + " AND LOWER(recipient_email) IN ("
          + placeholders(chunk.size()) + ") ORDER BY id", this::row, args.toArray()));
    }
    return found;
  }

  /**
   * Claims rows for this node, one guarded update per row: a row another node claimed first is
   * simply not returned.
   *
   * @return the rows this node now holds, as they are after the claim
   */
  public List<OutboxRow> claim(List<Long> ids, String node, Instant now) {
    if (ids.isEmpty()) {
      return List.of();
    }
    // in id order, as every node does: two nodes claiming overlapping rows wait for each other, never deadlock
    batchInOneTransaction("""
        UPDATE mail_outbox SET status = 'SENDING', claimed_by = ?, claimed_at = ?
        WHERE id = ? AND status = 'PENDING'""",
        ids.stream().sorted().map(id -> new Object[] {node, ts(now), id}).toList());
    // read back rather than trust batch update counts, which some drivers do not report per row
    List<OutboxRow> claimed = new ArrayList<>();
    for (List<Long> chunk : chunks(ids)) {
      List<Object> args = new ArrayList<>(List.of(node));
      args.addAll(chunk);
      claimed.addAll(jdbc.query("SELECT * FROM mail_outbox WHERE status = 'SENDING' AND claimed_by = ? AND id IN ("
          + placeholders(chunk.size()) + ") ORDER BY id", this::row, args.toArray()));
    }
    return claimed;
  }

  /** One accepted digest: the rows it carried and its Message-ID. */
  public record Sent(List<Long> ids, String messageId) {
  }

  /**
   * The SMTP server accepted these digests: one batch for all of them.
   *
   * @return how many rows were marked; fewer than carried means some were reclaimed meanwhile
   */
  public int markSent(List<Sent> digests, String node, Instant sentAt) {
    List<Object[]> args = new ArrayList<>();
    for (Sent digest : digests) {
      for (Long id : digest.ids()) {
        args.add(new Object[] {ts(sentAt), truncate(digest.messageId(), MAX_MESSAGE_ID_LENGTH), id, node});
      }
    }
    return args.isEmpty() ? 0 : batchInOneTransaction("""
        UPDATE mail_outbox SET status = 'SENT', sent_at = ?, message_id = ?, next_attempt_at = NULL, last_error = NULL
        WHERE id = ? AND status = 'SENDING' AND claimed_by = ?""", args);
  }

  /** The task the rows chase was completed before they went out. */
  /** Why a notice about a task is not sent, as the outbox page and the person's history show it. */
  public static final String SKIPPED_TASK_DONE = "Không gửi: việc đã được hoàn thành hoặc đã đóng trước khi thư đi.";

  public int markSkipped(List<Long> ids, String node) {
    return batchInOneTransaction("UPDATE mail_outbox SET status = 'SKIPPED', last_error = ? WHERE id = ?"
        + " AND status = 'SENDING' AND claimed_by = ?",
        ids.stream().map(id -> new Object[] {SKIPPED_TASK_DONE, id, node}).toList());
  }

  /** A failed attempt: back to pending with one more attempt counted, not retried before {@code retryAt}. */
  public record Failure(long id, int attempts, Instant retryAt, String error) {
  }

  public int markFailed(List<Failure> failures, String node) {
    return batchInOneTransaction("""
        UPDATE mail_outbox SET status = 'PENDING', attempts = ?, next_attempt_at = ?, last_error = ?,
          claimed_by = NULL, claimed_at = NULL
        WHERE id = ? AND status = 'SENDING' AND claimed_by = ?""",
        failures.stream().map(f -> new Object[] {f.attempts(), ts(f.retryAt()), truncate(f.error(), MAX_ERROR_LENGTH),
            f.id(), node}).toList());
  }

  /** Emails (not rows: a digest carries several) accepted since the given moment, by every node. */
  public int emailsSentSince(Instant since) {
    Integer count = jdbc.queryForObject(
        "SELECT COUNT(DISTINCT message_id) FROM mail_outbox WHERE status = 'SENT' AND sent_at >= ?",
        Integer.class, ts(since));
    return count == null ? 0 : count;
  }

  /** Filters of the outbox page; {@code FAILED} is a pending row with at least one failed attempt. */
  public enum Filter {
    ALL("1 = 1"),
    PENDING("status = 'PENDING'"),
    SENDING("status = 'SENDING'"),
    SENT("status = 'SENT'"),
    SKIPPED("status = 'SKIPPED'"),
    FAILED("status = 'PENDING' AND attempts > 0");

    private final String condition;

    Filter(String condition) {
      this.condition = condition;
    }
  }

  /** The newest rows matching the filter. */
  public List<OutboxRow> recent(Filter filter, int limit) {
    return jdbc.query("SELECT * FROM mail_outbox WHERE " + filter.condition + " ORDER BY id DESC LIMIT ?",
        this::row, limit);
  }

  public Optional<OutboxRow> find(long id) {
    return jdbc.query("SELECT * FROM mail_outbox WHERE id = ?", this::row, id).stream().findFirst();
  }

  /** A pending row is tried at the next run, whatever its backoff said. */
  public boolean retryNow(long id) {
    return jdbc.update("UPDATE mail_outbox SET next_attempt_at = NULL WHERE id = ? AND status = 'PENDING'", id) > 0;
  }

  /**
   * The state of the outbox for health and the outbox page.
   *
   * @param oldestDue {@code not_before} of the oldest pending row already due, or null
   * @param failing pending rows with at least the alert threshold of failed attempts
   */
  public record Backlog(long pending, long due, Instant oldestDue, long failing, long sending, long sent,
      long skipped, long failed) {
  }

  public Backlog backlog(Instant now, int alertAfterAttempts) {
    return jdbc.queryForObject("""
        SELECT
          COUNT(CASE WHEN status = 'PENDING' THEN 1 END) AS pending,
          COUNT(CASE WHEN status = 'PENDING' AND not_before <= ? THEN 1 END) AS due,
          MIN(CASE WHEN status = 'PENDING' AND not_before <= ? THEN not_before END) AS oldest_due,
          COUNT(CASE WHEN status = 'PENDING' AND attempts >= ? THEN 1 END) AS failing,
          COUNT(CASE WHEN status = 'SENDING' THEN 1 END) AS sending,
          COUNT(CASE WHEN status = 'SENT' THEN 1 END) AS sent,
          COUNT(CASE WHEN status = 'SKIPPED' THEN 1 END) AS skipped,
          COUNT(CASE WHEN status = 'PENDING' AND attempts > 0 THEN 1 END) AS failed
        FROM mail_outbox""",
        (rs, n) -> new Backlog(rs.getLong("pending"), rs.getLong("due"), instant(rs, "oldest_due"),
            rs.getLong("failing"), rs.getLong("sending"), rs.getLong("sent"), rs.getLong("skipped"),
            rs.getLong("failed")),
        ts(now), ts(now), alertAfterAttempts);
  }

  private OutboxRow row(ResultSet rs, int rowNum) throws SQLException {
    return new OutboxRow(
        rs.getLong("id"),
        rs.getString("dedup_key"),
        rs.getString("kind"),
        rs.getString("recipient_id"),
        rs.getString("recipient_email"),
        rs.getString("recipient_name"),
        rs.getString("school_year"),
        rs.getString("about_person"),
        rs.getString("unit_name"),
        rs.getString("phase_label"),
        instant(rs, "due_at"),
        rs.getString("process_instance_id"),
        rs.getString("task_definition_key"),
        instant(rs, "not_before"),
        instant(rs, "created_at"),
        rs.getString("status"),
        rs.getInt("attempts"),
        instant(rs, "next_attempt_at"),
        rs.getString("claimed_by"),
        instant(rs, "claimed_at"),
        rs.getString("last_error"),
        instant(rs, "sent_at"),
        rs.getString("message_id"),
        rs.getString("detail"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static String truncate(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  private static <T> List<List<T>> chunks(List<T> values) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < values.size(); from += IN_LIST_SIZE) {
      chunks.add(values.subList(from, Math.min(values.size(), from + IN_LIST_SIZE)));
    }
    return chunks;
  }

  /** A batch of guarded updates in one transaction: how many rows they changed. */
  private int batchInOneTransaction(String sql, List<Object[]> args) {
    return sum(batch.execute(tx -> jdbc.batchUpdate(sql, args)));
  }

  private static int sum(int[] counts) {
    int total = 0;
    for (int count : counts) {
      total += Math.max(0, count);
    }
    return total;
  }
}
