package vn.thuvien.selftraining.training;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
    List<String> columns = new ArrayList<>(List.of("school_year", "letter_number", "letter_date"));
    List<Object> values = new ArrayList<>(Arrays.asList(c.schoolYear(), letterNumber, sql(letterDate)));
    for (CalendarDate date : CalendarDate.values()) {
      columns.add(date.column());
      values.add(sql(c.get(date)));
    }
    columns.addAll(List.of("topics", "created_at"));
    values.addAll(List.of(String.join("\n", c.topics()), Timestamp.from(Instant.now())));
    jdbc.update("INSERT INTO campaign (" + String.join(", ", columns) + ") VALUES ("
        + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")", values.toArray());
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
    Map<CalendarDate, LocalDate> dates = new EnumMap<>(CalendarDate.class);
    for (CalendarDate date : CalendarDate.values()) {
      dates.put(date, local(rs, date.column()));
    }
    return new CampaignCalendar(rs.getString("school_year"), dates, topics);
  }

  private static LocalDate local(ResultSet rs, String column) throws SQLException {
    Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }

  private static Date sql(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }
}
