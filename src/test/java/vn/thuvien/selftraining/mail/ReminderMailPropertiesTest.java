package vn.thuvien.selftraining.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import vn.thuvien.selftraining.training.CampaignCalendar;

/** Binding of {@code self-training.mail.*} and the rules built on it, without Spring. */
class ReminderMailPropertiesTest {

  private static ReminderMailProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("self-training.mail", ReminderMailProperties.class);
  }

  private static Instant at(int hour, int minute) {
    return LocalDateTime.of(2040, 11, 28, hour, minute).atZone(CampaignCalendar.ZONE).toInstant();
  }

  @Test
  void defaultsNeedNoConfiguration() {
    ReminderMailProperties defaults = bind(Map.of());

    assertThat(defaults.baseUrl()).isEqualTo("http://localhost:8080");
    assertThat(defaults.from()).isEqualTo("Hệ thống tự bồi dưỡng thư viện <no-reply@localhost>");
    assertThat(defaults.quietFrom()).isEqualTo(LocalTime.of(21, 0));
    assertThat(defaults.quietUntil()).isEqualTo(LocalTime.of(6, 30));
    assertThat(defaults.maxPerMinute()).isZero();
    assertThat(defaults.pollInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.claimTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(defaults.maxBackoff()).isEqualTo(Duration.ofHours(1));
    assertThat(defaults.alertAfterAttempts()).isEqualTo(5);
    assertThat(defaults.staleAfter()).isEqualTo(Duration.ofHours(2));
    assertThat(defaults.messagesPerConnection()).isEqualTo(500);
  }

  @Test
  void bindsTimesDurationsAndUrls() {
    ReminderMailProperties mail = bind(Map.of("self-training.mail.quiet-from", "22:15",
        "self-training.mail.quiet-until", "5:45", "self-training.mail.max-backoff", "30m",
        "self-training.mail.base-url", "https://tubd.sogd.example.vn//"));

    assertThat(mail.quietFrom()).isEqualTo(LocalTime.of(22, 15));
    assertThat(mail.quietUntil()).isEqualTo(LocalTime.of(5, 45));
    assertThat(mail.maxBackoff()).isEqualTo(Duration.ofMinutes(30));
    assertThat(mail.taskUrl("abc")).isEqualTo("https://tubd.sogd.example.vn/camunda/app/tasklist/default/#/?task=abc");
    assertThat(mail.tasklistUrl()).isEqualTo("https://tubd.sogd.example.vn/camunda/app/tasklist/default/");
  }

  @Test
  void quietHoursSpanMidnight() {
    ReminderMailProperties mail = bind(Map.of());

    assertThat(mail.isQuiet(at(20, 59), CampaignCalendar.ZONE)).isFalse();
    assertThat(mail.isQuiet(at(21, 0), CampaignCalendar.ZONE)).isTrue();
    assertThat(mail.isQuiet(at(0, 0), CampaignCalendar.ZONE)).isTrue();
    assertThat(mail.isQuiet(at(6, 29), CampaignCalendar.ZONE)).isTrue();
    assertThat(mail.isQuiet(at(6, 30), CampaignCalendar.ZONE)).isFalse();
    assertThat(mail.lastQuietEnd(at(9, 0), CampaignCalendar.ZONE)).isEqualTo(at(6, 30));
    assertThat(mail.lastQuietEnd(at(5, 0), CampaignCalendar.ZONE)).isEqualTo(at(6, 30).minus(Duration.ofDays(1)));
  }

  @Test
  void quietHoursWithinOneDayAndNone() {
    ReminderMailProperties lunch = bind(Map.of("self-training.mail.quiet-from", "11:30",
        "self-training.mail.quiet-until", "13:30"));
    ReminderMailProperties none = bind(Map.of("self-training.mail.quiet-from", "00:00",
        "self-training.mail.quiet-until", "00:00"));

    assertThat(lunch.isQuiet(at(12, 0), CampaignCalendar.ZONE)).isTrue();
    assertThat(lunch.isQuiet(at(22, 0), CampaignCalendar.ZONE)).isFalse();
    assertThat(none.isQuiet(at(3, 0), CampaignCalendar.ZONE)).isFalse();
    assertThat(none.lastQuietEnd(at(3, 0), CampaignCalendar.ZONE)).isEqualTo(Instant.EPOCH);
  }

  @Test
  void backoffDoublesFromOneMinuteUpToTheCap() {
    ReminderMailProperties mail = bind(Map.of());

    assertThat(mail.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(mail.backoffAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(mail.backoffAfter(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(mail.backoffAfter(6)).isEqualTo(Duration.ofMinutes(32));
    assertThat(mail.backoffAfter(7)).isEqualTo(Duration.ofHours(1));
    assertThat(mail.backoffAfter(1000)).isEqualTo(Duration.ofHours(1));
  }
}
