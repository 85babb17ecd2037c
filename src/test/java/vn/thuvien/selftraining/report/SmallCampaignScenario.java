package vn.thuvien.selftraining.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.*;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import org.springframework.http.ResponseEntity;

import vn.thuvien.selftraining.SmallProvince;
import vn.thuvien.selftraining.campaign.CampaignDriver;
import vn.thuvien.selftraining.campaign.CampaignProcess;
import vn.thuvien.selftraining.campaign.DistrictProcess;
import vn.thuvien.selftraining.campaign.SchoolProcess;
import vn.thuvien.selftraining.directory.DirectoryImportService;
import vn.thuvien.selftraining.training.ParticipantStatus;
import vn.thuvien.selftraining.training.Phase;

/**
 * A small campaign with known outcomes, driven through the real processes, and its figures at
 * every level: two Phòng (An Hòa: two schools, three people; Bình Minh: one school whose
 * librarian stops after the plan and whose principal never reports, and which never reports
 * itself) and a unit directly under the Sở. One person does the plan late. The figures are
 * checked while the campaign runs (open, overdue, not started) and once it has closed; then who
 * may read which report, over HTTP. Run on the embedded H2 ({@link CampaignReportsTest}) and on
 * PostgreSQL ({@code cluster.PostgresCampaignTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class SmallCampaignScenario {

  static final String YEAR = "2040-2041";
  static final String PASSWORD = SmallProvince.PASSWORD;
  static final List<String> PEOPLE = SmallProvince.PEOPLE;

  static final Map<String, Double> SCORES = Map.of("r.nva1", 9.0, "r.gva1", 7.5, "r.nva2", 9.5, "r.nvx", 6.0);

  @Autowired CampaignDriver driver;
  @Autowired DirectoryImportService importer;
  @Autowired CampaignReports reports;
  @Autowired ReportAccess access;
  @Autowired UnitReports unitReports;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TestRestTemplate rest;

  final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  void loadDirectory() {
    importer.importAsSystem(SmallProvince.files());
  }

  @AfterAll
  void endCampaign() {
    ClockUtil.reset();
    runtime.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY).list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "Kết thúc ca kiểm thử", true));
  }

  @Test
  @Order(1)
  void whileTheCampaignRunsOpenOverdueAndNotStartedAreTold() {
    driver.advanceTo(LocalDateTime.of(2040, 11, 20, 8, 0));
    driver.launch("r.khtc", CampaignDriver.startForm(YEAR));
    driver.runDueJobs();
    for (Task confirm : driver.openTasks(SchoolProcess.TASK_CONFIRM_PARTICIPANTS, YEAR)) {
      String unit = (String) tasks.getVariable(confirm.getId(), "unitCode");
      String ids = PEOPLE.stream().map(line -> line.split(","))
          .filter(f -> f[3].equals(unit) && f[4].contains("thư viện")).map(f -> f[0]).collect(Collectors.joining(","));
      driver.completeAs(principal(unit), confirm, Map.of(SchoolProcess.VAR_PARTICIPANT_IDS, ids));
    }

    Tally start = province().total();
    assertThat(start.participants()).isEqualTo(5);
    assertThat(start.phase(Phase.PLAN)).isEqualTo(new PhaseCounts(0, 0, 0, 5, 0));
    assertThat(start.phase(Phase.COMMON_PART)).isEqualTo(new PhaseCounts(0, 0, 0, 0, 5));

    completeAllBut(TASK_PREPARE_PLAN, "r.nva2");
    driver.advanceTo(LocalDateTime.of(2040, 12, 2, 8, 0));
    Tally afterPlanDue = province().total();
    assertThat(afterPlanDue.phase(Phase.PLAN)).isEqualTo(new PhaseCounts(4, 0, 1, 0, 0));
    assertThat(afterPlanDue.phase(Phase.COMMON_PART)).isEqualTo(new PhaseCounts(0, 0, 0, 4, 1));
    List<PersonRow> a2 = people(new ReportScope(ReportScope.Level.UNIT, "TH-A2", "Trường Tiểu học An Hòa 2"));
    assertThat(a2).singleElement().satisfies(p -> {
      assertThat(p.fullName()).isEqualTo("Võ Minh Châu");
      assertThat(p.phase(Phase.PLAN).state()).isEqualTo(PhaseState.OVERDUE);
      assertThat(p.phase(Phase.COMMON_PART).state()).isEqualTo(PhaseState.NOT_STARTED);
    });

    // the late plan, then everyone but Bình Minh's librarian goes through the year
    completeAllBut(TASK_PREPARE_PLAN, "-");
    driver.runDueJobs();
    completeAllBut(TASK_STUDY_COMMON_PART, "r.nvb1");
    driver.advanceTo(LocalDateTime.of(2041, 1, 2, 8, 0));
    completeAllBut(TASK_STUDY_OPTIONAL_PART, "r.nvb1");
    driver.advanceTo(LocalDateTime.of(2041, 2, 10, 8, 0));
    driver.completeAs("r.khtc", driver.openTasks(CampaignProcess.TASK_PUBLISH_GUIDANCE, YEAR).get(0),
        Map.of(CampaignProcess.VAR_GUIDANCE_CONTENT, "Bài thu hoạch dài 3–5 trang."));
    driver.advanceTo(LocalDateTime.of(2041, 3, 2, 8, 0));
    completeAllBut(TASK_WRITE_REPORT, "r.nvb1");
    driver.advanceTo(LocalDateTime.of(2041, 4, 2, 8, 0));
    completeAllBut(TASK_SUBMIT_REPORT, "r.nvb1");

    Tally submitted = province().total();
    assertThat(submitted.reportSubmitted()).isEqualTo(4);
    assertThat(submitted.phase(Phase.PLAN)).isEqualTo(new PhaseCounts(4, 1, 0, 0, 0));
    assertThat(submitted.phase(Phase.COMMON_PART)).isEqualTo(new PhaseCounts(4, 0, 1, 0, 0));
    assertThat(submitted.phase(Phase.OPTIONAL_PART)).isEqualTo(new PhaseCounts(4, 0, 0, 0, 1));
    assertThat(submitted.phase(Phase.EVALUATION)).isEqualTo(new PhaseCounts(0, 0, 0, 4, 1));
  }

  @Test
  @Order(2)
  void afterTheCutOffsEveryLevelHasItsExactFigures() throws Exception {
    for (Task evaluation : driver.openTasks(TASK_EVALUATE_REPORT, YEAR)) {
      String unit = (String) tasks.getVariable(evaluation.getId(), "unitCode");
      String person = (String) tasks.getVariable(evaluation.getId(), "personId");
      driver.completeAs(principal(unit), evaluation, Variables.putValue(VAR_REPORT_ACCEPTED, true)
          .putValue(VAR_SCORE, SCORES.get(person)).putValue(VAR_EVALUATION_COMMENT, "Đạt yêu cầu."));
    }
    driver.advanceTo(LocalDateTime.of(2041, 4, 11, 8, 0));
    for (Task report : driver.openTasks(SchoolProcess.TASK_SEND_UNIT_REPORT, YEAR)) {
      String unit = (String) tasks.getVariable(report.getId(), "unitCode");
      driver.completeAs(principal(unit), report, Map.of(SchoolProcess.VAR_UNIT_REPORT_NOTE, ""));
    }
    // Bình Minh's librarian is closed at the cut-off; its principal and its Phòng never report
    driver.advanceTo(LocalDateTime.of(2041, 4, 16, 0, 30));
    for (Task review : driver.openTasks(DistrictProcess.TASK_REVIEW_REPORT, YEAR)) {
      if ("PGD-A".equals(tasks.getVariable(review.getId(), "districtCode"))) {
        driver.completeAs("r.pgda", review, Map.of(DistrictProcess.VAR_DISTRICT_REPORT_NOTE, "Đã tổng hợp."));
      }
    }
    driver.advanceTo(LocalDateTime.of(2041, 4, 20, 0, 30));

    CampaignReport province = province();
    assertThat(province.groups()).extracting(GroupRow::name)
        .containsExactly("Phòng GD&ĐT An Hòa", "Phòng GD&ĐT Bình Minh", GroupRow.DIRECT_UNITS_NAME);
    assertThat(province.unitCount()).isEqualTo(4);
    assertThat(province.unitsReported()).isEqualTo(3);

    Tally total = province.total();
    assertThat(total.participants()).isEqualTo(5);
    assertThat(total.reportSubmitted()).isEqualTo(4);
    assertThat(total.evaluated()).isEqualTo(4);
    assertThat(total.status(ParticipantStatus.INCOMPLETE_OVERDUE)).isEqualTo(1);
    assertThat(total.classifications()).containsExactly(Map.entry("Giỏi", 2), Map.entry("Khá", 1),
        Map.entry("Trung bình", 1), Map.entry("Chưa hoàn thành", 0));
    assertThat(total.phase(Phase.PLAN)).isEqualTo(new PhaseCounts(4, 1, 0, 0, 0));
    assertThat(total.phase(Phase.COMMON_PART)).isEqualTo(new PhaseCounts(4, 0, 1, 0, 0));
    // never reached by the librarian closed at the cut-off: overdue, not "not started"
    assertThat(total.phase(Phase.REPORT_SUBMISSION)).isEqualTo(new PhaseCounts(4, 0, 1, 0, 0));
    assertThat(total.phase(Phase.EVALUATION)).isEqualTo(new PhaseCounts(4, 0, 1, 0, 0));

    GroupRow anHoa = province.groups().get(0);
    assertThat(anHoa.tally().participants()).isEqualTo(3);
    assertThat(anHoa.tally().classifications()).containsEntry("Giỏi", 2).containsEntry("Khá", 1);
    assertThat(anHoa.tally().phase(Phase.PLAN)).isEqualTo(new PhaseCounts(2, 1, 0, 0, 0));
    assertThat(anHoa.report().status()).isEqualTo(UnitReportState.Status.REPORTED);
    assertThat(anHoa.report().onTime()).isTrue();
    assertThat(anHoa.unitsNotReported()).isEmpty();
    assertThat(anHoa.units()).extracting(UnitRow::code).containsExactlyInAnyOrder("THCS-A1", "TH-A2");
    UnitRow a1 = anHoa.units().stream().filter(u -> u.code().equals("THCS-A1")).findFirst().orElseThrow();
    assertThat(a1.tally().participants()).isEqualTo(2);
    assertThat(a1.tally().classifications()).containsEntry("Giỏi", 1).containsEntry("Khá", 1);
    assertThat(a1.report().reported()).isTrue();

    GroupRow binhMinh = province.groups().get(1);
    assertThat(binhMinh.report().status()).isEqualTo(UnitReportState.Status.NOT_REPORTED);
    assertThat(binhMinh.unitsNotReported()).extracting(UnitRow::code).containsExactly("TH-B1");
    assertThat(binhMinh.tally().participants()).isEqualTo(1);
    assertThat(binhMinh.tally().status(ParticipantStatus.INCOMPLETE_OVERDUE)).isEqualTo(1);
    assertThat(binhMinh.tally().phase(Phase.PLAN)).isEqualTo(new PhaseCounts(1, 0, 0, 0, 0));
    assertThat(binhMinh.tally().phase(Phase.OPTIONAL_PART)).isEqualTo(new PhaseCounts(0, 0, 1, 0, 0));

    GroupRow direct = province.groups().get(2);
    assertThat(direct.isDistrict()).isFalse();
    assertThat(direct.units()).extracting(UnitRow::code).containsExactly("THPT-X");
    assertThat(direct.tally().classifications()).containsEntry("Trung bình", 1);

    // the district and unit reports hold the same figures as the province's lines
    CampaignReport district = reports.report(YEAR, access.parse(YEAR, "district:PGD-A"));
    assertThat(district.groups()).singleElement().satisfies(g -> assertThat(g.tally()).isEqualTo(anHoa.tally()));
    CampaignReport unit = reports.report(YEAR, access.parse(YEAR, "unit:THCS-A1"));
    assertThat(unit.total()).isEqualTo(a1.tally());

    List<PersonRow> b1 = people(access.parse(YEAR, "district:PGD-B"));
    assertThat(b1).singleElement().satisfies(p -> {
      assertThat(p.status()).isEqualTo(ParticipantStatus.INCOMPLETE_OVERDUE);
      assertThat(p.phase(Phase.PLAN).state()).isEqualTo(PhaseState.ON_TIME);
      assertThat(p.phase(Phase.COMMON_PART).state()).isEqualTo(PhaseState.OVERDUE);
      assertThat(p.phase(Phase.COMMON_PART).dueAt()).isNotNull();
      assertThat(p.phase(Phase.REPORT_WRITING).state()).isEqualTo(PhaseState.OVERDUE);
    });
    List<PersonRow> anHoaPeople = people(access.parse(YEAR, "district:PGD-A"));
    assertThat(anHoaPeople).extracting(PersonRow::fullName)
        .containsExactlyInAnyOrder("Lê Thị Hồng Nhung", "Nguyễn Thị Lan Anh", "Võ Minh Châu");
    assertThat(anHoaPeople).filteredOn(p -> p.personId().equals("r.nva2")).singleElement().satisfies(p -> {
      assertThat(p.phase(Phase.PLAN).state()).isEqualTo(PhaseState.LATE);
      assertThat(p.phase(Phase.PLAN).completedAt()).isNotNull();
      assertThat(p.classification()).isEqualTo("Giỏi");
      assertThat(p.score()).isEqualByComparingTo("9.5");
    });

    // the campaign waits for Phòng KHTC to close the province report
    Task review = driver.openTasks(CampaignProcess.TASK_REVIEW_PROVINCE, YEAR).get(0);
    JsonNode summary = json.readTree((String) tasks.getVariable(review.getId(), CampaignProcess.VAR_PROVINCE_SUMMARY));
    assertThat(summary.get("participants").asInt()).isEqualTo(5);
    assertThat(summary.get("districtsReported").asInt()).isEqualTo(1);
    assertThat(summary.get("districtsNotReported").get(0).get("code").asText()).isEqualTo("PGD-B");
    driver.completeAs("r.khtc", review, Map.of(CampaignProcess.VAR_PROVINCE_REPORT_NOTE, "Đã kiểm tra số liệu."));
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(YEAR).count()).isZero();
    assertThat(unitReports.find(YEAR, "SO-R").orElseThrow().reportedBy()).isEqualTo("r.khtc");
  }

  @Test
  @Order(3)
  void eachUserReadsOnlyTheirScopeOverHttp() {
    assertThat(get("r.khtc", "/api/reports/" + YEAR + "?scope=province").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("r.pgda", "/api/reports/" + YEAR + "?scope=district:PGD-A").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("r.pgda", "/api/reports/" + YEAR + "?scope=unit:TH-A2").getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<String> otherDistrict = get("r.pgda", "/api/reports/" + YEAR + "?scope=district:PGD-B");
    assertThat(otherDistrict.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(otherDistrict.getBody()).contains("không có quyền xem báo cáo của Phòng GD&ĐT Bình Minh");
    assertThat(get("r.pgda", "/api/reports/" + YEAR + "/bao-cao.xlsx?scope=district:PGD-B").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("r.pgda", "/api/reports/" + YEAR + "/bao-cao.csv?scope=province").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("r.pgdb", "/api/reports/" + YEAR + "/people?scope=unit:THCS-A1").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("r.hta1", "/api/reports/" + YEAR + "?scope=district:PGD-A").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("r.hta1", "/api/reports/" + YEAR + "?scope=unit:THCS-A1").getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> librarian = get("r.nva1", "/api/reports/" + YEAR);
    assertThat(librarian.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(librarian.getBody()).contains("không có quyền xem báo cáo tổng hợp");
    assertThat(rest.getForEntity("/api/reports/" + YEAR, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<String> unknown = get("r.khtc", "/api/reports/" + YEAR + "?scope=district:PGD-KHONGCO");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody()).contains("Không tìm thấy đơn vị có mã \\\"PGD-KHONGCO\\\"");
    assertThat(get("r.khtc", "/api/reports/" + YEAR + "?scope=tinh").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("r.khtc", "/api/reports/1999-2000?scope=province").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  @Order(4)
  void aPhongCanShowThatItChasedALateParticipant() throws Exception {
    long recordId = people(access.parse(YEAR, "unit:TH-B1")).get(0).recordId();
    ResponseEntity<String> response = get("r.pgdb", "/api/reports/" + YEAR + "/people/" + recordId + "/history");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<JsonNode> entries = new ArrayList<>();
    json.readTree(response.getBody()).forEach(entries::add);
    List<String> labels = entries.stream().map(e -> e.get("label").asText()).toList();
    assertThat(labels).first().asString().startsWith("Mở hồ sơ tự bồi dưỡng");
    assertThat(labels).contains("Hoàn thành \"Lập hồ sơ tự bồi dưỡng và kế hoạch\"",
        "Giao việc \"Tự bồi dưỡng Phần chung\"", "Kết thúc năm học: Không hoàn thành – quá hạn");
    assertThat(entries).filteredOn(e -> e.get("kind").asText().equals("MAIL"))
        .anySatisfy(e -> assertThat(e.get("label").asText()).isEqualTo("Email \"Đã quá hạn\" gửi Võ Văn Bé"))
        .anySatisfy(e -> assertThat(e.get("label").asText()).isEqualTo("Email \"Báo cáo chậm trễ\" gửi Đỗ Thị Hoa"));
    assertThat(entries).filteredOn(e -> e.get("kind").asText().equals("TASK_COMPLETED")).first()
        .satisfies(e -> assertThat(e.get("actor").asText()).isEqualTo("Võ Văn Bé (r.nvb1)"));

    long evaluated = people(access.parse(YEAR, "unit:THPT-X")).get(0).recordId();
    String trail = get("r.khtc", "/api/reports/" + YEAR + "/people/" + evaluated + "/history").getBody();
    assertThat(trail).contains("Nộp tệp thu hoạch", "thu-hoach.pdf", "Điểm 6, xếp loại Trung bình",
        "Lý Văn Xuân (r.htx)");
    // another Phòng's record answers as one that does not exist (ids reveal nothing)
    assertThat(get("r.pgda", "/api/reports/" + YEAR + "/people/" + recordId + "/history").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  @Order(5)
  void aPhongOfficerDownloadsTheDistrictReportAsAReadyToFileWorkbook() throws Exception {
    ResponseEntity<byte[]> response = rest.withBasicAuth("r.pgda", PASSWORD)
        .getForEntity("/api/reports/" + YEAR + "/bao-cao.xlsx?scope=district:PGD-A", byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("bao-cao-tu-boi-duong-" + YEAR + "-PGD-A.xlsx");
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(response.getBody()))) {
      assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
          workbook.getSheetName(3))).containsExactly("Tổng hợp", "Đơn vị", "Cá nhân", "Tổng hợp vướng mắc");
      org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
      List<List<String>> summary = new ArrayList<>();
      workbook.getSheet("Tổng hợp").forEach(row -> {
        List<String> cells = new ArrayList<>();
        row.forEach(cell -> cells.add(format.formatCellValue(cell)));
        summary.add(cells);
      });
      assertThat(summary).anySatisfy(row -> assertThat(row).contains("PHÒNG GD&ĐT AN HÒA"));
      assertThat(summary).anySatisfy(row -> assertThat(row).contains("Năm học " + YEAR));
      List<String> titles = summary.stream().filter(row -> row.contains(ReportColumns.PARTICIPANTS)).findFirst()
          .orElseThrow();
      List<String> total = summary.stream().filter(row -> row.contains(ReportColumns.TOTAL)).findFirst().orElseThrow();
      assertThat(total.get(titles.indexOf(ReportColumns.PARTICIPANTS))).isEqualTo("3");
      List<String> people = new ArrayList<>();
      workbook.getSheet("Cá nhân").forEach(row -> row.forEach(cell -> people.add(format.formatCellValue(cell))));
      assertThat(people).contains("Võ Minh Châu", "Nguyễn Thị Lan Anh", "Lê Thị Hồng Nhung")
          .doesNotContain("Võ Văn Bé");
    }
    ResponseEntity<byte[]> csv = rest.withBasicAuth("r.pgda", PASSWORD)
        .getForEntity("/api/reports/" + YEAR + "/bao-cao.csv?scope=district:PGD-A&table=people", byte[].class);
    String text = new String(csv.getBody(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF").contains("Võ Minh Châu");
    assertThat(csv.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("bao-cao-tu-boi-duong-" + YEAR + "-PGD-A-ca-nhan.csv");
  }

  private CampaignReport province() {
    return reports.report(YEAR, access.province(YEAR));
  }

  private List<PersonRow> people(ReportScope scope) {
    List<PersonRow> rows = new ArrayList<>();
    reports.forEachPerson(YEAR, scope, rows::add);
    return rows;
  }

  private void completeAllBut(String taskDefinitionKey, String skippedPerson) {
    for (Task task : driver.openTasks(taskDefinitionKey, YEAR)) {
      if (!task.getAssignee().equals(skippedPerson)) {
        driver.completeAs(task.getAssignee(), task, CampaignDriver.participantInput(taskDefinitionKey));
      }
    }
  }

  private static String principal(String unitCode) {
    return SmallProvince.principalOf(unitCode);
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).getForEntity(path, String.class);
  }
}
