package vn.thuvien.selftraining.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.thuvien.selftraining.AppTest;
import vn.thuvien.selftraining.browser.Browser;

/**
 * The progress view (static/progress/) in a real browser, reached from Cockpit with Cockpit's own
 * login, showing the figures of the reports API; and the scope rules seen from the page and from
 * the API. Demo data: the campaign of the current school year, everyone at their first task.
 * Screenshots of every step: target/screenshots/progress-*.png.
 */
@AppTest
class ProgressViewBrowserTest {

  /** The demo's commune of THCS-PHUHUNG (demo/don-vi.csv) and its officer. */
  private static final String DISTRICT = "UBND-PANHOI";
  private static final String DISTRICT_NAME = "UBND phường An Hội";
  private static final String DISTRICT_OFFICER = "cb.anhoi";
  private static final String OTHER_DISTRICT = "UBND-PLONGCHAU";
  /** A school of the other commune. */
  private static final String OTHER_UNIT = "THCS-TRUONGAN";
  private static final String OTHER_UNIT_NAME = "Trường THCS Trường An";
  private static final String UNIT_NAME = "Trường THCS Phú Hưng";
  /** The demo librarian of THCS-PHUHUNG (demo/nhan-su.csv). */
  private static final String LIBRARIAN = "nv.lan";
  private static final String LIBRARIAN_NAME = "Nguyễn Thị Lan";
  private static final String REFUSAL = "không có quyền xem báo cáo của UBND phường Long Châu";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ManagementService management;
  @Autowired ProcessEngine engine;

  private final ObjectMapper json = new ObjectMapper();

  /** The demo campaign fans out through asynchronous jobs; the executor is off in tests. */
  @BeforeEach
  void runDemoJobs() {
    for (int round = 0; round < 100; round++) {
      var due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.stream().filter(job -> management.createJobQuery().jobId(job.getId()).count() > 0)
          .forEach(job -> management.executeJob(job.getId()));
    }
  }

  @Test
  void departmentOfficerGoesFromCockpitToTheProgressAndDownToAPersonsHistory() throws Exception {
    String year = schoolYear("khtc.hoa");
    JsonNode report = api("khtc.hoa", "/api/reports/" + year + "?scope=province").path("report");
    List<String> groupCodes = new ArrayList<>();
    report.path("groups").forEach(g -> groupCodes.add(g.path("code").isNull() ? "direct" : g.path("code").asText()));
    JsonNode district = group(report, DISTRICT);

    try (Browser browser = Browser.start("http://localhost:" + port)) {
      // given Cockpit, logged in as Phòng KHTC
      browser.loginToCamunda("cockpit", engine.getName(), "khtc.hoa", "demo");
      browser.waitForText(By.cssSelector("[data-plugin-id='self-training-progress-dashboard']"), "Tiến độ chiến dịch");
      assertThat(browser.driver().findElement(By.linkText("Xem tiến độ")).getDomProperty("href"))
          .endsWith("/progress/index.html");
      browser.screenshot("progress-khtc-01-cockpit-dashboard");

      // when the header's "Tiến độ" is followed: the progress view, with no second login
      browser.waitClickable(By.xpath("//*[contains(@class,'Header')]//a[normalize-space()='Tiến độ']")).click();
      browser.waitUntil(ExpectedConditions.urlContains("/progress/index.html"));
      List<WebElement> bars = browser.waitForAtLeast(By.cssSelector("#chart .bar-row"), groupCodes.size());
      browser.screenshot("progress-khtc-02-province");

      // then a bar per commune (and the units under the Sở), and the API's figures in the table
      assertThat(bars).extracting(bar -> bar.getDomAttribute("data-code")).containsExactlyElementsOf(groupCodes);
      assertThat(browser.driver().findElement(By.id("breadcrumb")).getText()).isEqualTo("Toàn tỉnh");
      int participants = report.at("/total/participants").asInt();
      assertThat(participants).as("demo participants").isPositive();
      assertThat(cell(browser, "total", "participants")).isEqualTo(participants);
      assertThat(cell(browser, DISTRICT, "participants")).isEqualTo(district.at("/tally/participants").asInt());
      assertThat(cell(browser, DISTRICT, "PLAN.open")).isEqualTo(district.at("/tally/phases/PLAN/open").asInt());
      assertThat(cell(browser, "total", "PLAN.notStarted")).isEqualTo(report.at("/total/phases/PLAN/notStarted").asInt());
      assertThat(segmentSum(browser, DISTRICT)).as("bar of " + DISTRICT).isEqualTo(district.at("/tally/participants").asInt());

      // when a commune's bar is clicked: its units
      browser.driver().findElement(By.cssSelector("#chart a.bar-row[data-code='" + DISTRICT + "']")).click();
      browser.waitForText(By.id("breadcrumb"), DISTRICT_NAME);
      browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#chart .bar-row"),
          district.path("units").size()));
      assertThat(browser.driver().getCurrentUrl()).contains("scope=district:" + DISTRICT);
      assertThat(browser.driver().findElement(By.id("breadcrumb")).getText()).isEqualTo("Toàn tỉnh › " + DISTRICT_NAME);
      assertThat(cell(browser, "total", "participants")).isEqualTo(district.at("/tally/participants").asInt());
      browser.screenshot("progress-khtc-03-district");

      // when a unit is clicked: its people
      browser.driver().findElement(By.cssSelector("#figures")).findElement(By.linkText(UNIT_NAME)).click();
      browser.waitForText(By.id("people"), LIBRARIAN_NAME);
      assertThat(browser.driver().findElement(By.id("breadcrumb")).getText())
          .isEqualTo("Toàn tỉnh › " + DISTRICT_NAME + " › " + UNIT_NAME);
      WebElement librarian = browser.driver().findElement(By.cssSelector("#people tr[data-person='" + LIBRARIAN + "']"));
      assertThat(librarian.getText()).contains("Đang thực hiện").contains("Chưa bắt đầu").contains("Hạn ");
      assertThat(browser.driver().findElements(By.cssSelector("#people thead th"))).extracting(WebElement::getText)
          .startsWith("Họ và tên", "Mã người", "Email");
      assertThat(librarian.findElement(By.cssSelector("td.person-code")).getText()).isEqualTo(LIBRARIAN);
      assertThat(librarian.findElement(By.cssSelector("td.person-email")).getText()).contains("@")
          .isEqualTo(person(year, "unit:THCS-PHUHUNG", LIBRARIAN).path("email").asText());
      String processInstanceId = person(year, "unit:THCS-PHUHUNG", LIBRARIAN).path("processInstanceId").asText();
      assertThat(librarian.findElement(By.linkText("Mở trong Cockpit")).getDomProperty("href")).isEqualTo(
          browser.url("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime"));
      browser.screenshot("progress-khtc-04-unit");

      // when the librarian's history is opened: the trail from the history endpoint
      librarian.findElement(By.cssSelector(".history-button")).click();
      browser.waitForAtLeast(By.cssSelector("#history tbody tr"), 2);
      assertThat(browser.driver().findElement(By.id("history-title")).getText()).contains(LIBRARIAN_NAME);
      WebElement opened = browser.driver().findElement(By.cssSelector("#history tbody tr[data-kind='OPENED']"));
      assertThat(opened.findElements(By.tagName("td")).get(0).getText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
      assertThat(opened.getText()).contains("Mở hồ sơ tự bồi dưỡng năm học " + year);
      assertThat(browser.driver().findElement(By.id("history")).getText())
          .contains("Giao việc \"Lập hồ sơ tự bồi dưỡng và kế hoạch\"");
      browser.screenshot("progress-khtc-05-history");

      // and the breadcrumb leads back up
      browser.script("window.scrollTo(0, 0)");
      browser.driver().findElement(By.id("breadcrumb")).findElement(By.linkText("Toàn tỉnh")).click();
      browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#chart .bar-row"), groupCodes.size()));
    }
  }

  @Test
  void districtOfficerStartsAtTheirDistrictAndIsRefusedAnother() throws Exception {
    String year = schoolYear(DISTRICT_OFFICER);
    JsonNode district = api(DISTRICT_OFFICER, "/api/reports/" + year).path("report").path("groups").get(0);
    assertThat(district.path("code").asText()).isEqualTo(DISTRICT);

    try (Browser browser = Browser.start("http://localhost:" + port)) {
      browser.loginToCamunda("cockpit", engine.getName(), DISTRICT_OFFICER, "demo");
      browser.waitClickable(By.xpath("//*[contains(@class,'Header')]//a[normalize-space()='Tiến độ']")).click();

      // starts at their district, with nothing above it to click
      browser.waitForText(By.id("breadcrumb"), DISTRICT_NAME);
      List<WebElement> bars = browser.waitForAtLeast(By.cssSelector("#chart .bar-row"), district.path("units").size());
      assertThat(bars).hasSize(district.path("units").size());
      assertThat(browser.driver().findElement(By.id("breadcrumb")).getText()).isEqualTo(DISTRICT_NAME);
      assertThat(cell(browser, "total", "participants")).isEqualTo(district.at("/tally/participants").asInt());
      browser.screenshot("progress-pgd-01-district");

      // another district, asked for through the address: the server's refusal, in Vietnamese
      browser.open("/progress/index.html#year=" + year + "&scope=district:" + OTHER_DISTRICT);
      WebElement message = browser.waitForText(By.id("message"), REFUSAL);
      assertThat(message.getText()).contains(DISTRICT_OFFICER);
      assertThat(browser.driver().findElement(By.id("chart-section")).isDisplayed()).isFalse();
      assertThat(browser.driver().findElement(By.id("breadcrumb")).getText())
          .isEqualTo("Về phạm vi của tôi: " + DISTRICT_NAME);
      browser.screenshot("progress-pgd-02-other-district-refused");
    }
  }

  @Test
  void communeOfficerFindsTheirTasklistFilterNamedAsTheDirectoryNamesTheLevel() {
    try (Browser browser = Browser.start("http://localhost:" + port)) {
      browser.loginToCamunda("tasklist", engine.getName(), DISTRICT_OFFICER, "demo");
      browser.waitForText(By.tagName("body"), "Việc của UBND xã/phường");
      String page = browser.driver().findElement(By.tagName("body")).getText();
      assertThat(page).contains("Việc của tôi", "Được giao cho tôi", "Phản ánh cần trả lời")
          .doesNotContain("Phòng GD&ĐT").doesNotContain("Việc của Phòng");
      browser.screenshot("tasklist-cb-01-filters");
    }
  }

  @Test
  void apiRefusesAnotherDistrictsFiguresAndPeopleWithAVietnameseMessage() throws Exception {
    String year = schoolYear(DISTRICT_OFFICER);

    for (String path : List.of("/api/reports/" + year + "?scope=district:" + OTHER_DISTRICT,
        "/api/reports/" + year + "/people?scope=unit:" + OTHER_UNIT,
        "/api/reports/" + year + "/bao-cao.xlsx?scope=district:" + OTHER_DISTRICT)) {
      ResponseEntity<String> answer = rest.withBasicAuth(DISTRICT_OFFICER, "demo").getForEntity(path, String.class);

      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(json.readTree(answer.getBody()).path("message").asText()).as(path)
          .contains(DISTRICT_OFFICER).contains(path.contains("people") ? OTHER_UNIT_NAME : REFUSAL);
    }
  }

  private String schoolYear(String user) throws Exception {
    return api(user, "/api/reports").at("/schoolYears/0").asText();
  }

  private JsonNode api(String user, String path) throws Exception {
    ResponseEntity<String> answer = rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
    assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return json.readTree(answer.getBody());
  }

  private JsonNode person(String year, String scope, String personId) throws Exception {
    for (JsonNode person : api("khtc.hoa", "/api/reports/" + year + "/people?scope=" + scope)) {
      if (person.path("personId").asText().equals(personId)) {
        return person;
      }
    }
    throw new AssertionError(personId + " not among the people of " + scope);
  }

  private static JsonNode group(JsonNode report, String code) {
    for (JsonNode group : report.path("groups")) {
      if (group.path("code").asText().equals(code)) {
        return group;
      }
    }
    throw new AssertionError("no group " + code);
  }

  /** A number of the figures table: the row of {@code code} ("total" for the sum), the column. */
  private static int cell(Browser browser, String code, String column) {
    String text = browser.driver().findElement(By.cssSelector("#figures tr[data-code='" + code + "'] td[data-col='"
        + column + "']")).getText();
    return Integer.parseInt(text.replaceAll("\\D", ""));
  }

  /** The people counted in the segments of one bar of the chart. */
  private static int segmentSum(Browser browser, String code) {
    return browser.driver().findElements(By.cssSelector("#chart .bar-row[data-code='" + code + "'] rect.segment"))
        .stream().mapToInt(s -> Integer.parseInt(s.getDomAttribute("data-count"))).sum();
  }
}
