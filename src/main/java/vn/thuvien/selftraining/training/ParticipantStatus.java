package vn.thuvien.selftraining.training;

/** Where a participant stands in the school year; the label is what reports print. */
public enum ParticipantStatus {
  IN_PROGRESS("Đang thực hiện"),
  SUBMITTED("Đã nộp thu hoạch – chờ đánh giá"),
  RETURNED("Thu hoạch được trả lại để chỉnh sửa"),
  EVALUATED("Đã được đánh giá"),
  /** The unit's cut-off passed with the report submitted but not yet evaluated by the principal. */
  SUBMITTED_NOT_EVALUATED("Đã nộp thu hoạch – chưa được đánh giá"),
  INCOMPLETE_OVERDUE("Không hoàn thành – quá hạn"),
  /** The principal confirmed that this person does not take part this year. */
  WITHDRAWN("Không tham gia (theo xác nhận của Hiệu trưởng)");

  private final String label;

  ParticipantStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
