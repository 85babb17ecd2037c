package vn.thuvien.selftraining.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Settings of the outbox sender under {@code self-training.mail.*} in {@code application.yaml}.
 * The SMTP server itself is Spring Boot's {@code spring.mail.*}: without {@code spring.mail.host}
 * nothing is sent and messages wait in the outbox.
 *
 * @param baseUrl how people reach the application; links in emails start with it
 * @param from the sender of every email, {@code Name <address>}
 * @param quietFrom no email from this local time (Asia/Ho_Chi_Minh) ...
 * @param quietUntil ... until this one; equal times mean no quiet hours
 * @param maxPerMinute at most this many emails a minute for relays that throttle; 0: no limit
 * @param pollInterval how often the sender looks for due messages
 * @param claimTimeout a message claimed longer than this by a node that died goes back to pending
 * @param maxBackoff the longest wait between two attempts of a failing message
 * @param alertAfterAttempts from this many failed attempts on, each failure is logged as ERROR and
 *     the health indicator is DOWN
 * @param staleAfter a due message still pending this long (outside quiet hours) makes health DOWN
 * @param messagesPerConnection how many digests one SMTP connection carries before the next is
 *     opened; bounds memory, keeps claims short and suits relays that cap messages per connection
 * @param connections how many SMTP connections one node sends over at once, each with its own
 *     addresses; one connection spends most of its time waiting for the server's reply to each message
 */
@ConfigurationProperties("self-training.mail")
public record ReminderMailProperties(
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("Hệ thống tự bồi dưỡng thư viện <no-reply@localhost>") String from,
    @DefaultValue("21:00") @DateTimeFormat(pattern = "H:mm") LocalTime quietFrom,
    @DefaultValue("06:30") @DateTimeFormat(pattern = "H:mm") LocalTime quietUntil,
    @DefaultValue("0") int maxPerMinute,
    @DefaultValue("PT30S") Duration pollInterval,
    @DefaultValue("PT10M") Duration claimTimeout,
    @DefaultValue("PT1H") Duration maxBackoff,
    @DefaultValue("5") int alertAfterAttempts,
    @DefaultValue("PT2H") Duration staleAfter,
    @DefaultValue("500") int messagesPerConnection,
    @DefaultValue("4") int connections) {

  /** Tasklist's address, when there is no single task to point at. */
  public String tasklistUrl() {
    return base() + "/camunda/app/tasklist/default/";
  }

  /** Tasklist opened on one task. */
  public String taskUrl(String taskId) {
    return base() + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  private String base() {
    String url = baseUrl == null ? "" : baseUrl.strip();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    return url;
  }

  /** Whether the moment falls in the quiet hours, which may span midnight (21:00–06:30). */
  public boolean isQuiet(Instant now, ZoneId zone) {
    if (quietFrom.equals(quietUntil)) {
      return false;
    }
    LocalTime time = now.atZone(zone).toLocalTime();
    if (quietFrom.isBefore(quietUntil)) {
      return !time.isBefore(quietFrom) && time.isBefore(quietUntil);
    }
    return !time.isBefore(quietFrom) || time.isBefore(quietUntil);
  }

  /**
   * The last moment at or before {@code now} when sending was allowed again after quiet hours: a
   * message due in the night has only been waiting since then. Without quiet hours, the epoch.
   */
  public Instant lastQuietEnd(Instant now, ZoneId zone) {
    if (quietFrom.equals(quietUntil)) {
      return Instant.EPOCH;
    }
    ZonedDateTime today = now.atZone(zone).toLocalDate().atTime(quietUntil).atZone(zone);
    return today.toInstant().isAfter(now) ? today.minusDays(1).toInstant() : today.toInstant();
  }

  /** Wait before the next attempt after {@code failedAttempts} failures: 1, 2, 4 ... minutes, capped. */
  public Duration backoffAfter(int failedAttempts) {
    int exponent = Math.max(0, Math.min(failedAttempts - 1, 30));
    Duration wait = Duration.ofMinutes(1L << exponent);
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
