package vn.thuvien.selftraining.report;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code unit_report} table: who reported upward, when, and whether on time. */
@Repository
public class UnitReports {

  public enum Level { UNIT, DISTRICT, PROVINCE }

  public enum Status { REPORTED, NOT_REPORTED }

  private final JdbcTemplate jdbc;

  public UnitReports(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void reported(String schoolYear, String unitCode, Level level, Date dueAt, Date reportedAt,
      String reportedBy, String note, String summary) {
    boolean onTime = dueAt == null || !reportedAt.after(dueAt);
    save(schoolYear, unitCode, level, Status.REPORTED, dueAt, reportedAt, reportedBy, onTime, note, summary);
  }

  public void notReported(String schoolYear, String unitCode, Level level, Date dueAt, String summary) {
    save(schoolYear, unitCode, level, Status.NOT_REPORTED, dueAt, null, null, false, null, summary);
  }

  private void save(String schoolYear, String unitCode, Level level, Status status, Date dueAt, Date reportedAt,
      String reportedBy, boolean onTime, String note, String summary) {
    jdbc.update("DELETE FROM unit_report WHERE school_year = ? AND unit_code = ?", schoolYear, unitCode);
    jdbc.update("""
        INSERT INTO unit_report (school_year, unit_code, report_level, status, due_at, reported_at,
          reported_by, on_time, note, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        schoolYear, unitCode, level.name(), status.name(), ts(dueAt), ts(reportedAt), reportedBy, onTime,
        note, summary);
  }

  public Optional<UnitReport> find(String schoolYear, String unitCode) {
    return jdbc.query("SELECT * FROM unit_report WHERE school_year = ? AND unit_code = ?",
        (rs, row) -> new UnitReport(rs.getString("unit_code"), Level.valueOf(rs.getString("report_level")),
            Status.valueOf(rs.getString("status")), rs.getTimestamp("reported_at"),
            rs.getString("reported_by"), (Boolean) rs.getObject("on_time", Boolean.class), rs.getString("summary")),
        schoolYear, unitCode).stream().findFirst();
  }

  /** Codes among {@code unitCodes} without a report sent, in the given order. */
  public List<String> notReported(String schoolYear, List<String> unitCodes) {
    return unitCodes.stream()
        .filter(code -> find(schoolYear, code).map(r -> r.status() != Status.REPORTED).orElse(true))
        .toList();
  }

  private static Timestamp ts(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }

  public record UnitReport(String unitCode, Level level, Status status, Date reportedAt, String reportedBy,
      Boolean onTime, String summary) {
  }
}
