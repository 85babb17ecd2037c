package vn.thuvien.selftraining.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.thuvien.selftraining.CampaignTest;
import vn.thuvien.selftraining.SmallProvince;
import vn.thuvien.selftraining.campaign.CampaignDriver;
import vn.thuvien.selftraining.campaign.CampaignProcess;
import vn.thuvien.selftraining.campaign.DistrictProcess;
import vn.thuvien.selftraining.campaign.SchoolProcess;
import vn.thuvien.selftraining.directory.DirectoryImportService;
import vn.thuvien.selftraining.training.StaffSelfTrainingProcess;

/**
 * Who opens a dossier, through the application's own endpoint and the real processes: the
 * participant, their principal and Phòng KHTC always; the Phòng (the intermediate level) of a unit
 * under it not before the unit's report is closed; nobody else. A Vietnamese 403 otherwise. The
 * archives of a unit, a Phòng and the province: what a level receives, entry names and bytes.
 */
@CampaignTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DossierAccessTest {

  static final String YEAR = "2070-2071";

  @Autowired CampaignDriver driver;
  @Autowired DirectoryImportService importer;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  static final String BUNDLE = "/api/dossiers/bundles/" + YEAR + "/ho-so.zip";

  /** Each participant's essay as uploaded. */
  final Map<String, byte[]> uploaded = new HashMap<>();
  long underPhong;
  long underSo;

  @BeforeAll
  void aYearUpToTheUnitReports() {
    importer.importAsSystem(SmallProvince.files());
    driver.advanceTo(LocalDateTime.of(2070, 11, 20, 8, 0));
    driver.launch("r.khtc", CampaignDriver.startForm(YEAR));
    driver.runDueJobs();
    for (Task confirm : driver.openTasks(SchoolProcess.TASK_CONFIRM_PARTICIPANTS, YEAR)) {
      String unit = (String) tasks.getVariable(confirm.getId(), "unitCode");
      String ids = SmallProvince.PEOPLE.stream().map(line -> line.split(","))
          .filter(f -> f[3].equals(unit) && f[4].contains("thư viện")).map(f -> f[0]).collect(Collectors.joining(","));
      driver.completeAs(SmallProvince.principalOf(unit), confirm, Map.of(SchoolProcess.VAR_PARTICIPANT_IDS, ids));
    }
    driver.runDueJobs();
    everyone(StaffSelfTrainingProcess.TASK_PREPARE_PLAN);
    driver.advanceTo(LocalDateTime.of(2070, 12, 2, 8, 0));
    everyone(StaffSelfTrainingProcess.TASK_STUDY_COMMON_PART);
    driver.advanceTo(LocalDateTime.of(2071, 1, 2, 8, 0));
    everyone(StaffSelfTrainingProcess.TASK_STUDY_OPTIONAL_PART);
    driver.advanceTo(LocalDateTime.of(2071, 2, 10, 8, 0));
    driver.completeAs("r.khtc", driver.openTasks(CampaignProcess.TASK_PUBLISH_GUIDANCE, YEAR).get(0),
        Map.of(CampaignProcess.VAR_GUIDANCE_CONTENT, "Bài thu hoạch dài 3–5 trang."));
    driver.advanceTo(LocalDateTime.of(2071, 3, 2, 8, 0));
    everyone(StaffSelfTrainingProcess.TASK_WRITE_REPORT);
    driver.advanceTo(LocalDateTime.of(2071, 4, 2, 8, 0));
    for (Task submit : driver.openTasks(StaffSelfTrainingProcess.TASK_SUBMIT_REPORT, YEAR)) {
      byte[] essay = ("%PDF-1.7\n% Bài thu hoạch của " + submit.getAssignee() + "\n%%EOF").getBytes(StandardCharsets.UTF_8);
      uploaded.put(submit.getAssignee(), essay);
      driver.completeAs(submit.getAssignee(), submit, Map.of(StaffSelfTrainingProcess.VAR_REPORT_FILE,
          Variables.fileValue("Thu hoạch " + submit.getAssignee() + ".PDF").file(essay).mimeType("application/pdf")
              .create()));
    }
    for (Task evaluation : driver.openTasks(StaffSelfTrainingProcess.TASK_EVALUATE_REPORT, YEAR)) {
      String unit = (String) tasks.getVariable(evaluation.getId(), "unitCode");
      driver.completeAs(SmallProvince.principalOf(unit), evaluation, Variables
          .putValue(StaffSelfTrainingProcess.VAR_REPORT_ACCEPTED, true).putValue(StaffSelfTrainingProcess.VAR_SCORE, 8.5)
          .putValue(StaffSelfTrainingProcess.VAR_EVALUATION_COMMENT, "Bài viết tốt, áp dụng được tại thư viện."));
    }
    driver.advanceTo(LocalDateTime.of(2071, 4, 11, 8, 0));
    assertThat(driver.openTasks(SchoolProcess.TASK_SEND_UNIT_REPORT, YEAR)).hasSize(4);
    underPhong = recordOf("r.nvb1");
    underSo = recordOf("r.nvx");
  }

  private void everyone(String taskDefinitionKey) {
    for (Task task : driver.openTasks(taskDefinitionKey, YEAR)) {
      driver.completeAs(task.getAssignee(), task, CampaignDriver.participantInput(taskDefinitionKey));
    }
  }

  @AfterAll
  void endTheCampaign() {
    ClockUtil.reset();
    for (String key : List.of(CampaignProcess.KEY, DistrictProcess.KEY, SchoolProcess.KEY,
        StaffSelfTrainingProcess.KEY)) {
      runtime.createProcessInstanceQuery().processDefinitionKey(key).processInstanceBusinessKeyLike(YEAR + "%").list()
          .forEach(i -> runtime.deleteProcessInstance(i.getId(), "Kết thúc ca kiểm thử", true));
    }
  }

  @Test
  @Order(1)
  void beforeItsUnitReportsThePhongSeesFiguresOnlyTheParticipantHerPrincipalAndTheSoReadTheDossier()
      throws Exception {
    ResponseEntity<byte[]> own = pdf("r.nvb1", underPhong);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(own.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    try (PDDocument document = Loader.loadPDF(own.getBody())) {
      assertThat(new PDFTextStripper().getText(document)).contains("Võ Văn Bé", "Trường Tiểu học Bình Minh 1",
          "Phòng GD&ĐT Bình Minh", "Năm học " + YEAR);
    }
    assertThat(pdf("r.htb1", underPhong).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf("r.khtc", underPhong).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf("r.hta1", underPhong).getStatusCode()).as("another unit's principal").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(pdf("r.pgda", underPhong).getStatusCode()).as("another Phòng").isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> early = get("r.pgdb", "/api/dossiers/" + underPhong + "/ho-so.pdf");
    assertThat(early.getStatusCode()).as("its Phòng, before the unit reports").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(early.getBody()).contains("không được xem hồ sơ và bài thu hoạch của Võ Văn Bé");
    // a problem detail (RFC 9457), its detail also as the message the pages read
    assertThat(early.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(early.getBody()).contains("\"status\":403", "\"title\":\"Không có quyền\"", "\"detail\":\"Tài khoản r.pgdb",
        "\"message\":\"Tài khoản r.pgdb");
    assertThat(get("r.pgdb", "/api/dossiers/" + underPhong + "/bai-thu-hoach").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> bundle = get("r.pgdb", BUNDLE + "?scope=district:PGD-B");
    assertThat(bundle.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(bundle.getBody()).contains("chưa được nhận hồ sơ và bài thu hoạch của Phòng GD&ĐT Bình Minh",
        "trước đó chỉ xem được số liệu tổng hợp");
    assertThat(get("r.pgdb", "/api/reports/" + YEAR + "?scope=unit:TH-B1").getStatusCode())
        .as("the figures, meanwhile").isEqualTo(HttpStatus.OK);
  }

  @Test
  @Order(2)
  void aUnitsReportSendsItsEssaysToItsPhongADirectUnitsToTheSoOnly() throws Exception {
    sendUnitReport("TH-B1");
    assertThat(pdf("r.pgdb", underPhong).getStatusCode()).as("its Phòng, once the unit reported")
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<byte[]> essay = rest.withBasicAuth("r.pgdb", SmallProvince.PASSWORD)
        .getForEntity("/api/dossiers/" + underPhong + "/bai-thu-hoach", byte[].class);
    assertThat(essay.getBody()).isEqualTo(uploaded.get("r.nvb1"));
    assertThat(pdf("r.pgda", underPhong).getStatusCode()).as("another Phòng, still").isEqualTo(HttpStatus.FORBIDDEN);

    Map<String, byte[]> district = zip("r.pgdb", "district:PGD-B");
    String folder = "TH-B1 - Trường Tiểu học Bình Minh 1/";
    assertThat(district.keySet()).containsExactly("Đọc trước.txt", folder,
        folder + "r.nvb1 - Võ Văn Bé - hồ sơ tự bồi dưỡng.pdf", folder + "r.nvb1 - Võ Văn Bé - bài thu hoạch.pdf",
        folder + "Bảng đánh giá - Trường Tiểu học Bình Minh 1.csv");
    assertThat(sha256(district.get(folder + "r.nvb1 - Võ Văn Bé - bài thu hoạch.pdf")))
        .isEqualTo(sha256(uploaded.get("r.nvb1")));
    try (PDDocument document = Loader.loadPDF(district.get(folder + "r.nvb1 - Võ Văn Bé - hồ sơ tự bồi dưỡng.pdf"))) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("Võ Văn Bé", "Tài liệu bồi dưỡng nghiệp vụ", "Chiều thứ Ba hằng tuần",
          "Ghi chép Phần chung", "Ghi chép chuyên đề", "8,5", "Bài viết tốt, áp dụng được tại thư viện.",
          "r.nvb1 - Võ Văn Bé - bài thu hoạch.pdf");
    }
    String sheet = new String(district.get(folder + "Bảng đánh giá - Trường Tiểu học Bình Minh 1.csv"),
        StandardCharsets.UTF_8);
    assertThat(sheet).startsWith("\uFEFFSTT,Mã người,Họ và tên").contains("r.nvb1,Võ Văn Bé", sha256(uploaded.get("r.nvb1")),
        "8,5", "Bài viết tốt, áp dụng được tại thư viện.");

    // An Hòa: one school of two has reported; the archive holds that one and names the other
    assertThat(get("r.pgda", BUNDLE + "?scope=district:PGD-A").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    sendUnitReport("THCS-A1");
    Map<String, byte[]> anHoa = zip("r.pgda", "district:PGD-A");
    assertThat(anHoa.keySet()).filteredOn(name -> name.endsWith("/"))
        .containsExactly("THCS-A1 - Trường THCS An Hòa 1/");
    assertThat(new String(anHoa.get("Đọc trước.txt"), StandardCharsets.UTF_8))
        .contains("Chưa có trong tệp này", "TH-A2 – Trường Tiểu học An Hòa 2");
    assertThat(get("r.pgda", BUNDLE + "?scope=unit:TH-A2").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("r.pgda", "/api/dossiers/bundles/" + YEAR + "?scope=district:PGD-A").getBody()).as("offered")
        .isEqualTo("{\"scope\":\"district:PGD-A\",\"scopeName\":\"Phòng GD&ĐT An Hòa\",\"units\":[{\"code\":\"THCS-A1\","
            + "\"name\":\"Trường THCS An Hòa 1\"}],\"notYet\":[{\"code\":\"TH-A2\",\"name\":\"Trường Tiểu học An Hòa 2\"}]}");

    // the unit under the Sở: its essays go to the Sở, never to a Phòng
    sendUnitReport("THPT-X");
    assertThat(pdf("r.pgdb", underSo).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("r.pgdb", BUNDLE + "?scope=unit:THPT-X").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(pdf("r.khtc", underSo).getStatusCode()).isEqualTo(HttpStatus.OK);

    // the Sở reads every unit, reported or not; every essay equals its upload
    Map<String, byte[]> province = zip("r.khtc", "province");
    for (Map.Entry<String, byte[]> upload : uploaded.entrySet()) {
      List<String> names = province.keySet().stream()
          .filter(name -> name.contains("/" + upload.getKey() + " - ") && name.contains("bài thu hoạch")).toList();
      assertThat(names).as(upload.getKey()).hasSize(1);
      assertThat(sha256(province.get(names.get(0)))).as(names.get(0)).isEqualTo(sha256(upload.getValue()));
    }
    assertThat(province.keySet()).filteredOn(name -> name.endsWith(".csv")).hasSize(4);
    assertThat(zip("r.htx", null).keySet()).as("a principal's widest scope: the unit")
        .contains("THPT-X - Trường THPT Xuân Lộc/").noneMatch(name -> name.startsWith("TH-B1"));
  }

  @Test
  @Order(3)
  void aUnitThatNeverReportsSendsItsEssaysWhenItsCutOffPasses() throws Exception {
    long silent = recordOf("r.nva2");
    assertThat(pdf("r.pgda", silent).getStatusCode()).as("before the cut-off").isEqualTo(HttpStatus.FORBIDDEN);
    driver.advanceTo(LocalDateTime.of(2071, 4, 16, 8, 0));
    assertThat(driver.openTasks(SchoolProcess.TASK_SEND_UNIT_REPORT, YEAR + "/TH-A2")).as("cut off").isEmpty();
    assertThat(pdf("r.pgda", silent).getStatusCode()).as("after the cut-off").isEqualTo(HttpStatus.OK);
    assertThat(zip("r.pgda", "district:PGD-A").keySet()).filteredOn(name -> name.endsWith("/"))
        .as("by unit code").containsExactly("TH-A2 - Trường Tiểu học An Hòa 2/", "THCS-A1 - Trường THCS An Hòa 1/");
  }

  @Test
  void eachPersonListsTheirOwnDossiersOnly() {
    ResponseEntity<String> mine = get("r.nvb1", "/api/dossiers");
    assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(mine.getBody()).contains("\"recordId\":" + underPhong).doesNotContain("\"recordId\":" + underSo);
    assertThat(get("r.nvb1", "/api/dossiers/999999999/ho-so.pdf").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private void sendUnitReport(String unitCode) {
    Task send = driver.openTasks(SchoolProcess.TASK_SEND_UNIT_REPORT, YEAR + "/" + unitCode).get(0);
    driver.completeAs(SmallProvince.principalOf(unitCode), send, Map.of(SchoolProcess.VAR_UNIT_REPORT_NOTE, ""));
  }

  /** The archive's entries in order, each read whole. */
  private Map<String, byte[]> zip(String user, String scope) throws IOException {
    ResponseEntity<byte[]> response = rest.withBasicAuth(user, SmallProvince.PASSWORD)
        .getForEntity(BUNDLE + (scope == null ? "" : "?scope=" + scope), byte[].class);
    assertThat(response.getStatusCode()).as(new String(response.getBody(), StandardCharsets.UTF_8))
        .isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("application/zip"));
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(response.getBody()), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  private long recordOf(String personId) {
    return jdbc.queryForObject("SELECT id FROM participant_record WHERE school_year = ? AND person_id = ?", Long.class,
        YEAR, personId);
  }

  private ResponseEntity<byte[]> pdf(String user, long recordId) {
    return rest.withBasicAuth(user, SmallProvince.PASSWORD).getForEntity("/api/dossiers/" + recordId + "/ho-so.pdf",
        byte[].class);
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, SmallProvince.PASSWORD).getForEntity(path, String.class);
  }
}
