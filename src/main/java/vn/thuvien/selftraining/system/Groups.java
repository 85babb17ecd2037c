package vn.thuvien.selftraining.system;

/**
 * Camunda group ids derived from the directory. Candidate groups of tasks, authorizations and
 * Tasklist filters all use these, so a person's groups decide what they see.
 */
public final class Groups {

  /** Every librarian and teacher-librarian. */
  public static final String PARTICIPANTS = "participants";
  /** Every principal. */
  public static final String PRINCIPALS = "principals";
  /** Every officer of any Phòng GD&ĐT. */
  public static final String DISTRICT_OFFICERS = "district-officers";
  /** Officers of the Sở's Phòng KHTC: see and run the whole campaign. */
  public static final String DEPARTMENT_OFFICERS = "department-officers";
  /** Camunda's own administrators group. */
  public static final String ADMINS = "camunda-admin";

  private Groups() {
  }

  /** The principals of one unit: candidates of its evaluations and unit report. */
  public static String principalsOf(String unitCode) {
    return "principal-" + unitCode;
  }

  /** The officers of one Phòng GD&ĐT: candidates of its district tasks, readers of its instances. */
  public static String districtOfficersOf(String districtCode) {
    return "district-" + districtCode;
  }
}
