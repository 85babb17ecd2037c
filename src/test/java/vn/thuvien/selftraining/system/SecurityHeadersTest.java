package vn.thuvien.selftraining.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.thuvien.selftraining.AppTest;
import vn.thuvien.selftraining.DueJobs;

/**
 * Issue 17, headers and exposure: our pages, {@code /api} and {@code /engine-rest} cannot be framed
 * by another site nor sniffed into another type, our pages run only their own scripts; a person's
 * record another unit's principal may not read answers exactly as a record that does not exist.
 */
@AppTest
class SecurityHeadersTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;

  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void runDemoJobs() {
    DueJobs.run(management);
  }

  @Test
  void pagesAndApisCarryTheBrowserProtections() {
    ResponseEntity<String> page = rest.getForEntity("/directory/import.html", String.class);
    assertThat(page.getHeaders().getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
    assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'")
        .contains("frame-ancestors 'self'").contains("object-src 'none'");

    for (ResponseEntity<String> data : new ResponseEntity[] {
        rest.getForEntity("/api/public/campaign-defaults", String.class),
        rest.withBasicAuth("khtc.hoa", "demo").getForEntity("/api/reports", String.class),
        rest.getForEntity("/engine-rest/engine/" + engine.getName() + "/task", String.class)}) {
      assertThat(data.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
      assertThat(data.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(data.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'")
          .contains("frame-ancestors 'none'");
    }
  }

  @Test
  void anotherUnitsRecordAnswersAsOneThatDoesNotExist() throws Exception {
    String year = jdbc.queryForObject("SELECT MAX(school_year) FROM participant_record", String.class);
    Long foreign = jdbc.queryForObject("SELECT MIN(id) FROM participant_record WHERE school_year = ? "
        + "AND unit_code <> 'THCS-PHUHUNG'", Long.class, year);
    long missing = jdbc.queryForObject("SELECT MAX(id) FROM participant_record", Long.class) + 1000;

    ResponseEntity<String> other = rest.withBasicAuth("ht.binh", "demo")
        .getForEntity("/api/reports/" + year + "/people/" + foreign + "/history", String.class);
    ResponseEntity<String> none = rest.withBasicAuth("ht.binh", "demo")
        .getForEntity("/api/reports/" + year + "/people/" + missing + "/history", String.class);

    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND).isEqualTo(none.getStatusCode());
    assertThat(json.readTree(other.getBody()).path("message").asText())
        .isEqualTo("Không tìm thấy hồ sơ số " + foreign + " của năm học " + year + ".");
    assertThat(json.readTree(none.getBody()).path("message").asText())
        .isEqualTo("Không tìm thấy hồ sơ số " + missing + " của năm học " + year + ".");
    // her own unit's record still opens
    Long own = jdbc.queryForObject("SELECT MIN(id) FROM participant_record WHERE school_year = ? "
        + "AND unit_code = 'THCS-PHUHUNG'", Long.class, year);
    assertThat(rest.withBasicAuth("ht.binh", "demo")
        .getForEntity("/api/reports/" + year + "/people/" + own + "/history", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }
}
