package vn.thuvien.selftraining.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * under it not before the unit's report is closed; nobody else. A Vietnamese 403 otherwise.
 */
@CampaignTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierAccessTest {

  static final String YEAR = "2070-2071";

  @Autowired CampaignDriver driver;
  @Autowired DirectoryImportService importer;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate rest;

  long underPhong;
  long underSo;

  @BeforeAll
  void campaignWithTwoPlans() {
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
    for (Task plan : driver.openTasks(StaffSelfTrainingProcess.TASK_PREPARE_PLAN, YEAR)) {
      if (List.of("r.nvb1", "r.nvx").contains(plan.getAssignee())) {
        driver.completeAs(plan.getAssignee(), plan, CampaignDriver.participantInput(plan.getTaskDefinitionKey()));
      }
    }
    underPhong = recordOf("r.nvb1");
    underSo = recordOf("r.nvx");
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
  void theParticipantHerPrincipalAndTheSoReadTheDossierTheUnitsPhongNotBeforeItsReport() throws Exception {
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
    // a unit directly under the Sở: its essays go to the Sở, never to a Phòng
    assertThat(pdf("r.khtc", underSo).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf("r.pgdb", underSo).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

  }

  @Test
  void eachPersonListsTheirOwnDossiersOnly() {
    ResponseEntity<String> mine = get("r.nvb1", "/api/dossiers");
    assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(mine.getBody()).contains("\"recordId\":" + underPhong).doesNotContain("\"recordId\":" + underSo);
    assertThat(get("r.nvb1", "/api/dossiers/999999999/ho-so.pdf").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
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
