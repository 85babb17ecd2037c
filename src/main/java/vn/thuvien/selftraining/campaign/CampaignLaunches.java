package vn.thuvien.selftraining.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

import vn.thuvien.selftraining.directory.CampaignStructure;
import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.system.InvalidInputException;
import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.training.CampaignRepository;

/**
 * Launches a campaign from its start form: refuses a second campaign of the same school year, the
 * form's problems, a calendar out of order or already past today, an empty directory; then stores the
 * calendar in {@code campaign} and records the structure the campaign runs with, whatever later
 * imports do.
 */
@Service
public class CampaignLaunches {

  private final CampaignRepository campaigns;
  private final Directory directory;
  private final CampaignStructure structure;
  private final RuntimeService runtime;
  private final Clock clock;

  public CampaignLaunches(CampaignRepository campaigns, Directory directory, CampaignStructure structure,
      RuntimeService runtime, Clock clock) {
    this.campaigns = campaigns;
    this.directory = directory;
    this.structure = structure;
    this.runtime = runtime;
    this.clock = clock;
  }

  /** @return how many units take part */
  public int launch(CampaignStartForm form) {
    String schoolYear = form.schoolYear();
    if (campaigns.exists(schoolYear) || runtime.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY)
        .processInstanceBusinessKey(schoolYear).count() > 0) {
      throw new InvalidInputException("Đợt tự bồi dưỡng năm học " + schoolYear
          + " đã được khởi động trước đó; mỗi năm học chỉ có một đợt.");
    }
    if (!form.problems().isEmpty()) {
      throw new InvalidInputException(form.problems());
    }
    List<String> problems = new ArrayList<>(form.calendar()
        .launchChecks(LocalDate.now(clock), directory.intermediateLevelName()).stream()
        .map(CampaignCalendar.Problem::message).toList());
    if (directory.districtCodes().isEmpty() && directory.directUnitCodes().isEmpty()) {
      problems.add("Danh bạ chưa có đơn vị nào trực thuộc Sở hay trực thuộc " + directory.intermediateLevelName()
          + ": hãy nhập danh bạ trước khi khởi động đợt.");
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    campaigns.insert(form.calendar(), form.letterNumber(), form.letterDate());
    int units = structure.record(schoolYear, form.route());
    if (form.reminderDaysBefore() != null) {
      campaigns.setReminderDaysBefore(schoolYear, form.reminderDaysBefore());
    }
    return units;
  }
}
