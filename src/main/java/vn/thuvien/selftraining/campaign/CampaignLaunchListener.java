package vn.thuvien.selftraining.campaign;

import static vn.thuvien.selftraining.campaign.CampaignProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.directory.CampaignStructure;
import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.system.InvalidInputException;
import vn.thuvien.selftraining.training.TaskInputRules;
import vn.thuvien.selftraining.training.CalendarLabels;
import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.training.CampaignRepository;

/**
 * Bean {@code campaignLaunch}, start listener of {@code StartEvent_CampaignLaunched}: checks the
 * start form (school year, letter, dates in order, a plan deadline not yet past, topics), refuses a second campaign for the
 * same school year, stores the calendar in {@code campaign} and names the instance by its school
 * year. The dates then live in the table, not in the instance.
 */
@Component("campaignLaunch")
public class CampaignLaunchListener implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(CampaignLaunchListener.class);

  private final CampaignRepository campaigns;
  private final Directory directory;
  private final CampaignStructure structure;
  private final Clock clock;

  public CampaignLaunchListener(CampaignRepository campaigns, Directory directory, CampaignStructure structure,
      Clock clock) {
    this.campaigns = campaigns;
    this.directory = directory;
    this.structure = structure;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    List<String> problems = new ArrayList<>();
    String schoolYear = TaskInputRules.text(execution, VAR_SCHOOL_YEAR);
    if (schoolYear == null) {
      throw new InvalidInputException("Trường \"Năm học\" là bắt buộc.");
    }
    try {
      CampaignCalendar.firstYearOf(schoolYear);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    if (campaigns.exists(schoolYear) || execution.getProcessEngineServices().getRuntimeService()
        .createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(schoolYear).count() > 0) {
      throw new InvalidInputException("Đợt tự bồi dưỡng năm học " + schoolYear
          + " đã được khởi động trước đó; mỗi năm học chỉ có một đợt.");
    }
    String letterNumber = TaskInputRules.text(execution, VAR_LETTER_NUMBER);
    if (letterNumber == null) {
      problems.add("Trường \"Số công văn\" là bắt buộc.");
    }
    LocalDate letterDate = date(execution, VAR_LETTER_DATE, "Ngày công văn", problems);
    Map<String, LocalDate> dates = new HashMap<>();
    for (String field : CALENDAR_FIELDS) {
      dates.put(field, date(execution, field, CalendarLabels.of(field), problems));
    }
    String topicText = TaskInputRules.text(execution, VAR_TOPICS);
    List<String> topics = topicText == null ? List.of()
        : Arrays.stream(topicText.split("\\R")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    Integer reminderDays = reminderDays(execution, problems);
    CampaignStructure.Route route = route(execution, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    CampaignCalendar calendar = new CampaignCalendar(schoolYear,
        dates.get("planDue"), dates.get("commonPartStart"), dates.get("commonPartDue"),
        dates.get("optionalPartStart"), dates.get("optionalPartDue"), dates.get("guidanceDue"),
        dates.get("reportWritingStart"), dates.get("reportWritingDue"), dates.get("reportSubmissionStart"),
        dates.get("reportSubmissionDue"), dates.get("evaluationDue"), dates.get("unitReportDue"),
        dates.get("districtReportDue"), dates.get("provinceReportDue"), topics);
    problems.addAll(calendar.problems());
    problems.addAll(calendar.launchProblems(LocalDate.now(clock)));
    if (directory.districtCodes().isEmpty() && directory.directUnitCodes().isEmpty()) {
      problems.add("Danh bạ chưa có đơn vị nào trực thuộc Sở hay trực thuộc " + directory.intermediateLevelName()
          + ": hãy nhập danh bạ trước khi khởi động đợt.");
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    campaigns.insert(calendar, letterNumber, letterDate);
    // the structure the campaign runs with, whatever later imports do
    int units = structure.record(schoolYear, route);
    if (reminderDays != null) {
      campaigns.setReminderDaysBefore(schoolYear, reminderDays);
    }
    execution.setProcessBusinessKey(schoolYear);
    execution.setVariable(VAR_SCHOOL_YEAR, schoolYear);
    // the calendar now lives in the campaign table; one copy only
    for (String field : CALENDAR_FIELDS) {
      execution.removeVariable(field);
    }
    execution.removeVariable(VAR_TOPICS);
    execution.removeVariable(VAR_REPORTING_ROUTE);
    LOG.info("Campaign launched: business key {}, by {} ({} units, {} intermediate units, route {})", schoolYear,
        execution.getVariable("launchedBy"), units, structure.intermediates(schoolYear).size(), route);
  }

  /** Optional: how units under an intermediate unit report (through it by default). */
  private static CampaignStructure.Route route(DelegateExecution execution, List<String> problems) {
    Object value = execution.getVariable(VAR_REPORTING_ROUTE);
    try {
      return CampaignStructure.Route.parse(value == null ? null : value.toString());
    } catch (IllegalArgumentException e) {
      problems.add("Trường \"Đường gửi báo cáo\": \"" + value + "\" không hợp lệ; chọn qua cấp trung gian hoặc thẳng về Sở.");
      return null;
    }
  }

  /** Optional: days before a due date that reminders go out, 1 to 30. */
  private static Integer reminderDays(DelegateExecution execution, List<String> problems) {
    Object value = execution.getVariable(VAR_REMINDER_DAYS_BEFORE);
    String text = value == null ? "" : value.toString().strip();
    if (text.isEmpty()) {
      return null;
    }
    try {
      int days = (int) Double.parseDouble(text);
      if (days >= 1 && days <= 30 && days == Double.parseDouble(text)) {
        execution.removeVariable(VAR_REMINDER_DAYS_BEFORE);
        return days;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add("Trường \"Nhắc việc trước hạn (ngày)\" phải là số nguyên từ 1 đến 30 (đã nhập \"" + text + "\").");
    return null;
  }

  private static LocalDate date(DelegateExecution execution, String name, String label, List<String> problems) {
    Object value = execution.getVariable(name);
    if (value instanceof java.util.Date date) {
      return date.toInstant().atZone(CampaignCalendar.ZONE).toLocalDate();
    }
    String text = value instanceof String s ? s.strip() : null;
    if (text == null || text.isEmpty()) {
      problems.add("Trường \"" + label + "\" là bắt buộc.");
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      problems.add("Trường \"" + label + "\": \"" + text + "\" không phải là ngày hợp lệ (năm-tháng-ngày).");
      return null;
    }
  }
}
