package vn.thuvien.selftraining.campaign;

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
  public static final String VAR_SCHOOL_YEAR = "schoolYear";
  public static final String VAR_LETTER_NUMBER = "letterNumber";
  public static final String VAR_LETTER_DATE = "letterDate";
  /** Optional: days before each due date that reminders go out (default in application.yaml). */
  public static final String VAR_REMINDER_DAYS_BEFORE = "reminderDaysBefore";
  /** Start form: THROUGH_INTERMEDIATE (default) or DIRECT, see CampaignStructure.Route. */
  public static final String VAR_REPORTING_ROUTE = "reportingRoute";
  /** The optional topics, one per line. */
  public static final String VAR_TOPICS = "topics";
  // The calendar's dates: one field per CalendarDate, named by CalendarDate.field().

  // Guidance task (forms/publish-guidance.html)
  public static final String VAR_GUIDANCE_CONTENT = "guidanceContent";
  public static final String VAR_GUIDANCE_DOCUMENT = "guidanceDocument";

  // Fan-out
  public static final String VAR_DISTRICT_CODE = "districtCode";
  public static final String VAR_UNIT_CODE = "unitCode";

  /** Compact JSON summary of the province result (figures only, no per-person lists). */
  public static final String VAR_PROVINCE_SUMMARY = "provinceSummary";
  /** Phòng KHTC's note when closing the province report (forms/review-province-report.html). */
  public static final String VAR_PROVINCE_REPORT_NOTE = "provinceReportNote";

  private CampaignProcess() {
  }
}
