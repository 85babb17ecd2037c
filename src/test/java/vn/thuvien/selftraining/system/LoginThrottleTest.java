package vn.thuvien.selftraining.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.thuvien.selftraining.AppTest;

/**
 * Issue 17, "anyone can lock anyone out": a stranger's wrong passwords slow the stranger down, never
 * the person whose account it is. Two clients, told apart by the address the proxy reports
 * (X-Forwarded-For, trusted from a proxy on an internal address such as this test's).
 */
@AppTest
class LoginThrottleTest {

  static final String STRANGER = "203.0.113.9";
  static final String LIBRARIAN_AT_SCHOOL = "198.51.100.20";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aStrangersWrongPasswordsSlowTheStrangerNotTheLibrarian() throws Exception {
    List<Integer> strangerAnswers = new ArrayList<>();
    for (int attempt = 0; attempt < 12; attempt++) {
      strangerAnswers.add(tasks(STRANGER, "gv.minh", "doan-mat-khau-" + attempt).statusCode());
      // and the librarian, from her school, at the same time: always in
      assertThat(tasks(LIBRARIAN_AT_SCHOOL, "gv.minh", "demo").statusCode()).as("the real person, attempt " + attempt)
          .isEqualTo(200);
    }

    assertThat(strangerAnswers.subList(0, LoginThrottle.FREE_PER_ACCOUNT)).containsOnly(401);
    assertThat(strangerAnswers.subList(LoginThrottle.FREE_PER_ACCOUNT + 1, strangerAnswers.size())).containsOnly(429);
    // even the right password waits while the stranger's source is throttled: guessing stays slow
    HttpResponse<String> throttled = tasks(STRANGER, "gv.minh", "demo");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    assertThat(json.readTree(throttled.body()).path("message").asText())
        .startsWith("Đăng nhập sai quá nhiều lần từ máy này; vui lòng thử lại sau ");
    // Camunda's own login form, from the school: the account is not locked either
    assertThat(login(LIBRARIAN_AT_SCHOOL, "gv.minh", "demo").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> tasks(String from, String user, String password) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/engine/"
            + engine.getName() + "/task/count"))
        .header("X-Forwarded-For", from)
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Tasklist's login form, as its page sends it (with the XSRF token of the page's cookie). */
  private HttpResponse<String> login(String from, String user, String password) throws Exception {
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/"
        + engine.getName() + "/")).header("X-Forwarded-For", from).GET().build(), HttpResponse.BodyHandlers.discarding());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/"
            + engine.getName() + "/login/tasklist"))
        .header("X-Forwarded-For", from).header("X-XSRF-TOKEN", xsrf)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
