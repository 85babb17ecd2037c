package vn.thuvien.selftraining.campaign;

import vn.thuvien.selftraining.system.ProcessVariable;

/**
 * Key, element ids and variable names of {@code processes/district-self-training.bpmn}: one
 * instance per Phòng GD&ĐT and school year, business key {@code <schoolYear>/<districtCode>}.
 */
public final class DistrictProcess {

  public static final String KEY = "district-self-training";

  public static final String START_EVENT = "StartEvent_DistrictDirected";
  public static final String CALL_SCHOOLS = "CallActivity_Schools";
  public static final String TASK_AGGREGATE = "Task_AggregateDistrict";
  public static final String TASK_REVIEW_REPORT = "Task_ReviewDistrictReport";
  public static final String BOUNDARY_REVIEW_DEADLINE = "BoundaryEvent_ProvinceDeadline";
  public static final String TASK_RECORD_NOT_REPORTED = "Task_RecordDistrictNotReported";
  public static final String END_EVENT_REPORTED = "EndEvent_DistrictReported";
  public static final String END_EVENT_NOT_REPORTED = "EndEvent_DistrictNotReported";

  /** Compact JSON summary shown on the review form (figures and late unit codes). */
  public static final ProcessVariable<String> DISTRICT_SUMMARY = ProcessVariable.string("districtSummary");
  public static final String VAR_DISTRICT_SUMMARY = DISTRICT_SUMMARY.name();
  /** The officer's note sent to the Sở with the report (forms/review-district-report.html). */
  public static final ProcessVariable<Object> DISTRICT_REPORT_NOTE = ProcessVariable.input("districtReportNote");
  public static final String VAR_DISTRICT_REPORT_NOTE = DISTRICT_REPORT_NOTE.name();

  private DistrictProcess() {
  }
}
