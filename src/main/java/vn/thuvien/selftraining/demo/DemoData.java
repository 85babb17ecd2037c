package vn.thuvien.selftraining.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.campaign.CampaignProcess;
import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.directory.DirectoryImportService;
import vn.thuvien.selftraining.directory.ImportFile;
import vn.thuvien.selftraining.training.CalendarDate;
import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.training.CampaignRepository;

/**
 * Profile {@code demo} only (the default when no profile is chosen). On the first run it loads the
 * demo directory of 2026 ({@code src/main/resources/demo/}: Sở GD&ĐT Vĩnh Long, its phường and xã
 * with their schools, the units directly under the Sở) through the real import, so every
 * demo person has an account with the password {@code demo}, and launches the campaign of the
 * current school year as the Phòng KHTC officer {@code khtc.hoa} would from Tasklist, so a
 * librarian logging in finds tasks at once, with the plan open and not yet due on any day of the
 * year. Idempotent: a restart adds nothing twice.
 */
@Component
@Profile("demo")
public class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  static final String DEPARTMENT_OFFICER = "khtc.hoa";

  private final DirectoryImportService importer;
  private final Directory directory;
  private final CampaignRepository campaigns;
  private final IdentityService identity;
  private final FormService forms;
  private final RepositoryService repository;
  private final Clock clock;

  public DemoData(DirectoryImportService importer, Directory directory, CampaignRepository campaigns,
      IdentityService identity, FormService forms, RepositoryService repository, Clock clock) {
    this.importer = importer;
    this.directory = directory;
    this.campaigns = campaigns;
    this.identity = identity;
    this.forms = forms;
    this.repository = repository;
    this.clock = clock;
  }

  @EventListener
  @Order(100)
  public void onDeployed(PostDeployEvent event) throws IOException {
    loadUnlessThere();
  }

  /** The demo directory and the current school year's campaign, each unless it is already there. */
  public void loadUnlessThere() throws IOException {
    if (directory.isEmpty()) {
      importer.importAsSystem(List.of(file("demo/don-vi.csv"), file("demo/nhan-su.csv")));
      LOG.info("Demo directory loaded");
    }
    LocalDate today = LocalDate.now(clock);
    String schoolYear = CampaignCalendar.schoolYearOf(today);
    if (!campaigns.exists(schoolYear)) {
      launch(CampaignCalendar.defaultOn(today));
    }
  }

  /**
   * Submits the campaign's start form as the Phòng KHTC officer, with the letter's calendar placed
   * on today ({@link CampaignCalendar#defaultOn}): whatever day the demo first runs, the plan phase
   * is open and not yet due.
   */
  private void launch(CampaignCalendar calendar) {
    String schoolYear = calendar.schoolYear();
    Map<String, Object> form = new HashMap<>();
    form.put(CampaignProcess.VAR_SCHOOL_YEAR, schoolYear);
    form.put(CampaignProcess.VAR_LETTER_NUMBER, "2458/SGD&ĐT-KHTC");
    form.put(CampaignProcess.VAR_LETTER_DATE, LocalDate.now(clock).toString());
    for (CalendarDate date : CalendarDate.values()) {
      form.put(date.field(), calendar.get(date).toString());
    }
    form.put(CampaignProcess.VAR_TOPICS, String.join("\n", calendar.topics()));
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(CampaignProcess.KEY)
        .latestVersion().singleResult().getId();
    List<String> groups = identity.createGroupQuery().groupMember(DEPARTMENT_OFFICER).list().stream()
        .map(Group::getId).toList();
    identity.setAuthentication(DEPARTMENT_OFFICER, groups);
    try {
      forms.submitStartForm(definitionId, form);
    } finally {
      identity.clearAuthentication();
    }
    LOG.info("Demo campaign {} launched as {}", schoolYear, DEPARTMENT_OFFICER);
  }

  private static ImportFile file(String path) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return new ImportFile(path.substring(path.lastIndexOf('/') + 1), in.readAllBytes());
    }
  }
}
