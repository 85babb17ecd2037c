package vn.thuvien.selftraining.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.thuvien.selftraining.concern.ConcernProcess.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.thuvien.selftraining.CampaignTest;
import vn.thuvien.selftraining.SmallProvince;
import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.campaign.CampaignDriver;
import vn.thuvien.selftraining.training.CampaignRepository;
import vn.thuvien.selftraining.directory.DirectoryImportService;
import vn.thuvien.selftraining.mail.MailDigest;
import vn.thuvien.selftraining.mail.MailDigests;
import vn.thuvien.selftraining.mail.OutboxRow;
import vn.thuvien.selftraining.mail.OutboxRows;
import vn.thuvien.selftraining.system.InvalidInputException;

/**
 * Concerns raised by each kind of person in the small province, routed one level up, answered,
 * forwarded by hand and on timeout, with the asker's email and the chain's privacy.
 */
@CampaignTest
class ConcernProcessTest {

  static final String YEAR = "2042-2043";

  @Autowired CampaignDriver driver;
  @Autowired DirectoryImportService importer;
  @Autowired CampaignRepository campaigns;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired Concerns concerns;
  @Autowired JdbcTemplate jdbc;
  @Autowired OutboxRows outboxRows;
  @Autowired MailDigests digests;
  @Autowired TestRestTemplate rest;

  @BeforeEach
  void setUp() {
    importer.importAsSystem(SmallProvince.files());
    if (!campaigns.exists(YEAR)) {
      campaigns.insert(CampaignCalendar.defaultFor(YEAR), "2458/SGD&ĐT-KHTC", LocalDate.of(2042, 12, 4));
    }
    // a Friday morning
    driver.advanceTo(LocalDateTime.of(2042, 11, 14, 10, 0));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    runtime.createProcessInstanceQuery().processDefinitionKey(KEY).list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "Kết thúc ca kiểm thử", true));
  }

  @Test
  void aParticipantsConcernGoesToThePrincipalWhoseAnswerReachesTheAsker() throws Exception {
    ProcessInstance instance = raise("r.nva1", "Chưa nhận được tài liệu Phần chung",
        "Trường chưa nhận được tài liệu bồi dưỡng Phần chung của Sở.");
    Task task = answerTask(instance);
    assertThat(task.getName()).isEqualTo("Trả lời phản ánh: Chưa nhận được tài liệu Phần chung");
    assertThat(candidates(task)).containsExactly("principal-THCS-A1");
    assertThat(task.getDueDate()).isEqualTo(at(2042, 11, 19, 10, 0));
    assertThat(outbox("CONCERN_RECEIVED", "r.hta1", instance)).singleElement()
        .satisfies(row -> assertThat(row.detail()).isEqualTo("Trường chưa nhận được tài liệu bồi dưỡng Phần chung của Sở."));

    driver.completeAs("r.hta1", task, Map.of(VAR_DECISION, DECISION_ANSWER,
        VAR_ANSWER, "Nhà trường đã nhận tài liệu, thư viện nhận tại văn phòng từ thứ Hai."));
    long id = concernId(instance);
    Concerns.Concern concern = concerns.find(id).orElseThrow();
    assertThat(concern.status()).isEqualTo(Concerns.Status.ANSWERED);
    assertThat(concern.answeredBy()).isEqualTo("r.hta1");
    assertThat(concerns.thread(id)).extracting(Concerns.Entry::kind)
        .containsExactly(Concerns.EntryKind.RAISED, Concerns.EntryKind.ANSWERED);

    // the asker's email carries the answer, signed; the read task links from it
    List<OutboxRow> answered = outbox("CONCERN_ANSWERED", "r.nva1", instance);
    assertThat(answered).singleElement().satisfies(row -> {
      assertThat(row.recipientEmail()).isEqualTo("r.nva1@example.edu.vn");
      assertThat(row.taskDefinitionKey()).isEqualTo(TASK_READ_ANSWER);
    });
    Task read = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(read.getTaskDefinitionKey()).isEqualTo(TASK_READ_ANSWER);
    assertThat(read.getAssignee()).isEqualTo("r.nva1");
    MailDigest mail = digests.compose(answered, Map.of(answered.get(0).taskRef(), read.getId()));
    assertThat(mail.subject()).isEqualTo(
        "[Tự bồi dưỡng thư viện] Phản ánh vướng mắc đã được trả lời: Chưa nhận được tài liệu Phần chung");
    assertThat(digests.text(mail)).contains("Nội dung trả lời:",
        "Nhà trường đã nhận tài liệu, thư viện nhận tại văn phòng từ thứ Hai.",
        "— Trần Văn Hải, Hiệu trưởng Trường THCS An Hòa 1", read.getId());
    assertThat(digests.html(mail)).contains("Nội dung trả lời", "thư viện nhận tại văn phòng từ thứ Hai.");

    // the thread over HTTP, for the asker
    ResponseEntity<String> thread = get("r.nva1", "/api/concerns/" + id);
    assertThat(thread.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(thread.getBody()).contains("Gửi phản ánh", "Trả lời", "Trần Văn Hải");
    driver.completeAs("r.nva1", read, Map.of());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();

    // the unit's report carries the answered concern on its "Tổng hợp vướng mắc" sheet
    ResponseEntity<byte[]> workbook = rest.withBasicAuth("r.hta1", SmallProvince.PASSWORD)
        .getForEntity("/api/reports/" + YEAR + "/bao-cao.xlsx?scope=unit:THCS-A1", byte[].class);
    assertThat(workbook.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook xlsx =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook.getBody()))) {
      List<String> cells = new java.util.ArrayList<>();
      xlsx.getSheet("Tổng hợp vướng mắc").forEach(row -> row.forEach(cell -> cells.add(cell.toString())));
      assertThat(cells).contains("Nguyễn Thị Lan Anh", "Chưa nhận được tài liệu Phần chung",
          "Nhà trường đã nhận tài liệu, thư viện nhận tại văn phòng từ thứ Hai.",
          "Trần Văn Hải (Hiệu trưởng Trường THCS An Hòa 1)");
    }
  }

  @Test
  void eachKindOfPersonRaisesToTheLevelAboveThem() {
    assertThat(candidates(answerTask(raise("r.hta2", "Thiếu kinh phí mua tài liệu", "Đề nghị hướng dẫn."))))
        .containsExactly("district-PGD-A");
    assertThat(candidates(answerTask(raise("r.htx", "Trường trực thuộc Sở", "Hỏi về hạn báo cáo."))))
        .containsExactly("department-officers");
    assertThat(candidates(answerTask(raise("r.pgda", "Phòng hỏi Sở", "Hỏi về mẫu báo cáo tổng hợp."))))
        .containsExactly("department-officers");
    assertThat(candidates(answerTask(raise("r.gva1", "Giáo viên kiêm nhiệm", "Hỏi về thời gian."))))
        .containsExactly("principal-THCS-A1");
    // Phòng KHTC is the top: it may not start one
    assertThatThrownBy(() -> raise("r.khtc", "Sở", "Không có cấp trên.")).isInstanceOf(AuthorizationException.class);
  }

  @Test
  void aConcernIsForwardedByHandWithANoteUpToPhongKhtcWhichMustAnswer() {
    ProcessInstance instance = raise("r.nva2", "Không mở được tài liệu", "Tệp tài liệu bị lỗi.");
    driver.completeAs("r.hta2", answerTask(instance), Map.of(VAR_DECISION, DECISION_FORWARD,
        VAR_FORWARD_NOTE, "Vượt thẩm quyền của trường, đề nghị Phòng cấp lại tài liệu."));
    Task atDistrict = answerTask(instance);
    assertThat(candidates(atDistrict)).containsExactly("district-PGD-A");
    assertThat(outbox("CONCERN_RECEIVED", "r.pgda", instance)).hasSize(1);
    driver.completeAs("r.pgda", atDistrict, Map.of(VAR_DECISION, DECISION_FORWARD, VAR_FORWARD_NOTE, "Chuyển Sở."));
    Task atTop = answerTask(instance);
    assertThat(candidates(atTop)).containsExactly("department-officers");

    assertThatThrownBy(() -> driver.completeAs("r.khtc", atTop, Map.of(VAR_DECISION, DECISION_FORWARD,
        VAR_FORWARD_NOTE, "?")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Phòng KHTC là cấp cao nhất");
    assertThatThrownBy(() -> driver.completeAs("r.khtc", atTop, Map.of(VAR_DECISION, DECISION_ANSWER)))
        .hasMessage("Trường \"Nội dung trả lời\" là bắt buộc.");
    driver.completeAs("r.khtc", atTop, Map.of(VAR_DECISION, DECISION_ANSWER, VAR_ANSWER, "Sở gửi lại tài liệu."));

    List<Concerns.Entry> thread = concerns.thread(concernId(instance));
    assertThat(thread).extracting(Concerns.Entry::kind).containsExactly(Concerns.EntryKind.RAISED,
        Concerns.EntryKind.FORWARDED, Concerns.EntryKind.FORWARDED, Concerns.EntryKind.ANSWERED);
    assertThat(thread.get(1).actorName()).isEqualTo("Đinh Thị Hạnh");
    assertThat(thread.get(1).text()).isEqualTo("Vượt thẩm quyền của trường, đề nghị Phòng cấp lại tài liệu.");
    assertThat(thread.get(1).toLabel()).isEqualTo("Phòng GD&ĐT An Hòa");
    assertThat(thread.get(3).actorName()).isEqualTo("Phạm Thị An");
  }

  @Test
  void unansweredForThreeWorkingDaysItGoesUpByItselfAndTheLevelIsToldWhy() {
    ProcessInstance instance = raise("r.nvb1", "Chưa có hướng dẫn", "Chưa có hướng dẫn viết thu hoạch.");
    // Friday 10:00 + 3 working days = Wednesday 10:00
    driver.advanceTo(LocalDateTime.of(2042, 11, 19, 9, 59));
    assertThat(candidates(answerTask(instance))).containsExactly("principal-TH-B1");
    driver.advanceTo(LocalDateTime.of(2042, 11, 19, 10, 1));
    assertThat(candidates(answerTask(instance))).containsExactly("district-PGD-B");
    assertThat(outbox("CONCERN_FORWARDED_ON_TIMEOUT", "r.htb1", instance)).singleElement().satisfies(row ->
        assertThat(row.detail()).isEqualTo("Phản ánh chưa được trả lời sau 3 ngày làm việc nên hệ thống đã tự động "
            + "chuyển từ Hiệu trưởng Trường Tiểu học Bình Minh 1 lên Phòng GD&ĐT Bình Minh."));
    assertThat(outbox("CONCERN_RECEIVED", "r.pgdb", instance)).hasSize(1);

    // Wednesday + 3 working days = Monday; then Phòng KHTC, the top, is reminded instead
    driver.advanceTo(LocalDateTime.of(2042, 11, 24, 10, 2));
    assertThat(candidates(answerTask(instance))).containsExactly("department-officers");
    driver.advanceTo(LocalDateTime.of(2042, 11, 27, 10, 3));
    assertThat(candidates(answerTask(instance))).containsExactly("department-officers");
    assertThat(outbox("OVERDUE", "r.khtc", instance)).hasSize(1);
    assertThat(concerns.thread(concernId(instance))).extracting(Concerns.Entry::kind).containsExactly(
        Concerns.EntryKind.RAISED, Concerns.EntryKind.AUTO_FORWARDED, Concerns.EntryKind.AUTO_FORWARDED,
        Concerns.EntryKind.REMINDED);
  }

  @Test
  void nobodyOutsideTheChainSeesTheConcern() {
    ProcessInstance instance = raise("r.nva1", "Riêng tư", "Chỉ các cấp xử lý được xem.");
    long id = concernId(instance);
    for (String outsider : List.of("r.hta2", "r.pgdb", "r.gva1", "r.htx")) {
      assertThat(driver.as(outsider, () -> tasks.createTaskQuery().processInstanceId(instance.getId()).count()))
          .as(outsider).isZero();
      assertThat(driver.as(outsider, () -> runtime.createProcessInstanceQuery().processInstanceId(instance.getId())
          .count())).as(outsider).isZero();
      assertThat(get(outsider, "/api/concerns/" + id).getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(get(outsider, "/api/concerns").getBody()).as(outsider).doesNotContain("Riêng tư");
    }
    for (String inChain : List.of("r.nva1", "r.hta1", "r.pgda", "r.khtc")) {
      assertThat(get(inChain, "/api/concerns/" + id).getStatusCode()).as(inChain).isEqualTo(HttpStatus.OK);
      assertThat(get(inChain, "/api/concerns?status=OPEN").getBody()).as(inChain).contains("Riêng tư");
    }
    assertThat(driver.as("r.hta1", () -> tasks.createTaskQuery().processInstanceId(instance.getId()).count()))
        .isEqualTo(1);
    assertThat(driver.as("r.pgda", () -> runtime.createProcessInstanceQuery().processInstanceId(instance.getId())
        .count())).isEqualTo(1);
  }

  @Test
  void aConcernWithoutSubjectOrCampaignIsRefusedAndNothingIsKept() {
    int before = jdbc.queryForObject("SELECT COUNT(*) FROM concern", Integer.class);
    Map<String, Object> form = new HashMap<>(Map.of(VAR_SUBJECT, " ", VAR_DESCRIPTION, "", VAR_SCHOOL_YEAR, "2099-2100"));
    assertThatThrownBy(() -> start("r.nva1", form))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Trường \"Tiêu đề\" là bắt buộc.")
        .hasMessageContaining("Trường \"Nội dung vướng mắc\" là bắt buộc.")
        .hasMessageContaining("Chưa có đợt tự bồi dưỡng năm học \"2099-2100\"");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM concern", Integer.class)).isEqualTo(before);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
  }

  private ProcessInstance raise(String userId, String subject, String description) {
    return start(userId, Map.of(VAR_SCHOOL_YEAR, YEAR, VAR_SUBJECT, subject, VAR_DESCRIPTION, description));
  }

  private ProcessInstance start(String userId, Map<String, Object> form) {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
        .singleResult().getId();
    return driver.as(userId, () -> forms.submitStartForm(definitionId, form));
  }

  private Task answerTask(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_ANSWER).singleResult();
  }

  private List<String> candidates(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(link -> link.getGroupId() != null)
        .map(link -> link.getGroupId()).toList();
  }

  private long concernId(ProcessInstance instance) {
    return jdbc.queryForObject("SELECT id FROM concern WHERE process_instance_id = ?", Long.class, instance.getId());
  }

  private List<OutboxRow> outbox(String kind, String recipient, ProcessInstance instance) {
    return jdbc.queryForList("SELECT id FROM mail_outbox WHERE kind = ? AND recipient_id = ? AND process_instance_id = ?",
        Long.class, kind, recipient, instance.getId()).stream().map(id -> outboxRows.find(id).orElseThrow()).toList();
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, SmallProvince.PASSWORD).getForEntity(path, String.class);
  }

  private static java.util.Date at(int year, int month, int day, int hour, int minute) {
    return java.util.Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(CampaignCalendar.ZONE).toInstant());
  }
}
