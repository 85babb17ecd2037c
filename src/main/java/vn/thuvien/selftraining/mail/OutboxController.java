package vn.thuvien.selftraining.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.system.CurrentUser;
import vn.thuvien.selftraining.system.ApiRefusal;

/**
 * The outbox for the page {@code /outbox/index.html} and for scripts
 * ({@code curl -u admin:... http://localhost:8080/api/outbox?status=FAILED}): what waits, what went
 * out, what was dropped and what keeps failing, and a way to retry a failed message at once. Only
 * administrators and Phòng KHTC may look: rows hold people's addresses.
 */
@RestController
@RequestMapping("/api/outbox")
public class OutboxController {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxController.class);
  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 1000;
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
      .withZone(CampaignCalendar.ZONE);

  private final OutboxRows rows;
  private final SmtpGateway smtp;
  private final ReminderMailProperties properties;
  private final Clock clock;

  public OutboxController(OutboxRows rows, SmtpGateway smtp, ReminderMailProperties properties, Clock clock) {
    this.rows = rows;
    this.smtp = smtp;
    this.properties = properties;
    this.clock = clock;
  }

  /** A row as the page shows it; times in Asia/Ho_Chi_Minh. */
  public record OutboxEntry(long id, String kind, String kindLabel, String status, String statusLabel,
      String recipientId, String recipientName, String recipientEmail, String schoolYear, String aboutPerson,
      String unitName, String phaseLabel, OffsetDateTime dueAt, OffsetDateTime notBefore, OffsetDateTime createdAt,
      int attempts, OffsetDateTime nextAttemptAt, String lastError, OffsetDateTime sentAt, String messageId,
      String dedupKey) {

    static OutboxEntry of(OutboxRow row) {
      NoticeKind kind = row.noticeKind();
      return new OutboxEntry(row.id(), row.kind(), kind == null ? row.kind() : kind.label(), row.status(),
          row.statusLabel(), row.recipientId(), row.recipientName(), row.recipientEmail(), row.schoolYear(),
          row.aboutPerson(), row.unitName(), row.phaseLabel(), local(row.dueAt()), local(row.notBefore()),
          local(row.createdAt()), row.attempts(), local(row.nextAttemptAt()), row.lastError(), local(row.sentAt()),
          row.messageId(), row.dedupKey());
    }
  }

  /** Counts for the page's header. */
  public record Summary(boolean mailConfigured, String quietHours, int maxPerMinute, long pending, long due,
      long failed, long failing, long sending, long sent, long skipped, OffsetDateTime oldestDue,
      int alertAfterAttempts) {
  }

  public record Message(String message) {
  }

  /**
   * The newest rows, newest first.
   *
   * @param status PENDING, SENDING, SENT, SKIPPED, FAILED (pending after a failed attempt), or empty for all
   * @param limit at most this many (default 100, at most 1000)
   */
  @GetMapping
  public List<OutboxEntry> recent(@RequestParam(required = false) String status,
      @RequestParam(required = false) Integer limit, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
    checkAccess(user);
    int size = limit == null || limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    return rows.recent(filter(status), size).stream().map(OutboxEntry::of).toList();
  }

  @GetMapping("/summary")
  public Summary summary(@RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
    checkAccess(user);
    OutboxRows.Backlog backlog = rows.backlog(clock.instant(), properties.alertAfterAttempts());
    String quiet = properties.quietFrom().equals(properties.quietUntil()) ? ""
        : properties.quietFrom() + "–" + properties.quietUntil();
    return new Summary(smtp.configured(), quiet, properties.maxPerMinute(), backlog.pending(), backlog.due(),
        backlog.failed(), backlog.failing(), backlog.sending(), backlog.sent(), backlog.skipped(),
        local(backlog.oldestDue()), properties.alertAfterAttempts());
  }

  /** A pending message (typically a failed one) goes out at the next run instead of after its backoff. */
  @PostMapping("/{id}/retry")
  public ResponseEntity<Message> retry(@PathVariable long id, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
    checkAccess(user);
    OutboxRow row = rows.find(id).orElse(null);
    if (row == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Message("Không có thư số " + id + "."));
    }
    if (!Outbox.PENDING.equals(row.status()) || !rows.retryNow(id)) {
      String why = switch (row.status()) {
        case Outbox.SENT -> "đã được gửi lúc " + (row.sentAt() == null ? "?" : DAY_TIME.format(row.sentAt()))
            + ", không gửi lại";
        case Outbox.SKIPPED -> "đã được bỏ qua vì việc đã hoàn thành trước khi gửi";
        case Outbox.SENDING -> "đang được gửi";
        default -> "không ở trạng thái chờ gửi";
      };
      return ResponseEntity.status(HttpStatus.CONFLICT).body(new Message("Thư số " + id + " " + why + "."));
    }
    LOG.info("Outbox id {} made due now by {}", id, user.userId());
    Instant notBefore = row.notBefore();
    String message;
    if (!smtp.configured()) {
      message = "Chưa cấu hình máy chủ thư (spring.mail.host): thư số " + id + " tiếp tục nằm chờ trong hàng đợi.";
    } else if (notBefore != null && notBefore.isAfter(clock.instant())) {
      message = "Thư số " + id + " sẽ được gửi khi đến thời điểm gửi " + DAY_TIME.format(notBefore) + ".";
    } else if (properties.isQuiet(clock.instant(), CampaignCalendar.ZONE)) {
      message = "Thư số " + id + " sẽ được gửi sau giờ nghỉ gửi thư (" + properties.quietFrom() + "–"
          + properties.quietUntil() + ").";
    } else {
      message = "Thư số " + id + " sẽ được gửi lại trong lần gửi kế tiếp (chậm nhất sau "
          + properties.pollInterval().toSeconds() + " giây).";
    }
    return ResponseEntity.ok(new Message(message));
  }

  private static void checkAccess(CurrentUser user) {
    if (!user.isAdmin() && !user.isDepartmentOfficer()) {
      throw new OutboxAccessDenied("Tài khoản \"" + user.userId() + "\" không có quyền xem hàng đợi thư: chỉ quản trị"
          + " hệ thống và chuyên viên Phòng KHTC của Sở được xem.");
    }
  }

  private static OutboxRows.Filter filter(String status) {
    if (status == null || status.isBlank()) {
      return OutboxRows.Filter.ALL;
    }
    try {
      return OutboxRows.Filter.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidFilter("Trạng thái \"" + status + "\" không có; dùng một trong: "
          + Arrays.stream(OutboxRows.Filter.values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
    }
  }

  private static OffsetDateTime local(Instant instant) {
    return instant == null ? null : instant.atZone(CampaignCalendar.ZONE).toOffsetDateTime();
  }

  /** A status filter that does not exist. */
  static class InvalidFilter extends ApiRefusal {
    InvalidFilter(String message) {
      super(HttpStatus.BAD_REQUEST, message);
    }
  }

  /** The caller may not see the outbox. */
  static class OutboxAccessDenied extends ApiRefusal {
    OutboxAccessDenied(String message) {
      super(HttpStatus.FORBIDDEN, message);
    }
  }
}
