package vn.thuvien.selftraining.campaign;

import vn.thuvien.selftraining.system.ProcessVariable;
import vn.thuvien.selftraining.training.CampaignVariables;

/**
 * Key, element ids and variable names of {@code processes/self-training-campaign.bpmn}: one
 * instance per school year (business key = school year), started by a Phòng KHTC officer.
 */
public final class CampaignProcess {

  public static final String KEY = "self-training-campaign";

  public static final String START_EVENT = "StartEvent_CampaignLaunched";
  public static final String CALL_DISTRICTS = "CallActivity_Districts";
  public static final String CALL_DIRECT_UNITS = "CallActivity_DirectUnits";
  public static final String TASK_PUBLISH_GUIDANCE = "Task_PublishGuidance";
  /** Interrupting: the province report's deadline passes with no guidance published. */
  public static final String BOUNDARY_GUIDANCE_NOT_PUBLISHED = "BoundaryEvent_GuidanceNotPublished";
  public static final String TASK_CONSOLIDATE = "Task_ConsolidateProvince";
  public static final String TASK_REVIEW_PROVINCE = "Task_ReviewProvinceReport";
  /** Interrupting: the province report not confirmed 30 days after it was consolidated. */
  public static final String BOUNDARY_PROVINCE_REVIEW_EXPIRED = "BoundaryEvent_ProvinceReviewExpired";
  public static final String END_EVENT_CONSOLIDATED = "EndEvent_ProvinceConsolidated";
  public static final String END_EVENT_NOT_REVIEWED = "EndEvent_ProvinceNotReviewed";

  // Start form (forms/start-campaign.html): the calendar fields carry the names of
  // CampaignCalendar's components, dates as yyyy-MM-dd strings.
  /** The start event's initiator ({@code camunda:initiator}): the officer who launched the campaign. */
  public static final ProcessVariable<String> LAUNCHED_BY = ProcessVariable.string("launchedBy");
  public static final ProcessVariable<String> SCHOOL_YEAR = CampaignVariables.SCHOOL_YEAR;
  public static final String VAR_SCHOOL_YEAR = SCHOOL_YEAR.name();
  public static final ProcessVariable<Object> LETTER_NUMBER = ProcessVariable.input("letterNumber");
  public static final String VAR_LETTER_NUMBER = LETTER_NUMBER.name();
  public static final ProcessVariable<Object> LETTER_DATE = ProcessVariable.input("letterDate");
  public static final String VAR_LETTER_DATE = LETTER_DATE.name();
  /** Optional: days before each due date that reminders go out (default in application.yaml). */
  public static final ProcessVariable<Object> REMINDER_DAYS_BEFORE = ProcessVariable.input("reminderDaysBefore");
  public static final String VAR_REMINDER_DAYS_BEFORE = REMINDER_DAYS_BEFORE.name();
  /** Start form: THROUGH_INTERMEDIATE (default) or DIRECT, see CampaignStructure.Route. */
  public static final ProcessVariable<Object> REPORTING_ROUTE = ProcessVariable.input("reportingRoute");
  public static final String VAR_REPORTING_ROUTE = REPORTING_ROUTE.name();
  /** The optional topics, one per line. */
  public static final ProcessVariable<Object> TOPICS = ProcessVariable.input("topics");
  public static final String VAR_TOPICS = TOPICS.name();
  // The calendar's dates: one field per CalendarDate, named by CalendarDate.field().

  // Guidance task (forms/publish-guidance.html)
  public static final ProcessVariable<Object> GUIDANCE_CONTENT = ProcessVariable.input("guidanceContent");
  public static final String VAR_GUIDANCE_CONTENT = GUIDANCE_CONTENT.name();
  public static final ProcessVariable<Object> GUIDANCE_DOCUMENT = ProcessVariable.input("guidanceDocument");
  public static final String VAR_GUIDANCE_DOCUMENT = GUIDANCE_DOCUMENT.name();

  // Fan-out
  public static final ProcessVariable<String> DISTRICT_CODE = CampaignVariables.DISTRICT_CODE;
  public static final String VAR_DISTRICT_CODE = DISTRICT_CODE.name();
  public static final ProcessVariable<String> UNIT_CODE = CampaignVariables.UNIT_CODE;
  public static final String VAR_UNIT_CODE = UNIT_CODE.name();

  /** Compact JSON summary of the province result (figures only, no per-person lists). */
  public static final ProcessVariable<String> PROVINCE_SUMMARY = ProcessVariable.string("provinceSummary");
  public static final String VAR_PROVINCE_SUMMARY = PROVINCE_SUMMARY.name();
  /** Phòng KHTC's note when closing the province report (forms/review-province-report.html). */
  public static final ProcessVariable<Object> PROVINCE_REPORT_NOTE = ProcessVariable.input("provinceReportNote");
  public static final String VAR_PROVINCE_REPORT_NOTE = PROVINCE_REPORT_NOTE.name();

  private CampaignProcess() {
  }
}
