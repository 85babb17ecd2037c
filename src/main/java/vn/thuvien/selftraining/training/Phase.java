package vn.thuvien.selftraining.training;

/**
 * The steps a participant goes through in a school year, in order. Each phase is one user task of
 * {@code staff-self-training}; the label is what people read in reports and messages.
 */
public enum Phase {
  PLAN(StaffSelfTrainingProcess.TASK_PREPARE_PLAN, "Lập hồ sơ tự bồi dưỡng và kế hoạch",
      null, CalendarDate.PLAN_DUE),
  COMMON_PART(StaffSelfTrainingProcess.TASK_STUDY_COMMON_PART, "Tự bồi dưỡng Phần chung",
      CalendarDate.COMMON_PART_START, CalendarDate.COMMON_PART_DUE),
  OPTIONAL_PART(StaffSelfTrainingProcess.TASK_STUDY_OPTIONAL_PART, "Tự bồi dưỡng Phần tự chọn",
      CalendarDate.OPTIONAL_PART_START, CalendarDate.OPTIONAL_PART_DUE),
  REPORT_WRITING(StaffSelfTrainingProcess.TASK_WRITE_REPORT, "Viết thu hoạch",
      CalendarDate.REPORT_WRITING_START, CalendarDate.REPORT_WRITING_DUE),
  REPORT_SUBMISSION(StaffSelfTrainingProcess.TASK_SUBMIT_REPORT, "Nộp thu hoạch",
      CalendarDate.REPORT_SUBMISSION_START, CalendarDate.REPORT_SUBMISSION_DUE),
  EVALUATION(StaffSelfTrainingProcess.TASK_EVALUATE_REPORT, "Đánh giá thu hoạch",
      CalendarDate.REPORT_SUBMISSION_START, CalendarDate.EVALUATION_DUE);

  private final String taskId;
  private final String label;
  private final CalendarDate opens;
  private final CalendarDate due;

  Phase(String taskId, String label, CalendarDate opens, CalendarDate due) {
    this.taskId = taskId;
    this.label = label;
    this.opens = opens;
    this.due = due;
  }

  /** The date the phase opens on, or {@code null} when it is open from the start (the plan). */
  public CalendarDate opens() {
    return opens;
  }

  /** The date the phase is due on. */
  public CalendarDate due() {
    return due;
  }

  public String taskId() {
    return taskId;
  }

  public String label() {
    return label;
  }

  public static Phase ofTask(String taskDefinitionKey) {
    for (Phase phase : values()) {
      if (phase.taskId.equals(taskDefinitionKey)) {
        return phase;
      }
    }
    throw new IllegalArgumentException("No phase for task " + taskDefinitionKey);
  }
}
