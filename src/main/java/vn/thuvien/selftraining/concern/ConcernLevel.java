package vn.thuvien.selftraining.concern;

/** Who must answer a concern now. */
public enum ConcernLevel {
  /** The principals of the raiser's unit. */
  UNIT,
  /** The officers of the unit's Phòng GD&ĐT. */
  DISTRICT,
  /** Phòng KHTC of the Sở: the top, nobody to forward to. */
  DEPARTMENT
}
