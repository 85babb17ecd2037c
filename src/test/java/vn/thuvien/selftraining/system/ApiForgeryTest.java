package vn.thuvien.selftraining.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.thuvien.selftraining.AppTest;

/**
 * Issue 17, cross-site request forgery on {@code /api}: a change that carries only the web
 * session's cookie (what a page of another site can make a browser send) is refused and changes
 * nothing; the same change with the session's token (what our own pages send) goes through, and
 * scripts using HTTP Basic need no token.
 */
@AppTest
class ApiForgeryTest {

  static final String FORGED_MESSAGE = "Yêu cầu bị từ chối vì thiếu mã chống giả mạo của phiên đăng nhập (X-XSRF-TOKEN). "
      + "Vui lòng tải lại trang rồi thử lại; không có gì được thay đổi.";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aChangeWithTheSessionCookieAloneIsRefusedWithItsTokenItGoesThrough() throws Exception {
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    logIntoTasklist(browser, cookies, "khtc.hoa", "demo");
    Integer importsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM directory_import", Integer.class);

    // a page of another site makes the browser post to our API: only the cookie comes along
    HttpResponse<String> forgedRetry = browser.send(HttpRequest.newBuilder(uri("/api/outbox/999999/retry"))
        .header("Origin", "https://trang-la.example").POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> forgedImport = browser.send(HttpRequest.newBuilder(uri("/api/directory/import"))
        .header("Origin", "https://trang-la.example").header("Content-Type", "multipart/form-data; boundary=x")
        .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")).build(), HttpResponse.BodyHandlers.ofString());

    for (HttpResponse<String> forged : new HttpResponse[] {forgedRetry, forgedImport}) {
      assertThat(forged.statusCode()).isEqualTo(403);
      assertThat(json.readTree(forged.body()).path("message").asText()).isEqualTo(FORGED_MESSAGE);
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_import", Integer.class))
        .as("nothing imported").isEqualTo(importsBefore);

    // our own page first reads the session's token, then sends it
    HttpResponse<String> tokenAnswer = browser.send(HttpRequest.newBuilder(uri("/api/session/xsrf-token")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    String token = json.readTree(tokenAnswer.body()).path("token").asText();
    assertThat(token).hasSize(32);
    HttpResponse<String> ownPage = browser.send(HttpRequest.newBuilder(uri("/api/outbox/999999/retry"))
        .header("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(ownPage.statusCode()).as(ownPage.body()).isNotEqualTo(403).isNotEqualTo(401);

    // a script with HTTP Basic, no session: no token needed
    HttpResponse<String> script = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/outbox/999999/retry"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("khtc.hoa:demo".getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(script.statusCode()).isEqualTo(ownPage.statusCode());
  }

  /** As Tasklist's login page does: its XSRF cookie, then the login form with the token. */
  private void logIntoTasklist(HttpClient browser, CookieManager cookies, String user, String password)
      throws Exception {
    browser.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/" + engine.getName() + "/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            uri("/camunda/api/admin/auth/user/" + engine.getName() + "/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as("Tasklist login: " + login.body()).isEqualTo(200);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
