package vn.thuvien.selftraining.report;

/** Where one participant stands in one phase; the label is what reports and the progress view print. */
public enum PhaseState {
  ON_TIME("Hoàn thành đúng hạn"),
  LATE("Hoàn thành trễ hạn"),
  /** Open (or never done) and past its due date. */
  OVERDUE("Quá hạn, chưa hoàn thành"),
  /** Open and not yet due. */
  OPEN("Đang thực hiện"),
  /** The phase's task has not opened yet (or never opened: the participant was closed before). */
  NOT_STARTED("Chưa bắt đầu"),
  /** The principal removed the person from the list: never overdue, late or in progress. */
  NOT_PARTICIPATING("Không tham gia");

  private final String label;

  PhaseState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean done() {
    return this == ON_TIME || this == LATE;
  }
}
