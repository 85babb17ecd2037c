package vn.thuvien.selftraining.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.directory.DirectoryImportService;
import vn.thuvien.selftraining.directory.ExampleDirectories;
import vn.thuvien.selftraining.training.CalendarDate;
import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.training.StaffSelfTrainingProcess;

/**
 * Drives a campaign the way people and time would: loads the demo directory (or the letter's
 * directory of 2017) through the real import, submits the Sở's start form as a Phòng KHTC officer,
 * completes tasks as the person who sees them, moves the engine's clock and runs whatever jobs
 * fell due.
 */
@Component
public class CampaignDriver {

  public static final byte[] PDF = "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII);

  private final DirectoryImportService importer;
  private final IdentityService identity;
  private final FormService forms;
  private final RepositoryService repository;
  private final TaskService tasks;
  private final ManagementService management;

  CampaignDriver(DirectoryImportService importer, IdentityService identity, FormService forms,
      RepositoryService repository, TaskService tasks, ManagementService management) {
    this.importer = importer;
    this.identity = identity;
    this.forms = forms;
    this.repository = repository;
    this.tasks = tasks;
    this.management = management;
  }

  public void loadDemoDirectory() throws IOException {
    importer.importAsSystem(ExampleDirectories.demo());
  }

  /** The letter's three-level directory of 2017 ({@code examples/ben-tre-2017/}): 9 Phòng GD&ĐT. */
  public void loadBenTre2017Directory() throws IOException {
    importer.importAsSystem(ExampleDirectories.benTre2017());
  }

  /** The start form as Tasklist submits it: strings, dates as yyyy-MM-dd. */
  public static Map<String, Object> startForm(String schoolYear) {
    CampaignCalendar calendar = CampaignCalendar.defaultFor(schoolYear);
    Map<String, Object> form = new HashMap<>();
    form.put(CampaignProcess.VAR_SCHOOL_YEAR, schoolYear);
    form.put(CampaignProcess.VAR_LETTER_NUMBER, "2458/SGD&ĐT-KHTC");
    form.put(CampaignProcess.VAR_LETTER_DATE, calendar.get(CalendarDate.COMMON_PART_START).plusDays(3).toString());
    for (CalendarDate field : CalendarDate.values()) {
      form.put(field.field(), calendar.get(field).toString());
    }
    form.put(CampaignProcess.VAR_TOPICS, String.join("\n", calendar.topics()));
    return form;
  }

  public ProcessInstance launch(String userId, Map<String, Object> form) {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(CampaignProcess.KEY)
        .latestVersion().singleResult().getId();
    return as(userId, () -> forms.submitStartForm(definitionId, form));
  }

  /** Runs, as the given user with their groups, an action of theirs. */
  public <T> T as(String userId, java.util.function.Supplier<T> action) {
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identity.setAuthentication(userId, groups);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  public void completeAs(String userId, Task task, Map<String, Object> variables) {
    as(userId, () -> {
      tasks.complete(task.getId(), variables);
      return null;
    });
  }

  /** Moves the clock and runs every job due by then, until none is left. */
  public void advanceTo(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(CampaignCalendar.ZONE).toInstant()));
    runDueJobs();
  }

  public void runDueJobs() {
    for (int round = 0; round < 1000; round++) {
      List<Job> due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        // an earlier job of the round may have removed this one (a cut-off ends its reminders)
        if (management.createJobQuery().jobId(job.getId()).count() > 0) {
          management.executeJob(job.getId());
        }
      }
    }
    throw new AssertionError("Jobs keep falling due");
  }

  public List<Task> openTasks(String taskDefinitionKey, String businessKeyPrefix) {
    return tasks.createTaskQuery().taskDefinitionKey(taskDefinitionKey)
        .processInstanceBusinessKeyLike(businessKeyPrefix + "%").list();
  }

  /** What each participant's form would hold for the phase of the task. */
  public static Map<String, Object> participantInput(String taskDefinitionKey) {
    return switch (taskDefinitionKey) {
      case StaffSelfTrainingProcess.TASK_PREPARE_PLAN -> Variables.putValue("planMaterials", "Tài liệu bồi dưỡng nghiệp vụ")
          .putValue("planSchedule", "Chiều thứ Ba hằng tuần").putValue("planMethod", "Tự đọc, ghi chép");
      case StaffSelfTrainingProcess.TASK_STUDY_COMMON_PART -> Variables.putValue("commonPartNotes", "Ghi chép Phần chung")
          .putValue("commonPartDone", true);
      case StaffSelfTrainingProcess.TASK_STUDY_OPTIONAL_PART -> Variables.putValue("topic", "Thu hút bạn đọc")
          .putValue("optionalPartNotes", "Ghi chép chuyên đề").putValue("optionalPartDone", true);
      case StaffSelfTrainingProcess.TASK_WRITE_REPORT -> Variables.putValue("reportTitle", "Thu hút bạn đọc đến thư viện")
          .putValue("reportWritten", true);
      case StaffSelfTrainingProcess.TASK_SUBMIT_REPORT -> Variables.putValue("reportFile",
          Variables.fileValue("thu-hoach.pdf").file(PDF).mimeType("application/pdf").create());
      default -> throw new IllegalArgumentException(taskDefinitionKey);
    };
  }
}
