package vn.thuvien.selftraining.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thuvien.selftraining.training.StaffSelfTrainingProcess.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.directory.DirectoryImportService;
import vn.thuvien.selftraining.directory.ExampleDirectories;
import vn.thuvien.selftraining.directory.ImportFile;
import vn.thuvien.selftraining.mail.MailTest;
import vn.thuvien.selftraining.mail.MailTestServer;
import vn.thuvien.selftraining.mail.OutboxSender;
import vn.thuvien.selftraining.report.CampaignReport;
import vn.thuvien.selftraining.report.CampaignReports;
import vn.thuvien.selftraining.report.GroupRow;
import vn.thuvien.selftraining.report.ReportAccess;
import vn.thuvien.selftraining.report.Figures;

/**
 * Whole campaigns of today's two-level structure through the real processes, every email delivered
 * to a real SMTP server (GreenMail): the 2026 demo directory (Sở GD&ĐT Vĩnh Long, five communes
 * over their schools, eight units directly under the Sở), and the same schools all directly under
 * the Sở (a province that keeps no intermediate level). One school never sends its report; in the
 * communes' campaign one commune never reviews. The figures agree at every level, the late ones
 * are chased by whoever is above them in that structure, and no email names a level the
 * directory does not have. The letter's three-level structure of 2017 runs the same way in
 * {@link CampaignEndToEndTest}.
 */
@MailTest
class TwoLevelCampaignTest {

  @RegisterExtension
  static GreenMailExtension smtp = MailTestServer.perTest();

  static final String LATE_SCHOOL = "TH-CAUNGANG";
  static final String LATE_SCHOOL_NAME = "Trường Tiểu học Cầu Ngang A";
  static final String SILENT_COMMUNE = "UBND-XLONGHO";
  static final String SILENT_COMMUNE_NAME = "UBND xã Long Hồ";

  @Autowired CampaignDriver driver;
  @Autowired DirectoryImportService importer;
  @Autowired Directory directory;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired CampaignFigures figures;
  @Autowired CampaignReports reports;
  @Autowired ReportAccess access;
  @Autowired OutboxSender sender;
  @Autowired JdbcTemplate jdbc;

  final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void endCampaigns() {
    ClockUtil.reset();
    runtime.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY).list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "Kết thúc ca kiểm thử", true));
  }

  @Test
  void communesAggregateTheirSchoolsAndEveryEmailNamesTheCommunes() throws Exception {
    importer.importAsSystem(ExampleDirectories.demo());
    String year = "2060-2061";
    List<String> communes = directory.districtCodes();
    assertThat(communes).hasSize(5).contains(SILENT_COMMUNE);

    ProcessInstance campaign = play(year, 2060);

    // five communes, each aggregating its schools; the eight THPT/GDTX units straight under the Sở
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(DistrictProcess.KEY)
        .processInstanceBusinessKeyLike(year + "/%").count()).isEqualTo(5);

    JsonNode province = provinceSummary(campaign);
    int participants = participantsOf(directory.directUnitCodes())
        + communes.stream().mapToInt(c -> participantsOf(directory.schoolCodesOf(c))).sum();
    assertThat(province.get("participants").asInt()).isEqualTo(participants);
    assertThat(province.get("evaluated").asInt()).isEqualTo(participants);
    assertThat(province.get("districtsReported").asInt()).isEqualTo(4);
    assertThat(province.get("districtsNotReported")).hasSize(1);
    assertThat(province.get("districtsNotReported").get(0).get("code").asText()).isEqualTo(SILENT_COMMUNE);
    assertThat(province.get("directUnitsReported").asInt()).isEqualTo(8);

    // the same figures at every level: province, each commune, the late school
    assertThat(figures.ofProvince(year).participants()).isEqualTo(participants);
    int communeSum = 0;
    for (String commune : communes) {
      Figures ofCommune = figures.ofDistrict(year, commune);
      assertThat(ofCommune.participants()).as(commune).isEqualTo(participantsOf(directory.schoolCodesOf(commune)));
      assertThat(ofCommune.evaluated()).as(commune).isEqualTo(ofCommune.participants());
      communeSum += ofCommune.participants();
    }
    assertThat(communeSum + participantsOf(directory.directUnitCodes())).isEqualTo(participants);
    assertThat(figures.ofUnit(year, LATE_SCHOOL).participants()).isEqualTo(participantsOf(List.of(LATE_SCHOOL)));
    CampaignReport report = reports.report(year, access.province(year));
    assertThat(report.levelName()).isEqualTo("UBND xã/phường");
    assertThat(report.superiorBody()).isEqualTo("UBND tỉnh Vĩnh Long");
    assertThat(report.groups()).extracting(GroupRow::name).containsExactly("UBND phường An Hội",
        "UBND phường Long Châu", "UBND phường Phước Hậu", "UBND xã Cầu Ngang", SILENT_COMMUNE_NAME,
        GroupRow.DIRECT_UNITS_NAME);

    // chased one level up in this structure: the late school by its commune, the silent commune by the Sở
    assertThat(outbox("ESCALATION", "cb.caungang", SchoolProcess.TASK_SEND_UNIT_REPORT, year)).isEqualTo(1);
    assertThat(outbox("ESCALATION", "khtc.hoa", SchoolProcess.TASK_SEND_UNIT_REPORT, year)).isZero();
    assertThat(outbox("ESCALATION", "khtc.hoa", DistrictProcess.TASK_REVIEW_REPORT, year))
        .as("escalations: %s", jdbc.queryForList("SELECT kind, recipient_id, task_definition_key, status, not_before "
            + "FROM mail_outbox WHERE school_year = ? AND kind IN ('ESCALATION', 'OVERDUE')", year)).isEqualTo(1);

    List<Email> emails = emails();
    assertThat(emails).hasSizeGreaterThan(100);
    assertThat(emails).noneMatch(e -> e.text().contains("Phòng GD&ĐT"));
    assertThat(emails).filteredOn(e -> e.to().equals("cb.caungang@example.edu.vn"))
        .anyMatch(e -> e.text().contains(LATE_SCHOOL_NAME));
    assertThat(emails).filteredOn(e -> e.to().equals("khtc.hoa@example.edu.vn"))
        .anyMatch(e -> e.text().contains(SILENT_COMMUNE_NAME)).noneMatch(e -> e.text().contains(LATE_SCHOOL_NAME));
    assertThat(emails).filteredOn(e -> e.to().equals("cb.anhoi@example.edu.vn"))
        .as("the officer of UBND phường An Hội is told when their review opens").isNotEmpty();
  }

  @Test
  void withoutAnIntermediateLevelEveryUnitReportsToTheSoAndNoEmailNamesALevel() throws Exception {
    importer.importAsSystem(flatDemo());
    String year = "2061-2062";
    assertThat(directory.districtCodes()).isEmpty();

    ProcessInstance campaign = play(year, 2061);

    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(DistrictProcess.KEY)
        .processInstanceBusinessKeyLike(year + "/%").count()).isZero();
    List<String> units = directory.directUnitCodes();
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(SchoolProcess.KEY)
        .processInstanceBusinessKeyLike(year + "/%").list()).hasSize(units.size())
        .allMatch(i -> i.getSuperProcessInstanceId().equals(campaign.getId()));

    JsonNode province = provinceSummary(campaign);
    int participants = participantsOf(units);
    assertThat(province.get("participants").asInt()).isEqualTo(participants);
    assertThat(province.get("evaluated").asInt()).isEqualTo(participants);
    assertThat(province.get("districtsReported").asInt()).isZero();
    assertThat(province.get("directUnitsReported").asInt()).isEqualTo(units.size() - 1);
    assertThat(figures.ofProvince(year).participants()).isEqualTo(participants);
    assertThat(figures.ofUnit(year, LATE_SCHOOL).participants()).isEqualTo(participantsOf(List.of(LATE_SCHOOL)));
    CampaignReport report = reports.report(year, access.province(year));
    assertThat(report.groups()).extracting(GroupRow::name).containsExactly(GroupRow.DIRECT_UNITS_NAME);

    // the late school is chased by the Sở itself
    assertThat(outbox("ESCALATION", "khtc.hoa", SchoolProcess.TASK_SEND_UNIT_REPORT, year)).isEqualTo(1);

    List<Email> emails = emails();
    assertThat(emails).hasSizeGreaterThan(100);
    assertThat(emails).noneMatch(e -> e.text().contains("Phòng GD&ĐT") || e.text().contains("UBND")
        || e.text().contains("cấp trung gian"));
    assertThat(emails).filteredOn(e -> e.to().equals("khtc.hoa@example.edu.vn"))
        .anyMatch(e -> e.text().contains(LATE_SCHOOL_NAME));
  }

  /**
   * The campaign of {@code year} (starting in {@code first}) from the start form to the Sở's closing
   * review: everyone confirmed, every phase done on time, every report accepted; {@link #LATE_SCHOOL}
   * never sends its report, {@link #SILENT_COMMUNE} (if there is one) never reviews. Every email due is
   * sent as the days go by.
   */
  private ProcessInstance play(String year, int first) throws Exception {
    int next = first + 1;
    driver.advanceTo(LocalDateTime.of(first, 11, 20, 8, 0));
    ProcessInstance campaign = driver.launch("khtc.hoa", CampaignDriver.startForm(year));
    driver.runDueJobs();
    sendAll();

    for (Task confirm : driver.openTasks(SchoolProcess.TASK_CONFIRM_PARTICIPANTS, year)) {
      String unit = (String) tasks.getVariable(confirm.getId(), "unitCode");
      String ids = directory.participantsOf(unit).stream().map(p -> p.id()).collect(Collectors.joining(","));
      driver.completeAs(principalOf(unit), confirm, Map.of(SchoolProcess.VAR_PARTICIPANT_IDS, ids));
    }
    completeParticipantTasks(TASK_PREPARE_PLAN, year);
    at(LocalDateTime.of(first, 12, 2, 8, 0));
    completeParticipantTasks(TASK_STUDY_COMMON_PART, year);
    at(LocalDateTime.of(next, 1, 2, 8, 0));
    completeParticipantTasks(TASK_STUDY_OPTIONAL_PART, year);
    at(LocalDateTime.of(next, 2, 10, 8, 0));
    Task guidance = driver.openTasks(CampaignProcess.TASK_PUBLISH_GUIDANCE, year).get(0);
    driver.completeAs("khtc.hoa", guidance, Map.of(CampaignProcess.VAR_GUIDANCE_CONTENT,
        "Bài thu hoạch dài 3–5 trang, nêu kế hoạch áp dụng tại thư viện đơn vị."));
    at(LocalDateTime.of(next, 3, 2, 8, 0));
    completeParticipantTasks(TASK_WRITE_REPORT, year);
    at(LocalDateTime.of(next, 4, 2, 8, 0));
    completeParticipantTasks(TASK_SUBMIT_REPORT, year);
    for (Task evaluation : driver.openTasks(TASK_EVALUATE_REPORT, year)) {
      String unit = (String) tasks.getVariable(evaluation.getId(), "unitCode");
      driver.completeAs(principalOf(unit), evaluation, Variables.putValue(VAR_REPORT_ACCEPTED, true)
          .putValue(VAR_SCORE, 9.0).putValue(VAR_EVALUATION_COMMENT, "Đạt yêu cầu."));
    }
    at(LocalDateTime.of(next, 4, 11, 8, 0));
    for (Task send : driver.openTasks(SchoolProcess.TASK_SEND_UNIT_REPORT, year)) {
      String unit = (String) tasks.getVariable(send.getId(), "unitCode");
      if (!unit.equals(LATE_SCHOOL)) {
        driver.completeAs(principalOf(unit), send, Map.of(SchoolProcess.VAR_UNIT_REPORT_NOTE, ""));
      }
    }
    // day by day, as time passes: the late school is chased, then its cut-off passes
    for (int day = 12; day <= 16; day++) {
      at(LocalDateTime.of(next, 4, day, 8, 0));
    }
    for (Task review : driver.openTasks(DistrictProcess.TASK_REVIEW_REPORT, year)) {
      String district = (String) tasks.getVariable(review.getId(), "districtCode");
      if (!district.equals(SILENT_COMMUNE)) {
        driver.completeAs(directory.districtOfficersOf(district).get(0).id(), review,
            Map.of(DistrictProcess.VAR_DISTRICT_REPORT_NOTE, "Đã tổng hợp."));
      }
    }
    for (int day = 17; day <= 20; day++) {
      at(LocalDateTime.of(next, 4, day, 8, 0));
    }
    Task provinceReview = driver.openTasks(CampaignProcess.TASK_REVIEW_PROVINCE, year).get(0);
    driver.completeAs("khtc.tuan", provinceReview, Map.of(CampaignProcess.VAR_PROVINCE_REPORT_NOTE, ""));
    sendAll();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(year + "%").count())
        .as("the campaign and everything under it ended").isZero();
    return campaign;
  }

  /** Moves the clock (running what fell due) and sends whatever the outbox then holds. */
  private void at(LocalDateTime time) {
    driver.advanceTo(time);
    sendAll();
  }

  private void sendAll() {
    for (int round = 0; round < 100 && sender.sendDue() > 0; round++) {
      // the outbox sends in batches
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE status IN ('PENDING', 'SENDING') "
        + "AND not_before <= ?", Integer.class, ClockUtil.getCurrentTime())).as("every due email sent").isZero();
  }

  private void completeParticipantTasks(String taskDefinitionKey, String year) {
    for (Task task : driver.openTasks(taskDefinitionKey, year)) {
      driver.completeAs(task.getAssignee(), task, CampaignDriver.participantInput(taskDefinitionKey));
    }
  }

  private JsonNode provinceSummary(ProcessInstance campaign) throws IOException {
    return json.readTree((String) history.createHistoricVariableInstanceQuery()
        .processInstanceId(campaign.getId()).variableName(CampaignProcess.VAR_PROVINCE_SUMMARY)
        .singleResult().getValue());
  }

  private int participantsOf(List<String> units) {
    return units.stream().mapToInt(u -> directory.participantsOf(u).size()).sum();
  }

  private String principalOf(String unitCode) {
    return directory.principalsOf(unitCode).get(0).id();
  }

  private int outbox(String kind, String recipient, String taskKey, String year) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE kind = ? AND recipient_id = ? "
        + "AND task_definition_key = ? AND school_year = ?", Integer.class, kind, recipient, taskKey, year);
  }

  /** The demo's schools with every commune taken away: each unit directly under the Sở. */
  private static List<ImportFile> flatDemo() throws IOException {
    List<ImportFile> demo = ExampleDirectories.demo();
    List<String> units = lines(demo.get(0)).stream().filter(l -> !l.split(",")[3].startsWith("UBND"))
        .map(l -> l.replaceAll(",UBND-[A-Z]+,", ",SGDDT-VL,")).toList();
    List<String> people = lines(demo.get(1)).stream().filter(l -> !l.contains(",UBND-")).toList();
    return List.of(csv(demo.get(0).fileName(), units), csv(demo.get(1).fileName(), people));
  }

  private static List<String> lines(ImportFile file) {
    return Arrays.asList(new String(file.content(), StandardCharsets.UTF_8).split("\r?\n"));
  }

  private static ImportFile csv(String name, List<String> lines) {
    return new ImportFile(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  record Email(String to, String text) {
  }

  /** Every email GreenMail received: its recipient, and its subject and every text part, decoded. */
  private List<Email> emails() throws MessagingException, IOException {
    List<Email> emails = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      StringBuilder text = new StringBuilder(message.getSubject()).append('\n');
      collect(message, text);
      emails.add(new Email(message.getAllRecipients()[0].toString().replaceAll(".*<|>.*", ""), text.toString()));
    }
    return emails;
  }

  private static void collect(Part part, StringBuilder text) throws MessagingException, IOException {
    Object content = part.getContent();
    if (content instanceof String s) {
      text.append(s).append('\n');
    } else if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        collect(body, text);
      }
    }
  }
}
