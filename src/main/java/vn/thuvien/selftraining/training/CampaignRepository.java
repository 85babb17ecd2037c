package vn.thuvien.selftraining.training;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code campaign} table: one calendar per school year. */
@Repository
public class CampaignRepository {

  private final JdbcTemplate jdbc;

  public CampaignRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<CampaignCalendar> findCalendar(String schoolYear) {
    return jdbc.query("SELECT * FROM campaign WHERE school_year = ?", this::map, schoolYear)
        .stream().findFirst();
  }

  public boolean exists(String schoolYear) {
    Integer count = jdbc.queryForObject(
        "SELECT COUNT(*) FROM campaign WHERE school_year = ?", Integer.class, schoolYear);
    return count != null && count > 0;
  }

  public void insert(CampaignCalendar c, String letterNumber, LocalDate letterDate) {
    jdbc.update("""
        INSERT INTO campaign (school_year, letter_number, letter_date, plan_due,
          common_part_start, common_part_due, optional_part_start, optional_part_due, guidance_due,
          report_writing_start, report_writing_due, report_submission_start, report_submission_due,
          evaluation_due, unit_report_due, district_report_due, province_report_due, topics, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        c.schoolYear(), letterNumber, sql(letterDate), sql(c.planDue()),
        sql(c.commonPartStart()), sql(c.commonPartDue()), sql(c.optionalPartStart()),
        sql(c.optionalPartDue()), sql(c.guidanceDue()), sql(c.reportWritingStart()),
        sql(c.reportWritingDue()), sql(c.reportSubmissionStart()), sql(c.reportSubmissionDue()),
        sql(c.evaluationDue()), sql(c.unitReportDue()), sql(c.districtReportDue()),
        sql(c.provinceReportDue()), String.join("\n", c.topics()), Timestamp.from(Instant.now()));
  }

  /** The campaign's own reminder lead time, when its start form set one. */
  public Optional<Integer> reminderDaysBefore(String schoolYear) {
    return jdbc.query("SELECT reminder_days_before FROM campaign WHERE school_year = ?",
        (rs, row) -> (Integer) rs.getObject("reminder_days_before", Integer.class), schoolYear)
        .stream().filter(java.util.Objects::nonNull).findFirst();
  }

  public void setReminderDaysBefore(String schoolYear, int days) {
    jdbc.update("UPDATE campaign SET reminder_days_before = ? WHERE school_year = ?", days, schoolYear);
  }

  private CampaignCalendar map(ResultSet rs, int row) throws SQLException {
    List<String> topics = Arrays.stream(rs.getString("topics").split("\n"))
        .map(String::strip).filter(t -> !t.isEmpty()).toList();
    return new CampaignCalendar(
        rs.getString("school_year"),
        local(rs, "plan_due"),
        local(rs, "common_part_start"),
        local(rs, "common_part_due"),
        local(rs, "optional_part_start"),
        local(rs, "optional_part_due"),
        local(rs, "guidance_due"),
        local(rs, "report_writing_start"),
        local(rs, "report_writing_due"),
        local(rs, "report_submission_start"),
        local(rs, "report_submission_due"),
        local(rs, "evaluation_due"),
        local(rs, "unit_report_due"),
        local(rs, "district_report_due"),
        local(rs, "province_report_due"),
        topics);
  }

  private static LocalDate local(ResultSet rs, String column) throws SQLException {
    Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }

  private static Date sql(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }
}
