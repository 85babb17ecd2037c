package vn.thuvien.selftraining.shipped;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thuvien.selftraining.shipped.ShippedApplication.JSON;
import static vn.thuvien.selftraining.shipped.ShippedApplication.query;
import static vn.thuvien.selftraining.shipped.ShippedApplication.variables;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import vn.thuvien.selftraining.campaign.CampaignProcess;
import vn.thuvien.selftraining.cluster.PostgresDatabase;
import vn.thuvien.selftraining.training.CalendarDate;
import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.training.StaffSelfTrainingProcess;

/**
 * The application as shipped: the jar that {@code mvn package} built, started with {@code java -jar}
 * as the Dockerfile's entry point starts it, driven over HTTP only. Once with the default profile
 * (H2 in the working directory, the demo), once with the production profile on PostgreSQL as two
 * processes on one database, as docker compose runs the replicas. Each time: every model and form
 * is deployed, the directory is imported, the Phòng KHTC officer launches a campaign through the
 * start form (a second launch of the same year is refused as a user's mistake, not logged as a
 * server failure), a participant completes her first task, the province workbook downloads.
 *
 * <p>Run by {@code ./mvnw -B verify} (Failsafe, after {@code package}). The campaign's dates come
 * from {@code /api/public/campaign-defaults}, which are valid on the day they are offered, so the
 * test holds whatever day it runs (the jar runs on the real clock).
 */
class ShippedJarIT {

  static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  static final Duration TASK_TIMEOUT = Duration.ofMinutes(3);

  static final Set<String> PROCESSES = Set.of(CampaignProcess.KEY, "district-self-training",
      "school-self-training", StaffSelfTrainingProcess.KEY, "raise-concern");

  static final String OFFICER = "khtc.hoa";
  static final Path DIRECTORY = Path.of("examples/directory");
  static final String PLAN_TASK = "Lập hồ sơ tự bồi dưỡng và kế hoạch";

  record Login(String user, String password) {
  }

  @Test
  void defaultProfileOnH2RunsTheDemoAndACampaignFromItsStartForm() throws Exception {
    Login admin = new Login("admin", "demo");
    Login officer = new Login(OFFICER, "demo");
    try (ShippedApplication app = ShippedApplication.start("h2", Map.of())) {
      app.awaitReady(START_TIMEOUT);
      assertThat(Files.exists(app.workDir().resolve("data"))).as("H2 database in ./data of the working directory")
          .isTrue();

      everyModelAndFormIsDeployed(app, admin);
      JsonNode demoCampaigns = app.getJson("/engine-rest/process-instance?processDefinitionKey=" + CampaignProcess.KEY,
          admin.user(), admin.password());
      assertThat(demoCampaigns).as("the demo's campaign of the current school year").hasSize(1);
      String demoYear = demoCampaigns.get(0).path("businessKey").asText();

      importExampleDirectory(app, officer);
      // the demo holds this school year's campaign: the officer launches the next one
      String schoolYear = nextSchoolYear(demoYear);
      launchThroughTheStartForm(app, officer, schoolYear);
      secondLaunchIsAUserMistake(app, officer, schoolYear);

      completeFirstTask(app, new Login("nv.lan", "demo"), schoolYear + "/THCS-PHUHUNG/nv.lan");
      provinceWorkbookDownloads(app, officer, schoolYear, "Nguyễn Thị Lan");
      dossierAndBundleDownload(app, new Login("nv.lan", "demo"), officer, schoolYear);
    }
  }

  @Test
  void productionProfileOnPostgresRunsAsTwoProcessesOnOneDatabase() throws Exception {
    PostgresDatabase database = PostgresDatabase.create("shipped");
    Login admin = new Login("admin", "admin-" + UUID.randomUUID());
    String initialPassword = "initial-" + UUID.randomUUID();
    Map<String, String> environment = Map.of(
        "SPRING_PROFILES_ACTIVE", "postgres",
        "DATABASE_URL", database.url(),
        "DATABASE_USERNAME", database.user(),
        "DATABASE_PASSWORD", database.password(),
        "DATABASE_POOL_SIZE", "8",
        "ADMIN_PASSWORD", admin.password(),
        "DIRECTORY_INITIAL_PASSWORD", initialPassword);
    try (database;
        ShippedApplication first = ShippedApplication.start("postgres-1", environment);
        ShippedApplication second = ShippedApplication.start("postgres-2", environment)) {
      first.awaitReady(START_TIMEOUT);
      second.awaitReady(START_TIMEOUT);
      assertThat(first.log()).as("no demo outside the demo profile").doesNotContain("Demo directory loaded");

      everyModelAndFormIsDeployed(first, admin);
      everyModelAndFormIsDeployed(second, admin);
      assertThat(first.getJson("/engine-rest/process-instance", admin.user(), admin.password()))
          .as("a production start launches nothing").isEmpty();

      importExampleDirectory(first, admin);
      Login officer = new Login(OFFICER, initialPassword);
      String schoolYear = launchThroughTheStartForm(second, officer, null);
      secondLaunchIsAUserMistake(first, officer, schoolYear);

      // one participant through each process
      completeFirstTask(first, new Login("nv.lan", initialPassword), schoolYear + "/THCS-PHUHUNG/nv.lan");
      completeFirstTask(second, new Login("nv.thpt.chuyen", initialPassword),
          schoolYear + "/THPT-CHUYENBT/nv.thpt.chuyen");
      provinceWorkbookDownloads(second, officer, schoolYear, "Nguyễn Thị Lan");
      provinceWorkbookDownloads(first, officer, schoolYear, "Nguyễn Thị Thanh Hương");
    }
  }

  @Test
  void theDockerfileStartsTheJarAsThisTestDoes() throws Exception {
    String dockerfile = Files.readString(Path.of("Dockerfile"));
    assertThat(dockerfile).contains("ENTRYPOINT " + JSON.writeValueAsString(ShippedApplication.DOCKER_ENTRYPOINT)
        .replace(",", ", "));
    assertThat(ShippedApplication.dockerJavaToolOptions()).contains("-Duser.timezone=Asia/Ho_Chi_Minh",
        "-Dfile.encoding=UTF-8");
  }

  /** Every process and the decision, and every form a model references, loaded from its deployment. */
  static void everyModelAndFormIsDeployed(ShippedApplication app, Login admin) throws Exception {
    JsonNode definitions = app.getJson("/engine-rest/process-definition?latestVersion=true", admin.user(),
        admin.password());
    Set<String> keys = new HashSet<>();
    definitions.forEach(definition -> keys.add(definition.path("key").asText()));
    assertThat(keys).as("deployed processes").isEqualTo(PROCESSES);
    assertThat(app.getJson("/engine-rest/decision-definition?key=ReportClassification", admin.user(),
        admin.password())).as("deployed decision").hasSize(1);

    Set<String> formsLoaded = new HashSet<>();
    Pattern formKey = Pattern.compile("camunda:formKey=\"embedded:deployment:([^\"]+)\"");
    for (JsonNode definition : definitions) {
      String xml = app.getJson("/engine-rest/process-definition/" + definition.path("id").asText() + "/xml",
          admin.user(), admin.password()).path("bpmn20Xml").asText();
      String deployment = definition.path("deploymentId").asText();
      Map<String, String> resources = new LinkedHashMap<>();
      app.getJson("/engine-rest/deployment/" + deployment + "/resources", admin.user(), admin.password())
          .forEach(resource -> resources.put(resource.path("name").asText(), resource.path("id").asText()));
      Matcher matcher = formKey.matcher(xml);
      while (matcher.find()) {
        String form = matcher.group(1);
        assertThat(resources).as("resources of the deployment of " + definition.path("key").asText())
            .containsKey(form);
        String html = app.get("/engine-rest/deployment/" + deployment + "/resources/" + resources.get(form) + "/data",
            admin.user(), admin.password()).body();
        assertThat(html).as(form).contains("<form").contains("cam-");
        formsLoaded.add(form);
      }
    }
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      assertThat(formsLoaded).as("every form of forms/, loaded from the engine")
          .containsExactlyInAnyOrderElementsOf(files.map(file -> "forms/" + file.getFileName()).toList());
    }
  }

  static void importExampleDirectory(ShippedApplication app, Login login) throws Exception {
    var answer = app.postFiles("/api/directory/import", login.user(), login.password(), "files",
        List.of(DIRECTORY.resolve("don-vi.csv"), DIRECTORY.resolve("nhan-su.csv")));
    assertThat(answer.statusCode()).as("directory import: " + answer.body()).isEqualTo(200);
  }

  /**
   * Fills the start form as Tasklist does, from the defaults the form itself loads, and submits it
   * as the officer. {@code schoolYear} null: the current one, as the form offers it.
   */
  static String launchThroughTheStartForm(ShippedApplication app, Login officer, String schoolYear) throws Exception {
    Map<String, String> form = startForm(app, schoolYear);
    var started = app.postJson("/engine-rest/process-definition/key/" + CampaignProcess.KEY + "/submit-form",
        officer.user(), officer.password(), variables(form));
    assertThat(started.statusCode()).as("campaign launch: " + started.body()).isEqualTo(200);
    assertThat(JSON.readTree(started.body()).path("businessKey").asText()).isEqualTo(form.get(CampaignProcess.VAR_SCHOOL_YEAR));
    return form.get(CampaignProcess.VAR_SCHOOL_YEAR);
  }

  /** The start form as the officer fills it from the defaults it loads ({@code schoolYear} null: the current one). */
  static Map<String, String> startForm(ShippedApplication app, String schoolYear) throws Exception {
    JsonNode defaults = app.getJson("/api/public/campaign-defaults"
        + (schoolYear == null ? "" : "?schoolYear=" + query(schoolYear)), null, null);
    Map<String, String> form = new LinkedHashMap<>();
    form.put(CampaignProcess.VAR_SCHOOL_YEAR, defaults.path("schoolYear").asText());
    form.put(CampaignProcess.VAR_LETTER_NUMBER, "2458/SGD&ĐT-KHTC");
    form.put(CampaignProcess.VAR_LETTER_DATE, defaults.path("today").asText());
    for (CalendarDate field : CalendarDate.values()) {
      form.put(field.field(), defaults.path(field.field()).asText());
    }
    List<String> topics = new ArrayList<>();
    defaults.path(CampaignProcess.VAR_TOPICS).forEach(topic -> topics.add(topic.asText()));
    form.put(CampaignProcess.VAR_TOPICS, String.join("\n", topics));
    return form;
  }

  /** A second launch of the same year: 400 with the Vietnamese reason, one log line, no HTTP500. */
  static void secondLaunchIsAUserMistake(ShippedApplication app, Login officer, String schoolYear) throws Exception {
    var refused = app.postJson("/engine-rest/process-definition/key/" + CampaignProcess.KEY + "/submit-form",
        officer.user(), officer.password(), variables(startForm(app, schoolYear)));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("message").asText())
        .isEqualTo("Đợt tự bồi dưỡng năm học " + schoolYear + " đã được khởi động trước đó; mỗi năm học chỉ có một đợt.");
    String log = app.log();
    assertThat(log).as("the refusal in the log").contains("Input refused (POST /engine-rest/process-definition/key/"
        + CampaignProcess.KEY + "/submit-form by " + officer.user() + ")");
    assertThat(log).as("a user's mistake is not a server failure").doesNotContain("HTTP500")
        .doesNotContain("InvalidInputException");
  }

  /** The participant's first task appears (the fan-out is asynchronous), opens with its form, and is completed. */
  static void completeFirstTask(ShippedApplication app, Login participant, String businessKey) throws Exception {
    String tasksOfInstance = "/engine-rest/task?processInstanceBusinessKey=" + query(businessKey);
    JsonNode task = null;
    long end = System.nanoTime() + TASK_TIMEOUT.toNanos();
    while (task == null && System.nanoTime() < end) {
      JsonNode found = app.getJson(tasksOfInstance, participant.user(), participant.password());
      if (found.size() > 0) {
        task = found.get(0);
      } else {
        Thread.sleep(500);
      }
    }
    assertThat(task).as("first task of " + businessKey + " within " + TASK_TIMEOUT + "\n" + app.logTail()).isNotNull();
    assertThat(task.path("name").asText()).isEqualTo(PLAN_TASK);
    assertThat(task.path("assignee").asText()).isEqualTo(participant.user());
    Instant due = OffsetDateTime.parse(task.path("due").asText(), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
        .toInstant();
    assertThat(due).as("the plan is open and not yet due").isAfter(Instant.now());

    String taskId = task.path("id").asText();
    assertThat(app.get("/engine-rest/task/" + taskId + "/deployed-form", participant.user(), participant.password())
        .body()).contains(StaffSelfTrainingProcess.VAR_PLAN_MATERIALS);
    var done = app.postJson("/engine-rest/task/" + taskId + "/submit-form", participant.user(), participant.password(),
        variables(Map.of(
            StaffSelfTrainingProcess.VAR_PLAN_MATERIALS, "Tài liệu bồi dưỡng nghiệp vụ thư viện trường phổ thông",
            StaffSelfTrainingProcess.VAR_PLAN_SCHEDULE, "Chiều thứ Năm hằng tuần",
            StaffSelfTrainingProcess.VAR_PLAN_METHOD, "Tự nghiên cứu, ghi chép")));
    assertThat(done.statusCode()).as("plan submitted: " + done.body()).isEqualTo(204);
    JsonNode after = app.getJson(tasksOfInstance, participant.user(), participant.password());
    after.forEach(open -> assertThat(open.path("name").asText()).as("open tasks after the plan").isNotEqualTo(PLAN_TASK));
  }

  /** The whole province's workbook, as the Phòng KHTC officer downloads it, names the participant. */
  static void provinceWorkbookDownloads(ShippedApplication app, Login officer, String schoolYear, String person)
      throws Exception {
    var workbook = app.download("/api/reports/" + query(schoolYear) + "/bao-cao.xlsx", officer.user(), officer.password());
    assertThat(workbook.statusCode()).as("workbook download").isEqualTo(200);
    assertThat(workbook.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    List<String> texts = new ArrayList<>();
    try (XSSFWorkbook opened = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
      for (Sheet sheet : opened) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            texts.add(cell.toString());
          }
        }
      }
    }
    assertThat(texts).as("cells of the province workbook").anySatisfy(text -> assertThat(text).contains(person));
    assertThat(texts).anySatisfy(text -> assertThat(text).contains(schoolYear));
  }

  /**
   * The participant's own dossier (the template and the fonts come from the jar) holds the plan she
   * just sent; the Sở's archive of her unit holds the dossier under her code and name.
   */
  static void dossierAndBundleDownload(ShippedApplication app, Login participant, Login officer, String schoolYear)
      throws Exception {
    JsonNode own = app.getJson("/api/dossiers", participant.user(), participant.password());
    JsonNode dossier = null;
    for (JsonNode d : own) {
      if (d.path("schoolYear").asText().equals(schoolYear)) {
        dossier = d;
      }
    }
    assertThat(dossier).as("her dossier of " + schoolYear + " in " + own).isNotNull();
    var pdf = app.download("/api/dossiers/" + dossier.path("pdf").asText(), participant.user(), participant.password());
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      assertThat(new PDFTextStripper().getText(document)).contains("Nguyễn Thị Lan", "Chiều thứ Năm hằng tuần",
          "Năm học " + schoolYear);
    }
    String unit = dossier.path("unitCode").asText();
    var bundle = app.download("/api/dossiers/bundles/" + query(schoolYear) + "/ho-so.zip?scope=" + query("unit:" + unit),
        officer.user(), officer.password());
    assertThat(bundle.statusCode()).isEqualTo(200);
    List<String> entries = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle.body()), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.add(entry.getName());
      }
    }
    assertThat(entries).anyMatch(name -> name.endsWith("/nv.lan - Nguyễn Thị Lan - hồ sơ tự bồi dưỡng.pdf"));
  }

  static String nextSchoolYear(String schoolYear) {
    int first = CampaignCalendar.firstYearOf(schoolYear) + 1;
    return first + "-" + (first + 1);
  }
}
