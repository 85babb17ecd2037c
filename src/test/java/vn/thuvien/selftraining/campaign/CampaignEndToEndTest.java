package vn.thuvien.selftraining.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.thuvien.selftraining.CampaignTest;
import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.report.CampaignReports;
import vn.thuvien.selftraining.report.Figures;
import vn.thuvien.selftraining.report.PersonRow;
import vn.thuvien.selftraining.report.PhaseState;
import vn.thuvien.selftraining.report.ReportAccess;
import vn.thuvien.selftraining.report.UnitReports;
import vn.thuvien.selftraining.system.InvalidInputException;
import vn.thuvien.selftraining.training.CalendarDate;
import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.training.CampaignRepository;
import vn.thuvien.selftraining.training.ParticipantRecords;
import vn.thuvien.selftraining.training.ParticipantStatus;
import vn.thuvien.selftraining.training.Phase;

/**
 * A whole campaign over the letter's directory of 2017 ({@code examples/ben-tre-2017/}: 9 Phòng
 * GD&ĐT, their schools, 5 units directly under the Sở), from the Sở's start form to the
 * consolidated province result, with a withdrawn participant, a participant who never submits, a
 * school that never reports and a Phòng that never reports.
 */
@CampaignTest
class CampaignEndToEndTest {

  static final String KHTC = "khtc.hoa";

  @Autowired CampaignDriver driver;
  @Autowired Directory directory;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired UnitReports unitReports;
  @Autowired CampaignFigures figures;
  @Autowired CampaignRepository campaigns;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired vn.thuvien.selftraining.report.CampaignReports reports;
  @Autowired vn.thuvien.selftraining.report.ReportAccess access;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;

  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() throws Exception {
    driver.loadBenTre2017Directory();
  }

  /** Each test's campaign ends with it, so that no later test runs its timers. */
  @AfterEach
  void endCampaigns() {
    ClockUtil.reset();
    runtime.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY).list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "Kết thúc ca kiểm thử", true));
  }

  @Test
  void wholeCampaignFromStartFormToProvinceResult() throws Exception {
    String year = "2030-2031";
    String lan = "nv.lan";
    String minh = "gv.minh";
    driver.advanceTo(LocalDateTime.of(2030, 11, 20, 8, 0));

    ProcessInstance campaign = driver.launch(KHTC, CampaignDriver.startForm(year));
    assertThat(campaign.getBusinessKey()).isEqualTo(year);
    driver.runDueJobs();

    int schools = directory.districtCodes().stream().mapToInt(d -> directory.schoolCodesOf(d).size()).sum();
    int participants = directory.districtCodes().stream().flatMap(d -> directory.schoolCodesOf(d).stream())
        .mapToInt(u -> directory.participantsOf(u).size()).sum()
        + directory.directUnitCodes().stream().mapToInt(u -> directory.participantsOf(u).size()).sum();
    assertThat(count(DistrictProcess.KEY, year)).isEqualTo(9);
    assertThat(count(SchoolProcess.KEY, year)).isEqualTo(schools + directory.directUnitCodes().size());
    assertThat(count(KEY, year)).isEqualTo(participants);

    // direct units report straight to the Sở: their instance is called by the campaign itself
    String directSchool = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(year + "/THPT-CHUYENBT").singleResult().getSuperProcessInstanceId();
    assertThat(directSchool).isEqualTo(campaign.getId());

    // December: principals confirm their lists; Phú Hưng's principal takes gv.minh off
    for (Task confirm : driver.openTasks(SchoolProcess.TASK_CONFIRM_PARTICIPANTS, year)) {
      String unit = (String) tasks.getVariable(confirm.getId(), "unitCode");
      String ids = directory.participantsOf(unit).stream().map(p -> p.id())
          .filter(id -> !id.equals(minh)).collect(Collectors.joining(","));
      driver.completeAs(principalOf(unit), confirm, Map.of(SchoolProcess.VAR_PARTICIPANT_IDS, ids));
    }
    assertThat(record(year, "THCS-PHUHUNG", minh).status()).isEqualTo(ParticipantStatus.WITHDRAWN);
    withdrawnPersonReadsNotParticipatingInEveryPhase(year, minh);

    completeParticipantTasks(TASK_PREPARE_PLAN, year);
    driver.advanceTo(LocalDateTime.of(2030, 12, 2, 8, 0));
    completeParticipantTasks(TASK_STUDY_COMMON_PART, year);
    driver.advanceTo(LocalDateTime.of(2031, 1, 2, 8, 0));
    completeParticipantTasks(TASK_STUDY_OPTIONAL_PART, year);

    // February: everyone waits for the Sở's guidance; publishing it releases them all
    assertThat(waitingForGuidance(year)).isEqualTo(participants - 1);
    driver.advanceTo(LocalDateTime.of(2031, 2, 10, 8, 0));
    Task guidance = driver.openTasks(CampaignProcess.TASK_PUBLISH_GUIDANCE, year).get(0);
    driver.completeAs(KHTC, guidance, Map.of(CampaignProcess.VAR_GUIDANCE_CONTENT,
        "Bài thu hoạch dài 3–5 trang, nêu kế hoạch áp dụng tại thư viện đơn vị."));
    assertThat(waitingForGuidance(year)).isZero();

    driver.advanceTo(LocalDateTime.of(2031, 3, 2, 8, 0));
    completeParticipantTasks(TASK_WRITE_REPORT, year);
    driver.advanceTo(LocalDateTime.of(2031, 4, 2, 8, 0));
    // nv.lan never submits
    for (Task submit : driver.openTasks(TASK_SUBMIT_REPORT, year)) {
      if (!submit.getAssignee().equals(lan)) {
        driver.completeAs(submit.getAssignee(), submit, CampaignDriver.participantInput(TASK_SUBMIT_REPORT));
      }
    }
    // principals evaluate: one Khá, the rest Giỏi
    for (Task evaluation : driver.openTasks(TASK_EVALUATE_REPORT, year)) {
      String unit = (String) tasks.getVariable(evaluation.getId(), "unitCode");
      String person = (String) tasks.getVariable(evaluation.getId(), "personId");
      double score = person.equals("nv.thpt.chuyen") ? 7.5 : 9.0;
      driver.completeAs(principalOf(unit), evaluation, Variables.putValue(VAR_REPORT_ACCEPTED, true)
          .putValue(VAR_SCORE, score).putValue(VAR_EVALUATION_COMMENT, "Đạt yêu cầu."));
    }
    // every unit but Phú Hưng (still waiting for nv.lan) now sends its report, on time
    driver.advanceTo(LocalDateTime.of(2031, 4, 11, 8, 0));
    for (Task report : driver.openTasks(SchoolProcess.TASK_SEND_UNIT_REPORT, year)) {
      String unit = (String) tasks.getVariable(report.getId(), "unitCode");
      assertThat(unit).isNotEqualTo("THCS-PHUHUNG");
      driver.completeAs(principalOf(unit), report, Map.of(SchoolProcess.VAR_UNIT_REPORT_NOTE, ""));
    }
    // the unit's cut-off closes nv.lan's year; Phú Hưng's principal then never sends the report
    driver.advanceTo(LocalDateTime.of(2031, 4, 13, 0, 30));
    assertThat(record(year, "THCS-PHUHUNG", lan).status()).isEqualTo(ParticipantStatus.INCOMPLETE_OVERDUE);
    assertThat(driver.openTasks(SchoolProcess.TASK_SEND_UNIT_REPORT, year)).hasSize(1);
    driver.advanceTo(LocalDateTime.of(2031, 4, 16, 0, 30));
    assertThat(unitReports.find(year, "THCS-PHUHUNG").orElseThrow().status())
        .isEqualTo(UnitReports.Status.NOT_REPORTED);

    // every Phòng reviews and sends, except Chợ Lách
    List<Task> reviews = driver.openTasks(DistrictProcess.TASK_REVIEW_REPORT, year);
    assertThat(reviews).hasSize(9);
    for (Task review : reviews) {
      String district = (String) tasks.getVariable(review.getId(), "districtCode");
      JsonNode summary = json.readTree((String) tasks.getVariable(review.getId(), DistrictProcess.VAR_DISTRICT_SUMMARY));
      if (district.equals("PGD-TPBENTRE")) {
        assertThat(summary.get("unitsNotReported").get(0).get("code").asText()).isEqualTo("THCS-PHUHUNG");
        assertThat(summary.get("unitsReported").asInt()).isEqualTo(summary.get("units").asInt() - 1);
        assertThat(summary.get("incompleteOverdue").asInt()).isEqualTo(1);
      } else {
        assertThat(summary.get("unitsNotReported")).isEmpty();
      }
      if (!district.equals("PGD-CHOLACH")) {
        driver.completeAs(directory.districtOfficersOf(district).get(0).id(), review,
            Map.of(DistrictProcess.VAR_DISTRICT_REPORT_NOTE, "Đã tổng hợp."));
      }
    }
    driver.advanceTo(LocalDateTime.of(2031, 4, 20, 0, 30));

    // Phòng KHTC reviews the province figures and closes the report; the campaign ends with it
    Task provinceReview = driver.openTasks(CampaignProcess.TASK_REVIEW_PROVINCE, year).get(0);
    assertThat(provinceReview.getName()).isEqualTo("Duyệt báo cáo tổng hợp toàn tỉnh");
    assertThat(driver.as("pgd.tpbentre", () -> tasks.createTaskQuery().taskId(provinceReview.getId()).count())).isZero();
    driver.completeAs("khtc.tuan", provinceReview, Map.of(CampaignProcess.VAR_PROVINCE_REPORT_NOTE, ""));
    assertThat(unitReports.find(year, "SGDDT-BT").orElseThrow().reportedBy()).isEqualTo("khtc.tuan");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(year).count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(year + "/%").count()).isZero();
    JsonNode province = json.readTree((String) history.createHistoricVariableInstanceQuery()
        .processInstanceId(campaign.getId()).variableName(CampaignProcess.VAR_PROVINCE_SUMMARY)
        .singleResult().getValue());
    int counted = participants - 1;
    assertThat(province.get("participants").asInt()).isEqualTo(counted);
    assertThat(province.get("evaluated").asInt()).isEqualTo(counted - 1);
    assertThat(province.get("incompleteOverdue").asInt()).isEqualTo(1);
    assertThat(province.get("inProgress").asInt()).isZero();
    assertThat(province.get("classifications").get("Giỏi").asInt()).isEqualTo(counted - 2);
    assertThat(province.get("classifications").get("Khá").asInt()).isEqualTo(1);
    assertThat(province.get("phases").get("REPORT_SUBMISSION").get("onTime").asInt()).isEqualTo(counted - 1);
    assertThat(province.get("phases").get("REPORT_SUBMISSION").get("notDone").asInt()).isEqualTo(1);
    assertThat(province.get("topics").get("Thu hút bạn đọc").asInt()).isEqualTo(counted);
    assertThat(province.get("districtsReported").asInt()).isEqualTo(8);
    assertThat(province.get("districtsNotReported").get(0).get("code").asText()).isEqualTo("PGD-CHOLACH");
    assertThat(province.get("directUnitsReported").asInt()).isEqualTo(directory.directUnitCodes().size());
    assertThat(unitReports.find(year, "PGD-TPBENTRE").orElseThrow().onTime()).isTrue();
    assertThat(unitReports.find(year, "THPT-CHUYENBT").orElseThrow().status()).isEqualTo(UnitReports.Status.REPORTED);

    // the ladder chased exactly the late ones, one level up each time
    assertThat(outbox("ESCALATION", "ht.binh", TASK_SUBMIT_REPORT, year)).isEqualTo(1);
    assertThat(outbox("OVERDUE", lan, TASK_SUBMIT_REPORT, year)).isEqualTo(1);
    assertThat(outbox("ESCALATION", "pgd.tpbentre", SchoolProcess.TASK_SEND_UNIT_REPORT, year)).isEqualTo(1);
    assertThat(outbox("ESCALATION", "khtc.hoa", DistrictProcess.TASK_REVIEW_REPORT, year)).isEqualTo(1);
    assertThat(outbox("ESCALATION", "khtc.tuan", DistrictProcess.TASK_REVIEW_REPORT, year)).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE school_year = ? AND kind IN "
        + "('OVERDUE', 'WEEKLY_REMINDER') AND recipient_id NOT IN ('nv.lan', 'ht.binh', 'pgd.cholach')",
        Integer.class, year)).as("nobody else was late").isZero();

    // the same figures at the district level, by SQL
    Figures tpBenTre = figures.ofDistrict(year, "PGD-TPBENTRE");
    int tpParticipants = directory.schoolCodesOf("PGD-TPBENTRE").stream()
        .mapToInt(u -> directory.participantsOf(u).size()).sum() - 1;
    assertThat(tpBenTre.participants()).isEqualTo(tpParticipants);
    assertThat(tpBenTre.incompleteOverdue()).isEqualTo(1);
    assertThat(tpBenTre.evaluated()).isEqualTo(tpParticipants - 1);
  }

  /**
   * Taken off the list in December, before the plan was even due: in every phase of the per-person
   * rows, the CSV and the workbook, "Không tham gia", never overdue, late or in progress.
   */
  private void withdrawnPersonReadsNotParticipatingInEveryPhase(String year, String personId) throws Exception {
    List<vn.thuvien.selftraining.report.PersonRow> rows = new java.util.ArrayList<>();
    reports.forEachPerson(year, access.parse(year, "unit:THCS-PHUHUNG"), rows::add);
    assertThat(rows).filteredOn(row -> row.personId().equals(personId)).singleElement()
        .satisfies(row -> assertThat(row.phases().values()).extracting(cell -> cell.state())
            .hasSize(vn.thuvien.selftraining.training.Phase.values().length)
            .containsOnly(vn.thuvien.selftraining.report.PhaseState.NOT_PARTICIPATING));
    String name = directory.person(personId).orElseThrow().fullName();

    String csv = rest.withBasicAuth(KHTC, "test-secret").getForObject("/api/reports/" + year
        + "/bao-cao.csv?scope=unit:THCS-PHUHUNG&table=people", String.class);
    String line = csv.lines().filter(l -> l.contains(name)).findFirst().orElseThrow();
    assertThat(line).doesNotContain("Quá hạn").doesNotContain("Đang thực hiện").doesNotContain("Hoàn thành trễ");
    assertThat(line.split("Không tham gia", -1).length - 1).as(line)
        .isGreaterThanOrEqualTo(vn.thuvien.selftraining.training.Phase.values().length);

    byte[] xlsx = rest.withBasicAuth(KHTC, "test-secret").getForObject("/api/reports/" + year
        + "/bao-cao.xlsx?scope=unit:THCS-PHUHUNG", byte[].class);
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      List<String> cells = new java.util.ArrayList<>();
      for (var sheet : workbook) {
        for (var row : sheet) {
          List<String> texts = new java.util.ArrayList<>();
          row.forEach(cell -> texts.add(cell.toString()));
          if (texts.contains(name)) {
            cells.addAll(texts);
          }
        }
      }
      assertThat(cells).as("workbook row of " + name).isNotEmpty().doesNotContain("Quá hạn, chưa hoàn thành",
          "Đang thực hiện", "Hoàn thành trễ hạn");
      assertThat(cells.stream().filter("Không tham gia"::equals).count())
          .isGreaterThanOrEqualTo(vn.thuvien.selftraining.training.Phase.values().length);
    }
  }

  @Test
  void provinceReportLeftUnreviewedFor30DaysIsRecordedAndTheCampaignEnds() {
    driver.advanceTo(LocalDateTime.of(2037, 4, 20, 8, 0));
    ProcessInstance campaign = runtime.createProcessInstanceByKey(CampaignProcess.KEY).businessKey("2036-2037")
        .setVariable(CampaignProcess.VAR_SCHOOL_YEAR, "2036-2037")
        .setVariable(CampaignProcess.VAR_PROVINCE_SUMMARY, "{\"participants\":0}")
        .startBeforeActivity(CampaignProcess.TASK_REVIEW_PROVINCE).execute();
    driver.advanceTo(LocalDateTime.of(2037, 5, 19, 8, 0));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(campaign.getId()).count()).isEqualTo(1);
    driver.advanceTo(LocalDateTime.of(2037, 5, 21, 8, 0));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(campaign.getId()).count()).isZero();
    assertThat(unitReports.find("2036-2037", "SGDDT-BT").orElseThrow().status())
        .isEqualTo(UnitReports.Status.NOT_REPORTED);
  }

  @Test
  void secondCampaignForTheSameSchoolYearIsRefused() {
    driver.advanceTo(LocalDateTime.of(2033, 11, 20, 8, 0));
    Map<String, Object> form = new java.util.HashMap<>(CampaignDriver.startForm("2033-2034"));
    form.put(CampaignProcess.VAR_REMINDER_DAYS_BEFORE, "5");
    driver.launch(KHTC, form);
    assertThat(campaigns.reminderDaysBefore("2033-2034")).contains(5);

    assertThatThrownBy(() -> driver.launch(KHTC, CampaignDriver.startForm("2033-2034")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Đợt tự bồi dưỡng năm học 2033-2034 đã được khởi động trước đó; mỗi năm học chỉ có một đợt.");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("2033-2034").count()).isEqualTo(1);
  }

  @Test
  void startFormWithDatesOutOfOrderIsRefusedNamingTheDates() {
    driver.advanceTo(LocalDateTime.of(2034, 11, 20, 8, 0));
    Map<String, Object> form = new java.util.HashMap<>(CampaignDriver.startForm("2034-2035"));
    form.put("districtReportDue", "2035-04-25");
    form.put("letterNumber", " ");
    form.put(CampaignProcess.VAR_REMINDER_DAYS_BEFORE, "45");

    assertThatThrownBy(() -> driver.launch(KHTC, form))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Trường \"Số công văn\" là bắt buộc.")
        .hasMessageContaining("Trường \"Nhắc việc trước hạn (ngày)\" phải là số nguyên từ 1 đến 30 (đã nhập \"45\").");
    form.remove(CampaignProcess.VAR_REMINDER_DAYS_BEFORE);
    form.put("letterNumber", "12/SGD&ĐT-KHTC");
    assertThatThrownBy(() -> driver.launch(KHTC, form))
        .hasMessageContaining("Hạn " + directory.intermediateLevelName()
            + " gửi báo cáo tổng hợp (25/04/2035) không được sau hạn gửi báo cáo về Sở (19/04/2035).");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("2034-2035").count()).isZero();
  }

  @Test
  void startFormWhosePlanDeadlineHasPassedIsRefusedNamingTheField() {
    // 05/12/2035: the letter's plan deadline of 2035-2036 (30/11) is five days past
    driver.advanceTo(LocalDateTime.of(2035, 12, 5, 8, 0));
    Map<String, Object> form = new java.util.HashMap<>(CampaignDriver.startForm("2035-2036"));

    assertThatThrownBy(() -> driver.launch(KHTC, form))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Hạn lập hồ sơ và kế hoạch (30/11/2035) đã qua: hôm nay là 05/12/2035.");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("2035-2036").count()).isZero();
    assertThat(campaigns.exists("2035-2036")).isFalse();

    // the same calendar placed on today, as the start form's defaults offer it, is launched
    CampaignCalendar placed = CampaignCalendar.defaultFor("2035-2036").placedOn(LocalDate.of(2035, 12, 5));
    for (CalendarDate field : CalendarDate.values()) {
      form.put(field.field(), placed.get(field).toString());
    }
    driver.launch(KHTC, form);
    assertThat(campaigns.findCalendar("2035-2036").orElseThrow().get(CalendarDate.PLAN_DUE)).isEqualTo(LocalDate.of(2035, 12, 19));
  }

  @Test
  void onlyPhongKhtcMayLaunchACampaign() {
    driver.advanceTo(LocalDateTime.of(2035, 11, 20, 8, 0));
    assertThatThrownBy(() -> driver.launch("pgd.tpbentre", CampaignDriver.startForm("2035-2036")))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> driver.launch("nv.lan", CampaignDriver.startForm("2035-2036")))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void eachPersonSeesOnlyTheirScope() {
    String year = "2031-2032";
    driver.advanceTo(LocalDateTime.of(2031, 11, 20, 8, 0));
    driver.launch(KHTC, CampaignDriver.startForm(year));
    driver.runDueJobs();

    // a librarian sees their own task only, and cannot complete another school's
    List<Task> lanTasks = driver.as("nv.lan", () -> tasks.createTaskQuery().processInstanceBusinessKeyLike(year + "/%").list());
    assertThat(lanTasks).singleElement().satisfies(t -> assertThat(t.getAssignee()).isEqualTo("nv.lan"));
    Task otherSchool = tasks.createTaskQuery().processInstanceBusinessKey(year + "/THPT-CHUYENBT/nv.thpt.chuyen")
        .singleResult();
    assertThat(driver.as("nv.lan", () -> tasks.createTaskQuery().taskId(otherSchool.getId()).count())).isZero();
    assertThatThrownBy(() -> driver.completeAs("nv.lan", otherSchool, CampaignDriver.participantInput(TASK_PREPARE_PLAN)))
        .isInstanceOf(AuthorizationException.class);

    // a principal sees their unit's confirmation, not another unit's
    List<Task> binhTasks = driver.as("ht.binh", () -> tasks.createTaskQuery().processInstanceBusinessKeyLike(year + "/%").list());
    assertThat(binhTasks).singleElement().satisfies(t ->
        assertThat(t.getTaskDefinitionKey()).isEqualTo(SchoolProcess.TASK_CONFIRM_PARTICIPANTS));

    // a Phòng officer sees in Cockpit only the instances of their district
    List<ProcessInstance> seen = driver.as("pgd.tpbentre",
        () -> runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(year + "%").list());
    List<String> tpSchools = directory.schoolCodesOf("PGD-TPBENTRE");
    assertThat(seen).isNotEmpty().allSatisfy(instance -> {
      String key = instance.getBusinessKey();
      assertThat(key.equals(year + "/PGD-TPBENTRE") || tpSchools.stream().anyMatch(s -> key.startsWith(year + "/" + s)))
          .as(key).isTrue();
    });
    int expected = 1 + tpSchools.size() + tpSchools.stream().mapToInt(s -> directory.participantsOf(s).size()).sum();
    assertThat(seen).hasSize(expected);
    // Phòng KHTC sees everything
    long all = runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(year + "%").count();
    assertThat(driver.as(KHTC, () -> runtime.createProcessInstanceQuery()
        .processInstanceBusinessKeyLike(year + "%").count())).isEqualTo(all);
  }

  @Test
  void guidancePublishedBeforeParticipantsReachTheWaitLetsThemGoOn() {
    String year = "2032-2033";
    driver.advanceTo(LocalDateTime.of(2032, 11, 20, 8, 0));
    driver.launch(KHTC, CampaignDriver.startForm(year));
    driver.runDueJobs();
    Task guidance = driver.openTasks(CampaignProcess.TASK_PUBLISH_GUIDANCE, year).get(0);
    driver.completeAs("khtc.tuan", guidance, Map.of(CampaignProcess.VAR_GUIDANCE_CONTENT, "Hướng dẫn ban hành sớm."));

    completeParticipantTasks(TASK_PREPARE_PLAN, year);
    driver.advanceTo(LocalDateTime.of(2032, 12, 2, 8, 0));
    completeParticipantTasks(TASK_STUDY_COMMON_PART, year);
    driver.advanceTo(LocalDateTime.of(2033, 1, 2, 8, 0));
    completeParticipantTasks(TASK_STUDY_OPTIONAL_PART, year);

    assertThat(waitingForGuidance(year)).isZero();
    assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(year + "/THCS-PHUHUNG/nv.lan")
        .activityId(TIMER_WRITING_OPENS).count()).isEqualTo(1);
  }

  /** What the launch leaves in history (system.LeanVariableHistory): the context, without repeats. */
  @Test
  void historyKeepsEachInstancesContextWithoutMultiInstanceCountersOrRepeatedDetails() {
    String year = "2044-2045";
    driver.advanceTo(LocalDateTime.of(2044, 11, 20, 8, 0));
    driver.launch(KHTC, CampaignDriver.startForm(year));
    driver.runDueJobs();
    String lan = runtime.createProcessInstanceQuery().processInstanceBusinessKey(year + "/THCS-PHUHUNG/nv.lan")
        .singleResult().getId();
    Task plan = tasks.createTaskQuery().processInstanceId(lan).taskDefinitionKey(TASK_PREPARE_PLAN).singleResult();
    driver.completeAs("nv.lan", plan, CampaignDriver.participantInput(TASK_PREPARE_PLAN));

    // the fan-out's counters are there while it runs, and nowhere in history
    for (String counter : List.of("loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances")) {
      assertThat(runtime.createVariableInstanceQuery().variableName(counter).count()).as(counter).isPositive();
      assertThat(history.createHistoricVariableInstanceQuery().variableName(counter).count()).as(counter).isZero();
      assertThat(history.createHistoricDetailQuery().variableUpdates().list())
          .as(counter).noneMatch(d -> ((HistoricVariableUpdate) d).getVariableName().equals(counter));
    }
    // the person's context: one historic variable each, no detail repeating its creation
    for (String name : List.of("schoolYear", "unitCode", "personId", "personName")) {
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(lan).variableName(name).singleResult())
          .as(name).isNotNull();
    }
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(lan).variableName("personId")
        .singleResult().getValue()).isEqualTo("nv.lan");
    List<String> details = history.createHistoricDetailQuery().processInstanceId(lan).variableUpdates().list().stream()
        .map(d -> ((HistoricVariableUpdate) d).getVariableName()).toList();
    assertThat(details).doesNotContain("schoolYear", "unitCode", "personId", "personName")
        // what people enter keeps its full history
        .contains("planMaterials", "planSchedule", "planMethod");
  }

  private void completeParticipantTasks(String taskDefinitionKey, String year) {
    for (Task task : driver.openTasks(taskDefinitionKey, year)) {
      driver.completeAs(task.getAssignee(), task, CampaignDriver.participantInput(taskDefinitionKey));
    }
  }

  private int outbox(String kind, String recipient, String taskKey, String year) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE kind = ? AND recipient_id = ? "
        + "AND task_definition_key = ? AND school_year = ?", Integer.class, kind, recipient, taskKey, year);
  }

  private long waitingForGuidance(String year) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(year + "/%")
        .activityIdIn(MESSAGE_EVENT_GUIDANCE).count();
  }

  private String principalOf(String unitCode) {
    return directory.principalsOf(unitCode).get(0).id();
  }

  private long count(String processKey, String year) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKeyLike(year + "/%").count();
  }

  private ParticipantRecords.ParticipantRecord record(String year, String unit, String person) {
    String instanceId = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(year + "/" + unit + "/" + person).singleResult().getId();
    return new ParticipantRecords(jdbc).find(instanceId).orElseThrow();
  }
}
