package vn.thuvien.selftraining.reminder;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.thuvien.selftraining.campaign.CampaignProcess;
import vn.thuvien.selftraining.campaign.DistrictProcess;
import vn.thuvien.selftraining.campaign.SchoolProcess;
import vn.thuvien.selftraining.reminder.ReminderStep.Audience;
import vn.thuvien.selftraining.training.CalendarDate;
import vn.thuvien.selftraining.training.Phase;

/**
 * Every rung of the ladder in the models, by the id of its service task. Each chased user task has
 * two: {@code Task_Remind<Step>} after the timer {@code BoundaryEvent_<Step>DueSoon} (some days
 * before the due date) and {@code Task_Chase<Step>} after {@code BoundaryEvent_<Step>Overdue} (at the
 * due date, then weekly for participants until the cut-off).
 */
public final class ReminderLadder {

  private static final Map<String, ReminderStep> STEPS = new LinkedHashMap<>();

  static {
    for (Phase phase : List.of(Phase.PLAN, Phase.COMMON_PART, Phase.OPTIONAL_PART, Phase.REPORT_WRITING,
        Phase.REPORT_SUBMISSION)) {
      add(phase.taskId(), phase.label(), phase.due(), Audience.PARTICIPANT);
    }
    add(Phase.EVALUATION.taskId(), Phase.EVALUATION.label(), Phase.EVALUATION.due(), Audience.PRINCIPALS);
    add(SchoolProcess.TASK_SEND_UNIT_REPORT, "Gửi báo cáo của đơn vị", CalendarDate.UNIT_REPORT_DUE, Audience.PRINCIPALS);
    add(DistrictProcess.TASK_REVIEW_REPORT, "Duyệt và gửi báo cáo tổng hợp về Sở", CalendarDate.DISTRICT_REPORT_DUE,
        Audience.DISTRICT_OFFICERS);
    add(CampaignProcess.TASK_PUBLISH_GUIDANCE, "Ban hành hướng dẫn viết thu hoạch", CalendarDate.GUIDANCE_DUE,
        Audience.DEPARTMENT_OFFICERS);
  }

  private ReminderLadder() {
  }

  /** Every rung: a remind and a chase step for each chased user task. */
  public static Collection<ReminderStep> steps() {
    return Collections.unmodifiableCollection(STEPS.values());
  }

  /** The boundary timer before the remind step of a chased user task. */
  public static String dueSoonEventId(String taskDefinitionKey) {
    return "BoundaryEvent_" + stepName(taskDefinitionKey) + "DueSoon";
  }

  /** The boundary timer before the chase step of a chased user task. */
  public static String overdueEventId(String taskDefinitionKey) {
    return "BoundaryEvent_" + stepName(taskDefinitionKey) + "Overdue";
  }

  /** The step name used in element ids: {@code Task_StudyCommonPart} → {@code StudyCommonPart}. */
  public static String stepName(String taskDefinitionKey) {
    return taskDefinitionKey.substring("Task_".length());
  }

  public static String remindTaskId(String taskDefinitionKey) {
    return "Task_Remind" + stepName(taskDefinitionKey);
  }

  public static String chaseTaskId(String taskDefinitionKey) {
    return "Task_Chase" + stepName(taskDefinitionKey);
  }

  /** The step a ladder service task belongs to. */
  public static ReminderStep ofServiceTask(String activityId) {
    ReminderStep step = STEPS.get(activityId);
    if (step == null) {
      throw new IllegalArgumentException("No reminder step for " + activityId);
    }
    return step;
  }

  public static ReminderStep ofUserTask(String taskDefinitionKey) {
    return ofServiceTask(remindTaskId(taskDefinitionKey));
  }

  private static void add(String taskKey, String label, CalendarDate dueField, Audience audience) {
    ReminderStep remind = new ReminderStep(remindTaskId(taskKey), taskKey, label, dueField, audience);
    STEPS.put(remind.serviceTaskId(), remind);
    STEPS.put(chaseTaskId(taskKey), new ReminderStep(chaseTaskId(taskKey), taskKey, label, dueField, audience));
  }

}
