package vn.thuvien.selftraining.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.thuvien.selftraining.CampaignTest;
import vn.thuvien.selftraining.SmallProvince;
import vn.thuvien.selftraining.directory.DirectoryImportService;
import vn.thuvien.selftraining.directory.ImportFile;
import vn.thuvien.selftraining.report.CampaignReport;
import vn.thuvien.selftraining.report.CampaignReports;
import vn.thuvien.selftraining.report.GroupRow;
import vn.thuvien.selftraining.report.ReportAccess;
import vn.thuvien.selftraining.access.AccessSetup;
import vn.thuvien.selftraining.training.StaffSelfTrainingProcess;
import vn.thuvien.selftraining.training.CampaignCalendar;

/**
 * The organisation chain as data, through the real processes: a campaign launched on the letter's
 * three levels keeps its Phòng GD&ĐT after the province imports its communes; the next year's
 * campaign runs with the communes (a commune officer sees only their commune, escalations go to
 * them); a campaign on the direct route sends every unit's report, and its escalations, to the Sở.
 */
@CampaignTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrganisationChainTest {

  static final String BEFORE = "2050-2051";
  static final String AFTER = "2051-2052";
  static final String DIRECT = "2052-2053";
  static final String FLAT = "2053-2054";

  /** The same schools after 01/07/2025: under two communes, the Phòng gone. */
  static final List<String> COMMUNE_UNITS = List.of(
      "Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Loại đơn vị,Cơ quan chủ quản",
      "SO-R,Sở Giáo dục và Đào tạo Thử nghiệm,,Sở GD&ĐT,UBND tỉnh Thử nghiệm",
      "XA-AH,UBND xã An Hòa,SO-R,UBND xã,",
      "PH-BM,UBND phường Bình Minh,SO-R,UBND phường,",
      "THCS-A1,Trường THCS An Hòa 1,XA-AH,THCS,",
      "TH-A2,Trường Tiểu học An Hòa 2,PH-BM,Tiểu học,",
      "TH-B1,Trường Tiểu học Bình Minh 1,PH-BM,Tiểu học,",
      "THPT-X,Trường THPT Xuân Lộc,SO-R,THPT,");

  @Autowired CampaignDriver driver;
  @Autowired DirectoryImportService importer;
  @Autowired CampaignReports reports;
  @Autowired ReportAccess access;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  @AfterAll
  void backToTheSmallProvince() {
    ClockUtil.reset();
    for (String key : List.of(CampaignProcess.KEY, DistrictProcess.KEY, SchoolProcess.KEY,
        StaffSelfTrainingProcess.KEY)) {
      runtime.createProcessInstanceQuery().processDefinitionKey(key).list().stream()
          .filter(i -> i.getBusinessKey() != null && List.of(BEFORE, AFTER, DIRECT, FLAT).stream()
              .anyMatch(y -> i.getBusinessKey().startsWith(y)))
          .forEach(i -> runtime.deleteProcessInstance(i.getId(), "Kết thúc ca kiểm thử", true));
    }
    importer.importAsSystem(SmallProvince.files());
  }

  @Test
  @Order(1)
  void aCampaignKeepsTheStructureItWasLaunchedWithWhateverIsImportedLater() {
    importer.importAsSystem(SmallProvince.files());
    driver.advanceTo(LocalDateTime.of(2050, 11, 20, 8, 0));
    driver.launch("r.khtc", CampaignDriver.startForm(BEFORE));
    driver.runDueJobs();
    confirmEveryone(BEFORE, List.of());
    for (Task plan : driver.openTasks(StaffSelfTrainingProcess.TASK_PREPARE_PLAN, BEFORE)) {
      if (!plan.getAssignee().equals("r.nva2")) {
        driver.completeAs(plan.getAssignee(), plan, CampaignDriver.participantInput(plan.getTaskDefinitionKey()));
      }
    }
    CampaignReport province = reports.report(BEFORE, access.province(BEFORE));
    CampaignReport anHoa = reports.report(BEFORE, access.parse(BEFORE, "district:PGD-A"));
    String unitsCsv = csv("r.khtc", BEFORE, "province", "units");
    String peopleCsv = csv("r.khtc", BEFORE, "district:PGD-A", "people");
    assertThat(province.groups()).extracting(GroupRow::name)
        .containsExactly("Phòng GD&ĐT An Hòa", "Phòng GD&ĐT Bình Minh", GroupRow.DIRECT_UNITS_NAME);
    assertThat(province.levelName()).isEqualTo("Phòng GD&ĐT");
    assertThat(unitsCsv).contains("Phòng GD&ĐT An Hòa");

    importer.importAsSystem(List.of(csv("don-vi.csv", COMMUNE_UNITS), csv("nhan-su.csv", communePeople())));

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM org_unit WHERE code IN ('PGD-A', 'PGD-B') AND active = TRUE",
        Integer.class)).as("the Phòng are gone from the directory").isZero();
    assertThat(reports.report(BEFORE, access.province(BEFORE))).as("the campaign's figures, by its Phòng")
        .isEqualTo(province);
    assertThat(reports.report(BEFORE, access.parse(BEFORE, "district:PGD-A"))).isEqualTo(anHoa);
    assertThat(csv("r.khtc", BEFORE, "province", "units")).isEqualTo(unitsCsv);
    assertThat(csv("r.khtc", BEFORE, "district:PGD-A", "people")).isEqualTo(peopleCsv);
    // a commune officer of today reads nothing of the Phòng's campaign
    assertThat(get("r.xa", "/api/reports/" + BEFORE + "?scope=district:PGD-A").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // and the campaign goes on with its Phòng
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DistrictProcess.KEY)
        .processInstanceBusinessKey(BEFORE + "/PGD-B").count()).isEqualTo(1);
  }

  @Test
  @Order(2)
  void theNextYearsCampaignRunsWithTheCommunesAndEachOfficerSeesOnlyTheirs() {
    driver.advanceTo(LocalDateTime.of(2051, 11, 20, 8, 0));
    driver.launch("r.khtc", CampaignDriver.startForm(AFTER));
    driver.runDueJobs();

    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DistrictProcess.KEY)
        .processInstanceBusinessKeyLike(AFTER + "/%").list()).extracting(i -> i.getBusinessKey())
        .containsExactlyInAnyOrder(AFTER + "/PH-BM", AFTER + "/XA-AH");
    CampaignReport province = reports.report(AFTER, access.province(AFTER));
    assertThat(province.groups()).extracting(GroupRow::name)
        .containsExactly("UBND phường Bình Minh", "UBND xã An Hòa", GroupRow.DIRECT_UNITS_NAME);
    assertThat(province.groups().get(0).units()).extracting(u -> u.code()).containsExactly("TH-A2", "TH-B1");
    assertThat(province.levelName()).isEqualTo("UBND xã/phường");
    assertThat(province.superiorBody()).isEqualTo("UBND tỉnh Thử nghiệm");
    assertThat(csv("r.khtc", AFTER, "province", "people")).contains("UBND xã/phường").doesNotContain("Phòng GD&ĐT");

    // the commune officer: their commune, its units, nothing else
    ResponseEntity<String> own = get("r.xa", "/api/reports/" + AFTER);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(own.getBody()).contains("\"code\":\"XA-AH\"").contains("UBND xã An Hòa");
    assertThat(get("r.xa", "/api/reports/" + AFTER + "?scope=unit:THCS-A1").getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> other = get("r.xa", "/api/reports/" + AFTER + "?scope=district:PH-BM");
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(other.getBody()).contains("không có quyền xem báo cáo của UBND phường Bình Minh");
    assertThat(get("r.xa", "/api/reports/" + AFTER + "?scope=unit:TH-A2").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("r.xa", "/api/reports/" + AFTER + "?scope=province").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(filterNamesOf("r.xa")).contains("Việc của UBND xã/phường").noneMatch(n -> n.contains("Phòng"));

    // Tiểu học An Hòa 2 has nobody this year and its principal never reports: the commune hears of it
    assertThat(toldWhenItsPrincipalNeverReports(AFTER, "TH-A2")).containsExactly("r.ph");
  }

  @Test
  @Order(3)
  void onTheDirectRouteEveryUnitReportsToTheSoAndItsLateUnitsAreToldToTheSo() {
    driver.advanceTo(LocalDateTime.of(2052, 11, 20, 8, 0));
    Map<String, Object> form = CampaignDriver.startForm(DIRECT);
    form.put(CampaignProcess.VAR_REPORTING_ROUTE, "DIRECT");
    driver.launch("r.khtc", form);
    driver.runDueJobs();

    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DistrictProcess.KEY)
        .processInstanceBusinessKeyLike(DIRECT + "/%").count()).as("no commune aggregates").isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(SchoolProcess.KEY)
        .processInstanceBusinessKeyLike(DIRECT + "/%").list()).extracting(i -> i.getBusinessKey())
        .containsExactlyInAnyOrder(DIRECT + "/THCS-A1", DIRECT + "/TH-A2", DIRECT + "/TH-B1", DIRECT + "/THPT-X");
    CampaignReport province = reports.report(DIRECT, access.province(DIRECT));
    assertThat(province.groups()).extracting(GroupRow::name)
        .containsExactly("UBND phường Bình Minh", "UBND xã An Hòa", GroupRow.DIRECT_UNITS_NAME);
    assertThat(province.groups()).allSatisfy(g -> assertThat(g.report()).as("no report of a commune").isNull());
    // the commune still follows its schools
    assertThat(get("r.ph", "/api/reports/" + DIRECT + "?scope=district:PH-BM").getStatusCode())
        .isEqualTo(HttpStatus.OK);

    assertThat(toldWhenItsPrincipalNeverReports(DIRECT, "TH-A2")).containsExactly("r.khtc");
  }

  @Test
  @Order(4)
  void aProvinceWithNoIntermediateLevelRunsEveryUnitUnderTheSo() {
    List<String> units = List.of(
        "Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Loại đơn vị",
        "SO-R,Sở Giáo dục và Đào tạo Thử nghiệm,,Sở GD&ĐT",
        "THCS-A1,Trường THCS An Hòa 1,SO-R,THCS",
        "TH-A2,Trường Tiểu học An Hòa 2,SO-R,Tiểu học",
        "TH-B1,Trường Tiểu học Bình Minh 1,SO-R,Tiểu học",
        "THPT-X,Trường THPT Xuân Lộc,SO-R,THPT");
    List<String> people = SmallProvince.PEOPLE.stream()
        .filter(line -> !line.startsWith("r.pgda,") && !line.startsWith("r.pgdb,")).toList();
    importer.importAsSystem(List.of(csv("don-vi.csv", units), csv("nhan-su.csv", people)));
    driver.advanceTo(LocalDateTime.of(2053, 11, 20, 8, 0));
    driver.launch("r.khtc", CampaignDriver.startForm(FLAT));
    driver.runDueJobs();

    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DistrictProcess.KEY)
        .processInstanceBusinessKeyLike(FLAT + "/%").count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(SchoolProcess.KEY)
        .processInstanceBusinessKeyLike(FLAT + "/%").count()).isEqualTo(4);
    CampaignReport province = reports.report(FLAT, access.province(FLAT));
    assertThat(province.groups()).extracting(GroupRow::name).containsExactly(GroupRow.DIRECT_UNITS_NAME);
    assertThat(province.units()).hasSize(4);
    assertThat(province.total().participants()).isEqualTo(5);
    // a principal sees their unit, and nobody reads of a level the directory does not have
    assertThat(get("r.hta2", "/api/reports/" + FLAT + "?scope=unit:TH-A2").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv("r.khtc", FLAT, "province", "units")).doesNotContain("Phòng GD&ĐT").doesNotContain("UBND");
  }

  // ---- helpers

  /** Every principal confirms the directory's participants; units listed confirm nobody. */
  private void confirmEveryone(String schoolYear, List<String> nobodyAt) {
    for (Task confirm : driver.openTasks(SchoolProcess.TASK_CONFIRM_PARTICIPANTS, schoolYear)) {
      String unit = (String) tasks.getVariable(confirm.getId(), "unitCode");
      String ids = nobodyAt.contains(unit) ? "" : SmallProvince.PEOPLE.stream().map(line -> line.split(","))
          .filter(f -> f[3].equals(unit) && f[4].contains("thư viện")).map(f -> f[0]).collect(Collectors.joining(","));
      driver.completeAs(SmallProvince.principalOf(unit), confirm, Map.of(SchoolProcess.VAR_PARTICIPANT_IDS, ids));
    }
  }

  /**
   * The unit confirms nobody (every other unit its people) and its principal lets the report's
   * deadline pass: who was told, one level up.
   */
  private List<String> toldWhenItsPrincipalNeverReports(String schoolYear, String unitCode) {
    confirmEveryone(schoolYear, List.of(unitCode));
    driver.runDueJobs();
    Task send = driver.openTasks(SchoolProcess.TASK_SEND_UNIT_REPORT, schoolYear + "/" + unitCode).get(0);
    driver.advanceTo(LocalDateTime.ofInstant(send.getDueDate().toInstant(), CampaignCalendar.ZONE).plusHours(1));
    return escalationsAbout(schoolYear, unitCode);
  }

  /** Who was told, one level up, that the unit did not send its report. */
  private List<String> escalationsAbout(String schoolYear, String unitCode) {
    return jdbc.queryForList("SELECT o.recipient_id FROM mail_outbox o WHERE o.kind = 'ESCALATION' "
        + "AND o.school_year = ? AND o.task_definition_key = ? AND o.process_instance_id IN (SELECT p.ID_ "
        + "FROM ACT_RU_EXECUTION p WHERE p.BUSINESS_KEY_ = ?) ORDER BY o.recipient_id", String.class, schoolYear,
        SchoolProcess.TASK_SEND_UNIT_REPORT, schoolYear + "/" + unitCode);
  }

  private static List<String> communePeople() {
    List<String> people = new ArrayList<>(SmallProvince.PEOPLE.stream()
        .filter(line -> !line.startsWith("r.pgda,") && !line.startsWith("r.pgdb,")).toList());
    people.add("r.xa,Huỳnh Văn Xã,r.xa@example.edu.vn,XA-AH,Cán bộ phụ trách giáo dục");
    people.add("r.ph,Trần Thị Phường,r.ph@example.edu.vn,PH-BM,Công chức Phòng Văn hóa – Xã hội");
    return people;
  }

  private List<String> filterNamesOf(String userId) {
    return driver.as(userId, () -> filters.createFilterQuery().list().stream().map(Filter::getName).toList());
  }

  private String csv(String user, String schoolYear, String scope, String table) {
    byte[] body = rest.withBasicAuth(user, SmallProvince.PASSWORD).getForObject("/api/reports/" + schoolYear
        + "/bao-cao.csv?scope=" + scope + "&table=" + table, byte[].class);
    return new String(body, StandardCharsets.UTF_8);
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, SmallProvince.PASSWORD).getForEntity(path, String.class);
  }

  private static ImportFile csv(String name, List<String> lines) {
    return new ImportFile(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
