package vn.thuvien.selftraining.mail;

/** What a notice says; the label heads its line in the email. */
public enum NoticeKind {
  /** To a participant: a phase is open (not sent once the task is done: it would arrive after the fact). */
  PHASE_OPENED("Bắt đầu giai đoạn", true),
  /** To a participant or a manager: a deadline is near and the work is still open. */
  REMINDER("Sắp đến hạn", true),
  /** To a participant or a manager: the deadline passed and the work is still open. */
  OVERDUE("Đã quá hạn", true),
  /**
   * To a participant: the principal returned the report for revision; carries the reason and links
   * the reopened submission (not sent once she has submitted again).
   */
  REPORT_RETURNED("Bài thu hoạch được trả lại để chỉnh sửa", true),
  /** Weekly after the deadline, until the cut-off. */
  WEEKLY_REMINDER("Nhắc lại: vẫn chưa hoàn thành", true),
  /** To the level above: somebody under them is late. */
  ESCALATION("Báo cáo chậm trễ", true),
  /** To the level that must answer a concern raised below it. */
  CONCERN_RECEIVED("Phản ánh vướng mắc cần trả lời", false),
  /** To a level that let a concern wait too long: it went one level up. */
  CONCERN_FORWARDED_ON_TIMEOUT("Phản ánh đã được chuyển lên cấp trên", false),
  /** To the person who raised a concern: the answer. */
  CONCERN_ANSWERED("Phản ánh vướng mắc đã được trả lời", false);

  private final String label;
  private final boolean onlyWhileOpen;

  NoticeKind(String label, boolean onlyWhileOpen) {
    this.label = label;
    this.onlyWhileOpen = onlyWhileOpen;
  }

  public String label() {
    return label;
  }

  /** Dropped at sending time when the work it chases is already done. */
  public boolean onlyWhileOpen() {
    return onlyWhileOpen;
  }
}
