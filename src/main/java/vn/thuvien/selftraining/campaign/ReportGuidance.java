package vn.thuvien.selftraining.campaign;

import java.sql.Timestamp;
import java.time.Instant;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.thuvien.selftraining.training.StaffSelfTrainingProcess;

/**
 * Bean {@code reportGuidance}: the Sở's report-writing guidance of a school year. Publishing it
 * stores it and releases every participant of that year waiting at
 * {@code MessageEvent_GuidancePublished}; a participant arriving later reads
 * {@link #isPublished(String)} at {@code Gateway_GuidanceAlreadyPublished} and does not wait.
 */
@Service("reportGuidance")
public class ReportGuidance {

  private static final Logger LOG = LoggerFactory.getLogger(ReportGuidance.class);

  private final JdbcTemplate jdbc;
  private final RuntimeService runtimeService;

  public ReportGuidance(JdbcTemplate jdbc, RuntimeService runtimeService) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
  }

  public boolean isPublished(String schoolYear) {
    Integer count = jdbc.queryForObject(
        "SELECT COUNT(*) FROM report_guidance WHERE school_year = ?", Integer.class, schoolYear);
    return count != null && count > 0;
  }

  /**
   * Stores the guidance and releases the waiting participants, in one transaction. Publishing
   * twice is refused rather than silently overwriting what people already read.
   */
  @Transactional
  public int publish(String schoolYear, String content, String publishedBy) {
    if (content == null || content.isBlank()) {
      throw new IllegalArgumentException("Nội dung hướng dẫn viết thu hoạch không được để trống.");
    }
    if (isPublished(schoolYear)) {
      throw new IllegalStateException(
          "Hướng dẫn viết thu hoạch năm học " + schoolYear + " đã được ban hành trước đó.");
    }
    jdbc.update("INSERT INTO report_guidance (school_year, content, published_at, published_by) "
        + "VALUES (?, ?, ?, ?)", schoolYear, content.strip(), Timestamp.from(Instant.now()), publishedBy);
    int released = runtimeService.createMessageCorrelation(StaffSelfTrainingProcess.MESSAGE_GUIDANCE_PUBLISHED)
        .processInstanceVariableEquals(StaffSelfTrainingProcess.VAR_SCHOOL_YEAR, schoolYear)
        .correlateAllWithResult()
        .size();
    LOG.info("Report guidance published for school year {}: {} waiting participants released",
        schoolYear, released);
    return released;
  }
}
