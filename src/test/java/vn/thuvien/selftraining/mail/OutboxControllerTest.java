package vn.thuvien.selftraining.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.thuvien.selftraining.AppTest;
import vn.thuvien.selftraining.training.CampaignCalendar;

/**
 * The application as first started: no SMTP configured. Nothing fails, messages stay pending and
 * visible to administrators and Phòng KHTC through {@code /api/outbox}, the page and the health
 * endpoint; anyone else is turned away. Runs in the shared demo context, so it looks only at the
 * rows it adds.
 */
@AppTest
class OutboxControllerTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> ROWS = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  /** The application's clock (the engine's, see AppTest). */
  @Autowired java.time.Clock clock;
  @Autowired TestRestTemplate rest;
  @Autowired Outbox outbox;
  @Autowired OutboxSender sender;
  @Autowired OutboxRows rows;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void withoutSmtpNothingFailsAndMessagesStayPendingForTheAdminToSee() {
    long id = enqueue();

    assertThat(sender.mailConfigured()).isFalse();
    assertThat(sender.sendDue()).isZero();
    assertThat(rows.find(id).orElseThrow().status()).isEqualTo(Outbox.PENDING);

    ResponseEntity<List<Map<String, Object>>> answer = rest.withBasicAuth("admin", "test-admin-secret")
        .exchange("/api/outbox?status=PENDING&limit=1000", HttpMethod.GET, null, ROWS);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> row = answer.getBody().stream().filter(r -> ((Number) r.get("id")).longValue() == id)
        .findFirst().orElseThrow();
    assertThat(row).containsEntry("status", "PENDING").containsEntry("statusLabel", "Chờ gửi")
        .containsEntry("kindLabel", "Bắt đầu giai đoạn").containsEntry("recipientName", "Nguyễn Thị Lan")
        .containsEntry("attempts", 0);
    assertThat((String) row.get("dueAt")).isEqualTo("2040-11-30T23:59:00+07:00");

    ResponseEntity<Map<String, Object>> summary = rest.withBasicAuth("admin", "test-admin-secret")
        .exchange("/api/outbox/summary", HttpMethod.GET, null, JSON);
    assertThat(summary.getBody()).containsEntry("mailConfigured", false).containsEntry("quietHours", "21:00–06:30");
  }

  @Test
  void librarianIsTurnedAwayInVietnamese() {
    ResponseEntity<Map<String, Object>> answer = rest.withBasicAuth("nv.lan", "demo")
        .exchange("/api/outbox", HttpMethod.GET, null, JSON);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) answer.getBody().get("message")).isEqualTo("Tài khoản \"nv.lan\" không có quyền xem hàng đợi"
        + " thư: chỉ quản trị hệ thống và chuyên viên Phòng KHTC của Sở được xem.");
    assertThat(rest.withBasicAuth("nv.lan", "demo").postForEntity("/api/outbox/1/retry", null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/outbox", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void departmentOfficerSeesAFailedMessageAndMakesItDueNow() {
    long id = enqueue();
    jdbc.update("UPDATE mail_outbox SET attempts = 3, next_attempt_at = ?, last_error = ? WHERE id = ?",
        Timestamp.from(clock.instant().plus(Duration.ofMinutes(8))), "MailConnectException: Connection refused", id);

    ResponseEntity<List<Map<String, Object>>> failed = rest.withBasicAuth("khtc.hoa", "demo")
        .exchange("/api/outbox?status=failed", HttpMethod.GET, null, ROWS);
    assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(failed.getBody()).anySatisfy(row -> assertThat(row).containsEntry("id", (int) id)
        .containsEntry("statusLabel", "Lỗi, chờ gửi lại").containsEntry("attempts", 3)
        .containsEntry("lastError", "MailConnectException: Connection refused"));

    ResponseEntity<Map<String, Object>> retried = rest.withBasicAuth("khtc.hoa", "demo")
        .exchange("/api/outbox/" + id + "/retry", HttpMethod.POST, null, JSON);
    assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((String) retried.getBody().get("message")).contains("Chưa cấu hình máy chủ thư");
    assertThat(rows.find(id).orElseThrow().nextAttemptAt()).isNull();

    jdbc.update("UPDATE mail_outbox SET status = 'SENT', sent_at = ? WHERE id = ?", Timestamp.from(clock.instant()), id);
    ResponseEntity<Map<String, Object>> again = rest.withBasicAuth("khtc.hoa", "demo")
        .exchange("/api/outbox/" + id + "/retry", HttpMethod.POST, null, JSON);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat((String) again.getBody().get("message")).contains("đã được gửi lúc").contains("không gửi lại");
  }

  @Test
  void unknownStatusFilterIsExplained() {
    ResponseEntity<Map<String, Object>> answer = rest.withBasicAuth("admin", "test-admin-secret")
        .exchange("/api/outbox?status=LOST", HttpMethod.GET, null, JSON);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) answer.getBody().get("message"))
        .isEqualTo("Trạng thái \"LOST\" không có; dùng một trong: ALL, PENDING, SENDING, SENT, SKIPPED, FAILED.");
  }

  @Test
  @SuppressWarnings("unchecked")
  void healthShowsTheOutboxUpWithMailNotConfiguredAndTheSummarySaysWhy() {
    ResponseEntity<Map<String, Object>> answer = rest.exchange("/actuator/health/mail", HttpMethod.GET, null, JSON);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> outboxHealth = (Map<String, Object>) ((Map<String, Object>) answer.getBody()
        .get("components")).get("mailOutbox");
    assertThat(outboxHealth).containsEntry("status", "UP").doesNotContainKey("details");
    ResponseEntity<Map<String, Object>> summary = rest.withBasicAuth("khtc.hoa", "demo")
        .exchange("/api/outbox/summary", HttpMethod.GET, null, JSON);
    assertThat(summary.getBody()).containsEntry("mailConfigured", false).containsKey("pending");
  }

  @Test
  void outboxPageIsServed() {
    ResponseEntity<String> page = rest.getForEntity("/outbox/index.html", String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("<html lang=\"vi\">").contains("Hàng đợi thư");
  }

  private long enqueue() {
    Instant now = clock.instant();
    Notice notice = new Notice(NoticeKind.PHASE_OPENED, "test.outbox." + UUID.randomUUID(), "lan@phuhung.example.vn",
        "Nguyễn Thị Lan", "2040-2041", null, "Trường THCS Phú Hưng", "Lập hồ sơ tự bồi dưỡng và kế hoạch",
        Date.from(LocalDate.of(2040, 11, 30).atTime(23, 59).atZone(CampaignCalendar.ZONE).toInstant()), null, null,
        Date.from(now), LocalDate.ofInstant(now, CampaignCalendar.ZONE));
    Boolean added = new TransactionTemplate(transactions).execute(status -> outbox.enqueue(notice));
    assertThat(added).isTrue();
    return jdbc.queryForObject("SELECT id FROM mail_outbox WHERE dedup_key = ?", Long.class, notice.dedupKey());
  }
}
