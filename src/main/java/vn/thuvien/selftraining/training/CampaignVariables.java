package vn.thuvien.selftraining.training;

import vn.thuvien.selftraining.system.ProcessVariable;

/**
 * The variables every model of a campaign carries, passed down by the call activities (campaign →
 * intermediate unit → unit → participant, and a concern): declared once here, named by each model's
 * constants class.
 */
public final class CampaignVariables {

  /** The campaign's school year, e.g. {@code 2017-2018}: the business key of the campaign. */
  public static final ProcessVariable<String> SCHOOL_YEAR = ProcessVariable.string("schoolYear");
  /** The intermediate unit (Phòng GD&ĐT, commune) a unit reports through, when it does. */
  public static final ProcessVariable<String> DISTRICT_CODE = ProcessVariable.string("districtCode");
  /** The unit (school, centre) of an instance. */
  public static final ProcessVariable<String> UNIT_CODE = ProcessVariable.string("unitCode");

  private CampaignVariables() {
  }
}
