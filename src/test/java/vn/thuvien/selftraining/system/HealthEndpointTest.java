package vn.thuvien.selftraining.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.thuvien.selftraining.AppTest;
import vn.thuvien.selftraining.mail.Notice;
import vn.thuvien.selftraining.mail.NoticeKind;
import vn.thuvien.selftraining.mail.Outbox;

/** What an operator and a load balancer read: every part's health, readiness, liveness, the outbox. */
@AppTest
class HealthEndpointTest {

  @Autowired java.time.Clock clock;
  @Autowired TestRestTemplate rest;
  @Autowired Outbox outbox;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();

  /** The job executor's own part appears where it runs (cluster.TwoNodeClusterTest); it is off here. */
  @Test
  void healthListsDatabaseEngineAndOutbox() throws Exception {
    JsonNode health = json.readTree(rest.getForObject("/actuator/health", String.class));
    assertThat(health.get("components").fieldNames()).toIterable()
        .contains("db", "processEngine", "mailOutbox", "livenessState", "readinessState");
    assertThat(health.get("components").get("db").get("status").asText()).isEqualTo("UP");
    assertThat(health.get("components").get("processEngine").get("status").asText()).isEqualTo("UP");
  }

  @Test
  void readinessNeedsTheDatabaseAndTheEngineButNotTheMail() throws Exception {
    ResponseEntity<String> readiness = rest.getForEntity("/actuator/health/readiness", String.class);
    assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(readiness.getBody()).get("components").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("readinessState", "db", "processEngine");
    assertThat(rest.getForEntity("/actuator/health/liveness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theOutboxBacklogIsCountedForOfficersAndAnonymousHealthShowsStatusOnly() throws Exception {
    String person = "health." + java.util.UUID.randomUUID();
    outbox.enqueue(new Notice(NoticeKind.PHASE_OPENED, person, person + "@example.edu.vn", "Người thử", "2026-2027",
        null, null, "Lập kế hoạch", null, null, null, java.util.Date.from(clock.instant().minusSeconds(60)),
        java.time.LocalDate.now(clock)));
    try {
      JsonNode mail = json.readTree(rest.getForObject("/actuator/health/mail", String.class));
      assertThat(mail.get("status").asText()).isEqualTo("UP");
      assertThat(mail.get("components").get("mailOutbox").has("details")).as("anonymous: status only").isFalse();
      JsonNode summary = json.readTree(rest.withBasicAuth("khtc.hoa", "demo")
          .getForObject("/api/outbox/summary", String.class));
      assertThat(summary.get("pending").asLong()).isPositive();
      assertThat(summary.get("due").asLong()).isPositive();
      assertThat(summary.get("oldestDue").isNull()).isFalse();
    } finally {
      jdbc.update("DELETE FROM mail_outbox WHERE recipient_id = ?", person);
    }
  }
}
