package vn.thuvien.selftraining.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.*;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import vn.thuvien.selftraining.AppTest;
import vn.thuvien.selftraining.DueJobs;
import vn.thuvien.selftraining.campaign.CampaignDriver;
import vn.thuvien.selftraining.campaign.CampaignProcess;
import vn.thuvien.selftraining.training.ParticipantRecords.ParticipantRecord;
import vn.thuvien.selftraining.training.ParticipantRecords.PhaseRecord;
import vn.thuvien.selftraining.training.ParticipantRecords;
import vn.thuvien.selftraining.training.Phase;

/**
 * Tasklist and Cockpit in Vietnamese, in a real browser, with the demo data: a librarian
 * completes her first task, another one meets the form's and the server's refusals, the principal
 * evaluates a report, Phòng KHTC looks at the campaign in Cockpit. The Vietnamese labels expected
 * on screen are read from our {@code locales/vi.json}, so the test proves that those files are
 * what the browser shows. Screenshots of every step: {@code target/screenshots/tasklist-*.png},
 * {@code cockpit-*.png}, {@code admin-*.png}, {@code welcome-*.png}; they illustrate the user
 * guide in {@code docs/huong-dan/}.
 *
 * <p>The test moves people's processes forward, so it runs on a database of its own (and a Spring
 * context of its own, kept open: a closed one would break Cockpit for the others' contexts), leaving the demo state of the shared one to the others.
 */
@AppTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:tasklist-browser-test;DB_CLOSE_DELAY=-1")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TasklistBrowserTest {

  static final Path LOCALES = Path.of("src/main/resources/META-INF/resources/webjars/camunda/app");

  /** The demo school: its librarian, its teacher-librarian and its principal (demo/nhan-su.csv). */
  static final String UNIT = "THCS-PHUHUNG";
  static final String LIBRARIAN = "nv.lan";
  static final String TEACHER_LIBRARIAN = "gv.minh";
  static final String PRINCIPAL = "ht.binh";
  static final String DEPARTMENT_OFFICER = "khtc.hoa";
  static final String PASSWORD = "demo";

  static final String PLAN_TASK = "Lập hồ sơ tự bồi dưỡng và kế hoạch";
  static final String SUBMIT_TASK = "Nộp thu hoạch";
  static final String EVALUATE_TASK = "Đánh giá thu hoạch";
  static final String CAMPAIGN_NAME = "Đợt tự bồi dưỡng nghiệp vụ thư viện – toàn tỉnh";

  /** English words of Camunda's own interface that must not be left on a Vietnamese screen. */
  static final Pattern TASKLIST_ENGLISH = Pattern.compile(
      "\\b(Complete|Claim|Unclaim|Start process|Create a filter|Created|Follow-up|Add groups|Sort by|Log in|Password)\\b");
  static final Pattern COCKPIT_ENGLISH = Pattern.compile(
      "\\b(Processes|Decisions|Human Tasks|Deployments|Process Definitions|Running Process Instances|Incidents|Dashboard)\\b");

  static final Pattern ISO_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired ParticipantRecords records;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The demo campaign fans out through asynchronous jobs; the executor is off in tests. */
  @BeforeEach
  void runDemoJobs() {
    vn.thuvien.selftraining.DueJobs.run(management);
  }

  @Test
  @Order(1)
  void librarianCompletesHerFirstTaskInVietnameseTasklist() throws IOException {
    String instanceId = instanceOf(LIBRARIAN).getId();
    String materials = "Giáo trình Nghiệp vụ thư viện trường học (Bộ GD&ĐT)\nSổ tay công tác thư viện";
    String schedule = "Chiều thứ Năm hằng tuần, từ tháng 12 đến tháng 4";
    String method = "Tự nghiên cứu tài liệu, ghi chép và trao đổi kinh nghiệm với đồng nghiệp";

    try (Browser browser = browser()) {
      // given a browser whose language is English: Vietnamese still wins
      speakEnglish(browser);
      browser.open("/camunda/app/tasklist/" + engine.getName() + "/");
      browser.waitVisible(By.cssSelector("form[name='signinForm']"));
      browser.waitForText(By.cssSelector("form[name='signinForm'] button[type='submit']"),
          label("tasklist", "PAGE_LOGIN_SIGN_IN_ACTION"));
      assertThat(browser.script("return navigator.language")).asString().startsWith("en");
      assertThat(browser.driver().findElement(By.cssSelector("form[name='signinForm'] input[ng-model='username']"))
          .getDomAttribute("placeholder")).isEqualTo(label("tasklist", "PAGE_LOGIN_USERNAME"));
      assertNoEnglish(browser, TASKLIST_ENGLISH);
      browser.screenshot("tasklist-01-login");

      // when the librarian logs in: her filter and her first task, in Vietnamese
      browser.loginToCamunda("tasklist", engine.getName(), LIBRARIAN, PASSWORD);
      WebElement task = browser.waitVisible(taskInList(PLAN_TASK));
      assertShows(browser, "tasklist", "START_PROCESS", "CREATION", "DUE");
      // dates as written here (app/vi-locale.js), with Vietnamese day names (vi.json)
      assertThat(browser.script("var date = angular.element(document.body).injector().get('$filter')('camDate');"
          + "var d = new Date(2027, 3, 5, 8, 30); return date(d) + ' | ' + date(d, 'long');"))
          .isEqualTo("05/04/2027 08:30 | " + weekday("tasklist", LocalDate.of(2027, 4, 5))
              + ", 05/04/2027 08:30");
      assertThat(text(browser)).contains("Việc của tôi");
      assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
          .as("the vendor's end-of-life notice, for administrators only").noneMatch(WebElement::isDisplayed);
      browser.screenshot("tasklist-02-my-tasks");

      // once more, with the locale files now read from the browser's storage (the English fallback
      // included): relative times still in Vietnamese ("vài giây trước", not "a few seconds ago")
      browser.driver().navigate().refresh();
      task = browser.waitVisible(taskInList(PLAN_TASK));
      browser.waitForText(By.cssSelector("ol.tasks-list"), "trước");
      assertThat(text(browser)).doesNotContain(" ago").doesNotContain("in 4 days");
      assertNoEnglish(browser, TASKLIST_ENGLISH);

      // when she opens it: the form, with Tasklist's buttons and tabs in Vietnamese
      task.click();
      WebElement materialsField = browser.waitVisible(By.id("planMaterials"));
      assertShows(browser, "tasklist", "FORM", "HISTORY", "DIAGRAM", "DESCRIPTION", "SAVE", "COMPLETE");
      assertThat(completeButton(browser).getText()).isEqualTo(label("tasklist", "COMPLETE"));
      assertNoEnglish(browser, TASKLIST_ENGLISH);
      assertThat(text(browser)).contains("Người thực hiện: Nguyễn Thị Lan");

      type(materialsField, materials);
      type(browser.driver().findElement(By.id("planSchedule")), schedule);
      type(browser.driver().findElement(By.id("planMethod")), method);
      browser.screenshot("tasklist-03-plan-form");
      click(browser, completeButton());

      // then the task is gone from her list, and Tasklist says so in Vietnamese
      browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(taskInList(PLAN_TASK)));
      browser.waitForText(By.tagName("body"), plain(label("tasklist", "NO_MATCHING_TASK")));
      assertNoEnglish(browser, TASKLIST_ENGLISH);
      browser.screenshot("tasklist-04-plan-completed");
    }

    // and the engine and the records agree
    HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().processInstanceId(instanceId)
        .taskDefinitionKey(TASK_PREPARE_PLAN).finished().singleResult();
    assertThat(done).as("completed plan task").isNotNull();
    assertThat(done.getDeleteReason()).isEqualTo("completed");
    assertThat(tasks.createTaskQuery().processInstanceId(instanceId).count()).as("open tasks of " + LIBRARIAN)
        .isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName(VAR_PLAN_MATERIALS).singleResult().getValue()).isEqualTo(materials);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName(VAR_PLAN_METHOD).singleResult().getValue()).isEqualTo(method);
    assertThat(records.phases(instanceId)).filteredOn(phase -> phase.phase() == Phase.PLAN).singleElement()
        .satisfies(phase -> assertThat(phase.completedAt()).isNotNull())
        .extracting(PhaseRecord::onTime).isEqualTo(true);
    assertThat(runtime.getActivityInstance(instanceId).getActivityInstances(TIMER_COMMON_PART_OPENS))
        .as("waiting for the common part to open").hasSize(1);
  }

  @Test
  @Order(2)
  void librarianRaisesAConcernThatReachesHerPrincipal() throws IOException {
    String subject = "Chưa tìm được bộ tài liệu Phần chung";
    String description = "Thư viện trường chưa có bộ \"Tài liệu bồi dưỡng nghiệp vụ thư viện trường phổ thông\"; "
        + "đề nghị hướng dẫn nơi mượn hoặc bản điện tử.";

    try (Browser browser = browser()) {
      browser.loginToCamunda("tasklist", engine.getName(), LIBRARIAN, PASSWORD);
      click(browser, By.partialLinkText(label("tasklist", "START_PROCESS")));
      click(browser, By.xpath("//ul[contains(@class,'processes')]//a[normalize-space()='Phản ánh vướng mắc']"));
      type(browser.waitVisible(By.id("concernSubject")), subject);
      type(browser.driver().findElement(By.id("concernDescription")), description);
      browser.waitForText(By.cssSelector("form[name='concernForm']"), "Năm học ");
      assertShows(browser, "tasklist", "BACK", "CLOSE", "START");
      assertNoEnglish(browser, TASKLIST_ENGLISH);
      browser.screenshot("tasklist-11-raise-concern");
      click(browser, By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']"));
      browser.waitUntil(ExpectedConditions.or(
          ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-footer")),
          ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal .alert"))));
      // an attachment is optional: sent without one, the concern must be accepted
      assertThat(browser.driver().findElements(By.cssSelector(".modal .alert")))
          .as("refusal of a concern without attachment").extracting(WebElement::getText).isEmpty();
    }

    // the principal finds it among the concerns to answer
    String answerTask = "Trả lời phản ánh: " + subject;
    assertThat(tasks.createTaskQuery().taskName(answerTask).taskCandidateGroup(principalGroup(UNIT)).count())
        .as(answerTask).isEqualTo(1);
    try (Browser browser = browser()) {
      browser.loginToCamunda("tasklist", engine.getName(), PRINCIPAL, PASSWORD);
      click(browser, By.xpath("//*[contains(@class,'task-filter')]//a[contains(normalize-space(),"
          + "'Phản ánh cần trả lời')]"));
      click(browser, taskInList(answerTask));
      browser.waitForText(By.cssSelector(".task-details"), "Nguyễn Thị Lan");
      assertThat(text(browser)).contains(description.substring(0, 40));
      assertNoEnglish(browser, TASKLIST_ENGLISH);
      browser.screenshot("tasklist-12-concern-to-answer");
    }
  }

  @Test
  @Order(3)
  void teacherLibrarianIsToldInVietnameseThatARequiredFieldIsEmpty() throws IOException {
    ProcessInstance instance = instanceOf(TEACHER_LIBRARIAN);
    moveTo(instance.getId(), TASK_PREPARE_PLAN, Map.of());

    try (Browser browser = browser()) {
      browser.loginToCamunda("tasklist", engine.getName(), TEACHER_LIBRARIAN, PASSWORD);
      browser.waitVisible(taskInList(PLAN_TASK)).click();

      // a required field left empty: the form says what to fill in, and cannot be completed
      WebElement materials = browser.waitVisible(By.id("planMaterials"));
      type(materials, "Tài liệu");
      clear(materials);
      type(browser.driver().findElement(By.id("planSchedule")), "Thứ Bảy cuối tháng");
      type(browser.driver().findElement(By.id("planMethod")), "Tự đọc và ghi chép");
      browser.waitForText(By.cssSelector("form[name='planForm']"), "Vui lòng nhập tài liệu cần tìm đọc.");
      assertThat(completeButton(browser).isEnabled()).as("complete button with an empty required field").isFalse();
      assertNoEnglish(browser, TASKLIST_ENGLISH);
      browser.screenshot("tasklist-05-required-field");
    }
  }

  @Test
  @Order(4)
  void teacherLibrarianHasAProgramRenamedPdfRefusedInVietnamese(@TempDir Path files) throws IOException {
    ProcessInstance instance = instanceOf(TEACHER_LIBRARIAN);

    // when his process has reached the submission of the report
    moveTo(instance.getId(), TASK_SUBMIT_REPORT, Map.of(VAR_REPORT_TITLE, "Thu hút bạn đọc đến thư viện"));
    Path renamed = files.resolve("thu-hoach.pdf");
    // the start of a Windows program: "MZ" and the DOS stub
    Files.write(renamed, ("MZ\u0090\u0000\u0003\u0000\u0000\u0000This program cannot be run in DOS mode.")
        .getBytes(StandardCharsets.ISO_8859_1));

    try (Browser browser = browser()) {
      browser.loginToCamunda("tasklist", engine.getName(), TEACHER_LIBRARIAN, PASSWORD);
      browser.waitVisible(taskInList(SUBMIT_TASK)).click();
      WebElement file = browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("reportFile")));
      assertThat(text(browser)).contains("Tên bài thu hoạch: Thu hút bạn đọc đến thư viện");

      // a program renamed .pdf passes the browser's check of the name, not the server's of the content
      file.sendKeys(renamed.toAbsolutePath().toString());
      browser.waitForText(By.cssSelector("form[name='submitForm']"), "Đã chọn: thu-hoach.pdf");
      browser.screenshot("tasklist-06-submit-form");
      assertThat(completeButton(browser).isEnabled())
          .as("Complete enabled once a file is chosen: forms/submit-report.html must mark its file field valid "
              + "(AngularJS does not bind input[type=file] to ng-model, so 'required' alone never is)")
          .isTrue();
      click(browser, completeButton());

      String refusal = "Tệp \"thu-hoach.pdf\" không phải là tệp PDF hoặc Word (.docx) hợp lệ.";
      browser.waitForText(By.tagName("body"), refusal);
      assertThat(text(browser)).contains(plain(label("tasklist", "COMPLETE_ERROR")))
          .doesNotContain("Cannot submit").doesNotContain("ENGINE-").doesNotContain("Exception");
      browser.screenshot("tasklist-07-file-refused");
    }

    // and nothing was taken: the task is still open, no file stored
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_SUBMIT_REPORT)
        .count()).isEqualTo(1);
    assertThat(records.find(instance.getId())).get().extracting(ParticipantRecord::reportFileId).isNull();
  }

  @Test
  @Order(5)
  void principalEvaluatesASubmittedReport() throws IOException {
    ProcessInstance instance = instanceOf(TEACHER_LIBRARIAN);
    moveTo(instance.getId(), TASK_EVALUATE_REPORT, Map.of(
        VAR_TOPIC, "Thu hút bạn đọc đến thư viện trường học",
        VAR_REPORT_TITLE, "Thu hút bạn đọc đến thư viện",
        VAR_REPORT_FILE, Variables.fileValue("thu-hoach-le-van-minh.pdf").file(CampaignDriver.PDF)
            .mimeType("application/pdf").create()));
    String comment = "Bài viết có nhiều giải pháp thiết thực, trình bày rõ ràng; cần bổ sung số liệu minh họa.";

    try (Browser browser = browser()) {
      browser.loginToCamunda("tasklist", engine.getName(), PRINCIPAL, PASSWORD);
      browser.waitClickable(By.xpath("//*[contains(@class,'task-filter')]//a[contains(normalize-space(),"
          + "'Việc cần đánh giá')]")).click();
      browser.waitVisible(taskInList(EVALUATE_TASK)).click();
      browser.waitForText(By.cssSelector("form[name='evaluateForm'], .task-details"), "Lê Văn Minh");

      // a group task: the principal claims it first
      WebElement claim = browser.waitClickable(By.cssSelector(".task-details button.claim"));
      assertThat(claim.getText()).isEqualTo(label("tasklist", "CLAIM_TASK"));
      assertNoEnglish(browser, TASKLIST_ENGLISH);
      browser.screenshot("tasklist-08-evaluate-claim");
      claim.click();

      WebElement accept = browser.waitClickable(By.cssSelector("input[name='reportDecision'][value='accept']"));
      assertThat(text(browser)).contains("Tải bài thu hoạch").contains("Thu hút bạn đọc đến thư viện");
      accept.click();
      type(browser.waitVisible(By.id("score")), "8.5");
      type(browser.driver().findElement(By.id("evaluationComment")), comment);
      browser.screenshot("tasklist-09-evaluate-form");
      click(browser, completeButton());
      browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(taskInList(EVALUATE_TASK)));
      browser.screenshot("tasklist-10-evaluated");
    }

    ParticipantRecord record = records.find(instance.getId()).orElseThrow();
    assertThat(record.score()).isEqualByComparingTo(new BigDecimal("8.5"));
    assertThat(record.evaluationComment()).isEqualTo(comment);
    assertThat(record.evaluatedBy()).isEqualTo(PRINCIPAL);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(VAR_CLASSIFICATION).singleResult().getValue()).isEqualTo("Khá");
  }

  @Test
  @Order(6)
  void departmentOfficerSeesTheCampaignDiagramInVietnameseCockpit() throws IOException {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(CampaignProcess.KEY)
        .latestVersion().singleResult().getId();

    try (Browser browser = browser()) {
      speakEnglish(browser);
      browser.loginToCamunda("cockpit", engine.getName(), DEPARTMENT_OFFICER, PASSWORD);
      browser.waitForText(By.cssSelector("[data-plugin-id='self-training-progress-dashboard']"), "Tiến độ chiến dịch");
      assertShows(browser, "cockpit", "COCKPIT_PROCESSES", "COCKPIT_DECISIONS", "COCKPIT_HUMAN_TASKS");
      assertNoEnglish(browser, COCKPIT_ENGLISH);
      browser.screenshot("cockpit-01-dashboard");

      // the processes: the campaign among them, by its Vietnamese name
      browser.open("/camunda/app/cockpit/" + engine.getName() + "/#/processes");
      browser.waitVisible(By.linkText(CAMPAIGN_NAME));
      assertNoEnglish(browser, COCKPIT_ENGLISH);
      browser.screenshot("cockpit-02-processes");

      // the campaign's definition: its diagram drawn
      browser.driver().findElement(By.linkText(CAMPAIGN_NAME)).click();
      browser.waitUntil(ExpectedConditions.urlContains("/process-definition/" + definitionId));
      browser.waitVisible(By.cssSelector(".djs-container svg"));
      browser.waitForAtLeast(By.cssSelector(".djs-container svg .djs-element[data-element-id='CallActivity_Districts']"), 1);
      assertThat(text(browser)).contains("Cấp trung gian chỉ đạo các đơn vị");
      assertNoEnglish(browser, COCKPIT_ENGLISH);
      browser.screenshot("cockpit-03-campaign-diagram");

      // the campaign's instances below the diagram, started at a date written dd/MM/yyyy HH:mm
      // (Cockpit's own format would be 2026-11-26T13:24:12)
      Date startTime = history.createHistoricProcessInstanceQuery().processDefinitionId(definitionId)
          .orderByProcessInstanceStartTime().asc().list().get(0).getStartTime();
      String started = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
          .format(startTime.toInstant().atZone(ZoneId.of("Asia/Ho_Chi_Minh")));
      browser.waitForText(By.tagName("body"), started);
      assertThat(ISO_DATE_TIME.matcher(text(browser)).find()).as("an ISO date left in Cockpit: %s",
          text(browser)).isFalse();

      // the Welcome page of the same session: our links, Camunda's labels in Vietnamese
      browser.open("/camunda/app/welcome/" + engine.getName() + "/");
      browser.waitVisible(By.linkText("Nhập danh bạ tổ chức"));
      assertThat(text(browser)).contains("Tiến độ tự bồi dưỡng").contains("Phản ánh vướng mắc");
      browser.screenshot("welcome-01-start");
    }
  }

  @Test
  @Order(7)
  void administratorFindsAdminInVietnamese() throws IOException {
    try (Browser browser = browser()) {
      browser.loginToCamunda("admin", engine.getName(), "admin", "test-admin-secret");
      browser.open("/camunda/app/admin/" + engine.getName() + "/#/users");
      browser.waitForText(By.tagName("body"), plain(label("admin", "USERS_LIST_OF_USERS")));
      browser.waitForAtLeast(By.cssSelector("table tbody tr"), 2);
      assertShows(browser, "admin", "USERS_USERS", "USERS_LIST_OF_USERS", "USERS_ADD_USER", "USERS_EDIT",
          "AUTHORIZATION_AUTHORIZATIONS");
      // the administrator is the one told that Camunda 7 CE has reached its last release
      assertThat(browser.waitVisible(By.cssSelector(".ce-eol-banner")).getText()).contains("Camunda 8");
      assertNoEnglish(browser, Pattern.compile("\\b(Users|Groups|Authorizations|Add user|List of users|Edit|Dashboard)\\b"));
      browser.screenshot("admin-01-users");
    }
  }

  @Test
  @Order(8)
  void startFormRefusesAPlanDeadlineAlreadyPastBeforeSubmitting() throws IOException {
    try (Browser browser = browser()) {
      browser.loginToCamunda("tasklist", engine.getName(), DEPARTMENT_OFFICER, PASSWORD);
      click(browser, By.xpath("//a[@ng-click='open()'][contains(normalize-space(), '"
          + plain(label("tasklist", "START_PROCESS")) + "')]"));
      click(browser, By.xpath("//ul[contains(@class,'processes')]//a[normalize-space()='" + CAMPAIGN_NAME + "']"));

      // the defaults the form loads are valid today (the server's day, AppTestClock: 15/10/2026)
      WebElement planDue = browser.waitVisible(By.id("planDue"));
      browser.waitUntil(driver -> !planDue.getDomProperty("value").isEmpty());
      assertThat(planDue.getDomProperty("value")).isEqualTo("2026-11-30");
      By problems = By.cssSelector("form[name='startCampaignForm'] div.alert-danger[ng-show='ui.problems.length']");
      assertThat(browser.driver().findElement(problems).isDisplayed()).isFalse();
      // the dates are labelled as the server's calendar names them
      assertThat(browser.driver().findElement(By.cssSelector("label[for='planDue']")).getText())
          .isEqualTo("Hạn lập hồ sơ và kế hoạch *");
      assertThat(browser.driver().findElement(By.cssSelector("label[for='commonPartStart']"))
          .getDomProperty("textContent")).isEqualTo("Phần chung: từ ngày");

      // when the officer moves the plan deadline before today
      // (typed as the date picker's input would: a view value through the field's ngModel)
      browser.script("var input = arguments[0]; var field = angular.element(input);"
          + "var model = field.controller('ngModel');"
          + "field.scope().$apply(function () { input.value = '2026-10-14'; model.$setViewValue('2026-10-14'); });",
          planDue);

      // then the form names the field and the day, and cannot be started
      browser.waitForText(problems, "Hạn lập hồ sơ và kế hoạch (14/10/2026) đã qua: hôm nay là 15/10/2026.");
      WebElement start = browser.driver().findElement(By.cssSelector(".modal-footer button.btn-primary[type='submit']"));
      assertThat(start.getText()).isEqualTo(label("tasklist", "START"));
      assertThat(start.isEnabled()).as("start button").isFalse();
      browser.screenshot("tasklist-20-start-form-plan-deadline-past");

      // the default calendar, filled in again, is valid once more
      click(browser, By.xpath("//button[normalize-space()='Điền lịch mặc định theo công văn']"));
      browser.waitUntil(driver -> planDue.getDomProperty("value").equals("2026-11-30"));
      browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(problems));
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY).count())
        .as("nothing launched from the browser").isEqualTo(1);
  }

  @Test
  @Order(9)
  void directoryPageImportsWithTheSessionOfTasklistAndItsAntiForgeryToken() {
    try (Browser browser = browser()) {
      browser.loginToCamunda("tasklist", engine.getName(), DEPARTMENT_OFFICER, PASSWORD);
      browser.open("/directory/import.html");
      browser.waitForText(By.id("who"), DEPARTMENT_OFFICER);
      // the demo's own files again: a change made with the session, which changes nothing
      browser.driver().findElement(By.id("files")).sendKeys(
          Path.of("src/main/resources/demo/don-vi.csv").toAbsolutePath() + "\n"
              + Path.of("src/main/resources/demo/nhan-su.csv").toAbsolutePath());
      click(browser, By.id("send"));
      WebElement done = browser.waitVisible(By.cssSelector("#result-message .alert"));
      assertThat(done.getDomAttribute("class")).as(done.getText()).contains("ok");
      browser.screenshot("directory-01-import-with-session");
    }
  }

  @Test
  @Order(10)
  void eachPersonFindsTheirDossierAndThePrincipalTheUnitsArchiveTheCommuneNotBeforeTheReport() {
    String year = runtime.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY).list().get(0)
        .getBusinessKey();
    try (Browser browser = browser()) {
      browser.loginToCamunda("tasklist", engine.getName(), LIBRARIAN, PASSWORD);
      browser.open("/ho-so/index.html");
      WebElement row = browser.waitVisible(By.cssSelector("#rows tbody tr"));
      assertThat(row.getText()).contains(year, "Trường THCS Phú Hưng", "Hồ sơ (PDF)");
      String href = row.findElement(By.linkText("Hồ sơ (PDF)")).getDomProperty("href");
      assertThat(fetchedType(browser, href)).isEqualTo("200 application/pdf");
      browser.screenshot("dossier-01-own-dossiers");
    }
    try (Browser browser = browser()) {
      browser.loginToCamunda("tasklist", engine.getName(), PRINCIPAL, PASSWORD);
      browser.open("/progress/index.html#year=" + year + "&scope=unit:" + UNIT);
      WebElement archive = browser.waitVisible(By.id("bundle-link"));
      assertThat(archive.getText()).isEqualTo("Tải hồ sơ và bài thu hoạch (.zip)");
      assertThat(fetchedType(browser, archive.getDomProperty("href"))).isEqualTo("200 application/zip");
      assertThat(browser.waitVisible(By.cssSelector("tr[data-person='" + LIBRARIAN + "'] .dossier-link")).getText())
          .isEqualTo("Hồ sơ (PDF)");
      browser.screenshot("dossier-02-progress-unit-archive");
    }
    try (Browser browser = browser()) {
      browser.loginToCamunda("tasklist", engine.getName(), "cb.anhoi", PASSWORD);
      browser.open("/progress/index.html#year=" + year + "&scope=unit:" + UNIT);
      browser.waitForText(By.id("bundle-note"), "chưa được nhận hồ sơ và bài thu hoạch của Trường THCS Phú Hưng");
      assertThat(browser.driver().findElement(By.id("bundle-link")).isDisplayed()).isFalse();
      browser.waitVisible(By.cssSelector("tr[data-person='" + LIBRARIAN + "']"));
      assertThat(browser.driver().findElements(By.cssSelector(".dossier-link")))
          .as("no dossier link before the unit's report").noneMatch(WebElement::isDisplayed);
    }
  }

  /** Status and content type of a GET made by the page's own session. */
  private static String fetchedType(Browser browser, String url) {
    return (String) browser.script("var x = new XMLHttpRequest(); x.open('GET', arguments[0], false); x.send();"
        + "return x.status + ' ' + x.getResponseHeader('Content-Type');", url);
  }

  // --- the engine: where people stand -----------------------------------------------------------

  private ProcessInstance instanceOf(String personId) {
    List<ProcessInstance> found = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKeyLike("%/" + UNIT + "/" + personId).list();
    assertThat(found).as("demo process of " + personId).hasSize(1);
    return found.get(0);
  }

  /**
   * Puts a participant's process at a task, as if the year had gone so far: the task is started in
   * the training sub-process with the given variables, and whatever was active there is cancelled.
   */
  private void moveTo(String instanceId, String activityId, Map<String, Object> variables) {
    runtime.setVariables(instanceId, new HashMap<>(variables));
    ActivityInstance training = runtime.getActivityInstance(instanceId).getActivityInstances(SUB_PROCESS_TRAINING)[0];
    // started first: a scope whose last child is cancelled would end with it
    ProcessInstanceModificationBuilder modification = runtime.createProcessInstanceModification(instanceId)
        .startBeforeActivity(activityId, training.getId());
    for (ActivityInstance active : training.getChildActivityInstances()) {
      modification.cancelActivityInstance(active.getId());
    }
    modification.execute();
    assertThat(tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(activityId).count())
        .as(activityId + " of " + instanceId).isEqualTo(1);
  }

  // --- the browser ------------------------------------------------------------------------------

  /** The browser tells pages that its language is English, as many people's do. */
  private static void speakEnglish(Browser browser) {
    String userAgent = (String) browser.script("return navigator.userAgent");
    ((HasCdp) browser.driver()).executeCdpCommand("Emulation.setUserAgentOverride",
        Map.of("userAgent", userAgent, "acceptLanguage", "en-US,en", "platform", "Linux"));
  }

  /** A fresh browser, in Vietnam's time zone whatever the machine's (dates on screen as people see them). */
  private Browser browser() {
    Browser browser = Browser.start("http://localhost:" + port);
    ((HasCdp) browser.driver()).executeCdpCommand("Emulation.setTimezoneOverride",
        Map.of("timezoneId", "Asia/Ho_Chi_Minh"));
    return browser;
  }

  /** Clicks once the element can be clicked, brought to the middle of the window first. */
  private static void click(Browser browser, By locator) {
    WebElement element = browser.waitClickable(locator);
    browser.script("arguments[0].scrollIntoView({block: 'center'})", element);
    browser.waitClickable(locator).click();
  }

  private static By taskInList(String name) {
    return By.xpath("//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[normalize-space()='"
        + name + "']");
  }

  private static By completeButton() {
    return By.cssSelector(".task-details button[type='submit'][ng-click='complete()']");
  }

  private static WebElement completeButton(Browser browser) {
    return browser.waitVisible(completeButton());
  }

  private static void type(WebElement field, String value) {
    field.clear();
    field.sendKeys(value);
  }

  private static void clear(WebElement field) {
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
  }

  private static String text(Browser browser) {
    return browser.driver().findElement(By.tagName("body")).getText();
  }

  private static void assertShows(Browser browser, String app, String... keys) throws IOException {
    String shown = text(browser);
    List<String> missing = new ArrayList<>();
    for (String key : keys) {
      String label = plain(label(app, key));
      if (!shown.contains(label)) {
        missing.add(key + "=" + label);
      }
    }
    assertThat(missing).as("Vietnamese labels of %s not shown at %s", app, browser.driver().getCurrentUrl())
        .isEmpty();
  }

  private static void assertNoEnglish(Browser browser, Pattern english) {
    List<String> found = new ArrayList<>();
    var matcher = english.matcher(text(browser));
    while (matcher.find()) {
      found.add(matcher.group());
    }
    assertThat(found).as("English left on %s", browser.driver().getCurrentUrl()).isEmpty();
  }

  /** A label of our translation of a Camunda web application ({@code locales/vi.json}). */
  static String label(String app, String key) throws IOException {
    String content = Files.readString(LOCALES.resolve(app).resolve("locales/vi.json"), StandardCharsets.UTF_8);
    JsonNode labels = JSON.readTree(content.startsWith("\uFEFF") ? content.substring(1) : content).path("labels");
    assertThat(labels.has(key)).as("%s label %s", app, key).isTrue();
    return labels.path(key).asText();
  }

  /** The name of the day of {@code date} in our translation ({@code dateLocales.weekdays}, Sunday first). */
  static String weekday(String app, LocalDate date) throws IOException {
    String content = Files.readString(LOCALES.resolve(app).resolve("locales/vi.json"), StandardCharsets.UTF_8);
    JsonNode weekdays = JSON.readTree(content.startsWith("\uFEFF") ? content.substring(1) : content)
        .at("/dateLocales/weekdays");
    return weekdays.get(date.getDayOfWeek().getValue() % 7).asText();
  }

  /** A label as the page shows it: without markup, spaces collapsed. */
  static String plain(String label) {
    return label.replaceAll("<[^>]*>", "").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
  }
}
