package vn.thuvien.selftraining.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.training.CampaignCalendar;

/**
 * {@code mailOutbox} in {@code /actuator/health}: DOWN when a message keeps failing
 * ({@code alert-after-attempts} or more) or when a due message has waited longer than
 * {@code stale-after} while mail is configured (time in quiet hours does not count). Without SMTP
 * the outbox is UP with "mail not configured": messages wait there by design.
 */
@Component
public class MailOutboxHealthIndicator implements HealthIndicator {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
      .withZone(CampaignCalendar.ZONE);

  private final OutboxRows rows;
  private final SmtpGateway smtp;
  private final ReminderMailProperties properties;
  private final Clock clock;

  public MailOutboxHealthIndicator(OutboxRows rows, SmtpGateway smtp, ReminderMailProperties properties,
      Clock clock) {
    this.rows = rows;
    this.smtp = smtp;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Health health() {
    Instant now = clock.instant();
    OutboxRows.Backlog backlog = rows.backlog(now, properties.alertAfterAttempts());
    boolean configured = smtp.configured();
    Health.Builder health = Health.up()
        .withDetail("mailConfigured", configured)
        .withDetail("pending", backlog.pending())
        .withDetail("due", backlog.due())
        .withDetail("failing", backlog.failing())
        .withDetail("sending", backlog.sending());
    if (backlog.oldestDue() != null) {
      health.withDetail("oldestDue", LOCAL.format(backlog.oldestDue()));
    }
    if (!configured) {
      return health.withDetail("mail", "mail not configured, messages stay in the outbox").build();
    }
    if (backlog.failing() > 0) {
      health.down().withDetail("problem", backlog.failing() + " message(s) failed "
          + properties.alertAfterAttempts() + " times or more; see /outbox/index.html");
    }
    Duration waiting = waiting(backlog.oldestDue(), now);
    if (waiting.compareTo(properties.staleAfter()) > 0) {
      health.down().withDetail("stale", "a due message has waited " + waiting.toMinutes()
          + " min, more than " + properties.staleAfter().toMinutes() + " min");
    }
    return health.build();
  }

  /** How long the oldest due message has been sendable: quiet hours do not count. */
  private Duration waiting(Instant oldestDue, Instant now) {
    if (oldestDue == null || properties.isQuiet(now, CampaignCalendar.ZONE)) {
      return Duration.ZERO;
    }
    Instant quietEnd = properties.lastQuietEnd(now, CampaignCalendar.ZONE);
    Instant since = oldestDue.isAfter(quietEnd) ? oldestDue : quietEnd;
    return since.isAfter(now) ? Duration.ZERO : Duration.between(since, now);
  }
}
