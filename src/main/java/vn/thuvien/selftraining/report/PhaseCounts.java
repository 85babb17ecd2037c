package vn.thuvien.selftraining.report;

/** How many participants of a scope stand in each {@link PhaseState} of one phase. */
public record PhaseCounts(int onTime, int late, int overdue, int open, int notStarted) {

  public static final PhaseCounts ZERO = new PhaseCounts(0, 0, 0, 0, 0);

  public int done() {
    return onTime + late;
  }

  /** Everyone who has not done the phase, whatever the reason. */
  public int notDone() {
    return overdue + open + notStarted;
  }

  public int count(PhaseState state) {
    return switch (state) {
      case ON_TIME -> onTime;
      case LATE -> late;
      case OVERDUE -> overdue;
      case OPEN -> open;
      case NOT_STARTED -> notStarted;
      // people the principal removed are not participants: in no count
      case NOT_PARTICIPATING -> 0;
    };
  }

  public PhaseCounts plus(PhaseCounts o) {
    return new PhaseCounts(onTime + o.onTime, late + o.late, overdue + o.overdue, open + o.open,
        notStarted + o.notStarted);
  }

  public PhaseCounts plus(PhaseState state) {
    return plus(new PhaseCounts(state == PhaseState.ON_TIME ? 1 : 0, state == PhaseState.LATE ? 1 : 0,
        state == PhaseState.OVERDUE ? 1 : 0, state == PhaseState.OPEN ? 1 : 0, state == PhaseState.NOT_STARTED ? 1 : 0));
  }
}
