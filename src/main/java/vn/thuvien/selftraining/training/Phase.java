package vn.thuvien.selftraining.training;

/**
 * The steps a participant goes through in a school year, in order. Each phase is one user task of
 * {@code staff-self-training}; the label is what people read in reports and messages.
 */
public enum Phase {
  PLAN(StaffSelfTrainingProcess.TASK_PREPARE_PLAN, "Lập hồ sơ tự bồi dưỡng và kế hoạch"),
  COMMON_PART(StaffSelfTrainingProcess.TASK_STUDY_COMMON_PART, "Tự bồi dưỡng Phần chung"),
  OPTIONAL_PART(StaffSelfTrainingProcess.TASK_STUDY_OPTIONAL_PART, "Tự bồi dưỡng Phần tự chọn"),
  REPORT_WRITING(StaffSelfTrainingProcess.TASK_WRITE_REPORT, "Viết thu hoạch"),
  REPORT_SUBMISSION(StaffSelfTrainingProcess.TASK_SUBMIT_REPORT, "Nộp thu hoạch"),
  EVALUATION(StaffSelfTrainingProcess.TASK_EVALUATE_REPORT, "Đánh giá thu hoạch");

  private final String taskId;
  private final String label;

  Phase(String taskId, String label) {
    this.taskId = taskId;
    this.label = label;
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
