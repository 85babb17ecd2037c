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
 * Every chased user task of the models, and the ids its reminders and escalation have there. Each
 * chased task {@code Task_<Step>} has
 * <ul>
 * <li>a timeout task listener {@code TimeoutListener_<Step>DueSoon} ({@code ${remind}}, some days before
 * the due date), not drawn in the diagram;</li>
 * <li>for participants, a timeout task listener {@code TimeoutListener_<Step>Weekly}
 * ({@code ${remindWeekly}}, every week after the due date until the cut-off), not drawn either;</li>
 * <li>the escalation one level up, drawn: the non-interrupting timer {@code BoundaryEvent_<Step>Overdue}
 * (at the due date) before the service task {@code Task_Chase<Step>} ({@code ${chase}}).</li>
 * </ul>
 */
public final class ReminderLadder {

  private static final String TASK = "Task_";
  private static final String CHASE = "Task_Chase";
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

  /** Every chased user task. */
  public static Collection<ReminderStep> steps() {
    return Collections.unmodifiableCollection(STEPS.values());
  }

  /** The timeout listener of a chased user task that reminds some days before the due date. */
  public static String dueSoonListenerId(String taskDefinitionKey) {
    return "TimeoutListener_" + stepName(taskDefinitionKey) + "DueSoon";
  }

  /** The timeout listener of a participant's task that reminds weekly after the due date. */
  public static String weeklyListenerId(String taskDefinitionKey) {
    return "TimeoutListener_" + stepName(taskDefinitionKey) + "Weekly";
  }

  /** The boundary timer before the chase step of a chased user task. */
  public static String overdueEventId(String taskDefinitionKey) {
    return "BoundaryEvent_" + stepName(taskDefinitionKey) + "Overdue";
  }

  /** The step name used in element ids: {@code Task_StudyCommonPart} → {@code StudyCommonPart}. */
  public static String stepName(String taskDefinitionKey) {
    return taskDefinitionKey.substring(TASK.length());
  }

  /** The service task that tells whoever is late and escalates one level up. */
  public static String chaseTaskId(String taskDefinitionKey) {
    return CHASE + stepName(taskDefinitionKey);
  }

  /** The step a chase service task belongs to. */
  public static ReminderStep ofChaseTask(String activityId) {
    if (!activityId.startsWith(CHASE)) {
      throw new IllegalArgumentException("No reminder step for " + activityId);
    }
    return ofUserTask(TASK + activityId.substring(CHASE.length()));
  }

  /** The step of a chased user task. */
  public static ReminderStep ofUserTask(String taskDefinitionKey) {
    ReminderStep step = STEPS.get(taskDefinitionKey);
    if (step == null) {
      throw new IllegalArgumentException("No reminder step for " + taskDefinitionKey);
    }
    return step;
  }

  private static void add(String taskKey, String label, CalendarDate dueField, Audience audience) {
    STEPS.put(taskKey, new ReminderStep(taskKey, label, dueField, audience));
  }

}
