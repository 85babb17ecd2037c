package vn.thuvien.selftraining.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.thuvien.selftraining.AppTest;
import vn.thuvien.selftraining.DueJobs;

/**
 * The times on Tasklist's most-read line ("Hạn 5 ngày trước", "Ngày tạo 2 tháng trước") and their
 * tooltips are Vietnamese on every load, first or not: a librarian logs in ten times, each time in a
 * browser that has never seen the application, against an application started for this test.
 *
 * <p>Why this needs a test of its own: Tasklist loads {@code vi.json} and its English fallback
 * {@code en.json}, and Camunda's locale loader hands the {@code dateLocales} of each file to moment,
 * which makes the last one defined the language of every date. Whichever file the network delivered
 * last won: English in two of three logins on a fresh profile. {@link LocaleFileDelay}, registered in
 * this test's context only, makes that race reproducible by holding back {@code en.json} or
 * {@code vi.json} in turn; {@code app/vi-locale.js} must win it whatever the order. Without its
 * decorator of the loader, the five logins whose {@code en.json} came last read "Hạn 5 days ago",
 * "Monday, 30/11/2026 23:59" (5 of 10); the reloads, served from the browser's storage, were
 * Vietnamese.
 */
@AppTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:vietnamese-times-browser-test;DB_CLOSE_DELAY=-1")
class VietnameseTimesBrowserTest {

  private static final Logger LOG = LoggerFactory.getLogger(VietnameseTimesBrowserTest.class);

  static final Path LOCALES = Path.of("src/main/resources/META-INF/resources/webjars/camunda/app");
  static final String LIBRARIAN = "nv.lan";
  static final String PASSWORD = "demo";
  static final String PLAN_TASK = "Lập hồ sơ tự bồi dưỡng và kế hoạch";
  static final int LOGINS = 10;

  /** What moment writes in English for a relative time ("a few seconds ago", "in 4 days", "a month ago"). */
  static final Pattern ENGLISH_TIME = Pattern.compile(
      "\\b(ago|in|a|an|few|seconds?|minutes?|hours?|days?|months?|years?)\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
  /** What it writes in Vietnamese: "… trước" for the past, "… nữa" for the future (vi.json, relativeTime). */
  static final Pattern VIETNAMESE_TIME = Pattern.compile("\\S (trước|nữa)$");
  static final Pattern ENGLISH_DAY = Pattern.compile(
      "\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
          + "|August|September|October|November|December)\\b");
  /** A time not yet drawn by am-time-ago: the ISO value the template starts with. */
  static final Pattern NOT_DRAWN = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T|\\{\\{");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired LocaleFileDelay localeFiles;

  @Test
  void librarianReadsHerTimesInVietnameseAtEveryFirstLogin(@TempDir Path profiles) throws IOException {
    DueJobs.run(management);
    Task plan = tasks.createTaskQuery().taskAssignee(LIBRARIAN).taskName(PLAN_TASK).singleResult();
    assertThat(plan).as("the demo librarian's first task").isNotNull();
    assertThat(plan.getDueDate()).as("its due date").isNotNull();
    String dueTooltip = longDate(plan.getDueDate());

    List<String> english = new ArrayList<>();
    for (int login = 1; login <= LOGINS; login++) {
      // the English fallback delivered last in one login, the Vietnamese file in the next
      String held = login % 2 == 1 ? "en" : "vi";
      Duration delay = Duration.ofMillis(200 + 150 * (login % 3));
      localeFiles.hold(held, delay);

      try (Browser browser = Browser.start("http://localhost:" + port, profiles.resolve("login-" + login))) {
        ((HasCdp) browser.driver()).executeCdpCommand("Emulation.setTimezoneOverride",
            Map.of("timezoneId", "Asia/Ho_Chi_Minh"));
        browser.open("/camunda/app/tasklist/" + engine.getName() + "/");
        // both files in before she signs in, as when a person types: the race is run before the list is drawn
        browser.waitUntil(driver -> localeFiles.served().containsAll(Set.of("vi", "en")));
        browser.signIn("tasklist", LIBRARIAN, PASSWORD);
        Times first = times(browser);

        // and once more, the locale files now read from the browser's local storage (and HTTP cache)
        browser.driver().navigate().refresh();
        Times again = times(browser);

        String attempt = "login " + login + " (" + held + ".json held " + delay.toMillis() + " ms): " + first
            + " | after reload: " + again;
        LOG.info("{}", attempt);
        if (!first.vietnamese(dueTooltip) || !again.vietnamese(dueTooltip)) {
          english.add(attempt);
          browser.screenshot("vietnamese-times-login-" + login);
        }
      }
    }

    assertThat(english).as("logins on a fresh profile whose times were not Vietnamese (%d of %d); expected the "
        + "due date's tooltip '%s'", english.size(), LOGINS, dueTooltip).isEmpty();
  }

  /** The librarian's task in the list: its two times and their tooltips, once am-time-ago has drawn them. */
  private static Times times(Browser browser) {
    By due = By.cssSelector("ol.tasks-list .dates .due-date span[am-time-ago]");
    By created = By.cssSelector("ol.tasks-list .dates .creation-date span[am-time-ago]");
    browser.waitVisible(due);
    browser.waitUntil(driver -> drawn(driver.findElement(due)) && drawn(driver.findElement(created)));
    WebElement dueTime = browser.driver().findElement(due);
    WebElement createdTime = browser.driver().findElement(created);
    return new Times(
        browser.driver().findElement(By.cssSelector("ol.tasks-list .dates .due-date")).getText().strip(),
        browser.driver().findElement(By.cssSelector("ol.tasks-list .dates .creation-date")).getText().strip(),
        dueTime.getText().strip(), createdTime.getText().strip(),
        dueTime.getDomAttribute("uib-tooltip"), createdTime.getDomAttribute("uib-tooltip"),
        String.valueOf(browser.script("return angular.element(document.body).injector().get('moment').locale()")),
        String.valueOf(browser.script("return performance.getEntriesByType('resource')"
            + ".filter(function (e) { return /\\/locales\\/\\w+\\.json/.test(e.name); })"
            + ".map(function (e) { return e.name.replace(/.*locales\\/|\\?.*/g, '') + ' '"
            + " + Math.round(e.startTime) + '-' + Math.round(e.responseEnd) + ' ms'; }).join(', ')")));
  }

  private static boolean drawn(WebElement time) {
    String text = time.getText().strip();
    return !text.isEmpty() && !NOT_DRAWN.matcher(text).find();
  }

  /**
   * What one load showed: the lines ("Hạn 5 ngày trước"), their times alone, the tooltips
   * ("Thứ hai, 30/11/2026 17:00"), moment's language after the load (Tasklist's moment, as
   * angular-moment holds it) and when the locale files came (from the page's resource timings).
   */
  record Times(String dueLine, String createdLine, String due, String created, String dueTooltip,
      String createdTooltip, String momentLocale, String localeFiles) {

    boolean vietnamese(String expectedDueTooltip) {
      return !ENGLISH_TIME.matcher(due).find() && !ENGLISH_TIME.matcher(created).find()
          && VIETNAMESE_TIME.matcher(due).find() && VIETNAMESE_TIME.matcher(created).find()
          && dueLine.startsWith("Hạn ") && createdLine.startsWith("Ngày tạo ")
          && expectedDueTooltip.equals(dueTooltip)
          && createdTooltip != null && !ENGLISH_DAY.matcher(createdTooltip).find()
          && createdTooltip.matches("\\p{L}[\\p{L} ]*, \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
    }

    @Override
    public String toString() {
      return "'" + dueLine + "' [" + dueTooltip + "], '" + createdLine + "' [" + createdTooltip + "], moment "
          + momentLocale + " (" + localeFiles + ")";
    }
  }

  /** A date as camDate:'long' writes it with our formats and vi.json's day names: "Thứ hai, 30/11/2026 17:00". */
  private static String longDate(Date date) throws IOException {
    var local = date.toInstant().atZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    String content = Files.readString(LOCALES.resolve("tasklist/locales/vi.json"), StandardCharsets.UTF_8);
    JsonNode weekdays = new ObjectMapper().readTree(content.startsWith("\uFEFF") ? content.substring(1) : content)
        .at("/dateLocales/weekdays");
    return weekdays.get(local.getDayOfWeek().getValue() % 7).asText() + ", "
        + DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(local);
  }

  /**
   * Holds back one of Tasklist's locale files ({@code /camunda/app/tasklist/locales/<language>.json})
   * for a while, so that the other one reaches the browser first; remembers which files were served
   * since the last {@link #hold}. Registered in this test's context only.
   */
  static final class LocaleFileDelay extends OncePerRequestFilter {

    private static final Pattern LOCALE_FILE = Pattern.compile(".*/app/tasklist/locales/(\\w+)\\.json$");

    private volatile String held = "";
    private volatile Duration delay = Duration.ZERO;
    private final Set<String> served = ConcurrentHashMap.newKeySet();

    void hold(String language, Duration delay) {
      this.held = language;
      this.delay = delay;
      served.clear();
    }

    Set<String> served() {
      return served;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Matcher file = LOCALE_FILE.matcher(request.getRequestURI());
      if (!file.matches()) {
        chain.doFilter(request, response);
        return;
      }
      if (file.group(1).equals(held)) {
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      chain.doFilter(request, response);
      response.flushBuffer();
      served.add(file.group(1));
    }
  }

  @TestConfiguration
  static class LocaleFileDelayConfig {

    @Bean
    LocaleFileDelay localeFileDelay() {
      return new LocaleFileDelay();
    }

    @Bean
    FilterRegistrationBean<LocaleFileDelay> localeFileDelayRegistration(LocaleFileDelay filter) {
      FilterRegistrationBean<LocaleFileDelay> registration = new FilterRegistrationBean<>(filter);
      registration.addUrlPatterns("/camunda/app/tasklist/locales/*");
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
      return registration;
    }
  }
}
