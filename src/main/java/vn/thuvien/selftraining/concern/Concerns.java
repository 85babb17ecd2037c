package vn.thuvien.selftraining.concern;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.thuvien.selftraining.concern.ConcernRouting.Raiser;
import vn.thuvien.selftraining.concern.ConcernRouting.RaiserRole;
import vn.thuvien.selftraining.concern.ConcernRouting.Route;

/**
 * The {@code concern} and {@code concern_entry} tables: each concern and its thread, written by
 * the steps of {@code raise-concern} in their own transactions, so the thread never disagrees
 * with the process.
 */
@Repository
public class Concerns {

  public enum Status { OPEN, ANSWERED }

  /** What happened in a concern's thread; the label is what people read. */
  public enum EntryKind {
    RAISED("Gửi phản ánh"),
    FORWARDED("Chuyển lên cấp trên"),
    AUTO_FORWARDED("Tự động chuyển lên cấp trên do quá hạn trả lời"),
    REMINDED("Nhắc trả lời do quá hạn"),
    ANSWERED("Trả lời");

    private final String label;

    EntryKind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public record Concern(long id, String processInstanceId, String schoolYear, String subject, String description,
      String attachmentName, String raisedBy, String raisedByName, RaiserRole raiserRole, String unitCode,
      String districtCode, Status status, ConcernLevel currentLevel, String currentGroup, String currentLabel,
      Instant raisedAt, Instant answeredAt, String answeredBy, String answer) {
  }

  public record Entry(EntryKind kind, String kindLabel, Instant at, String actorId, String actorName,
      String fromLabel, String toLabel, String text) {
  }

  private final JdbcTemplate jdbc;

  public Concerns(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long create(String processInstanceId, String schoolYear, String subject, String description,
      String attachmentName, Raiser raiser, Route route, Instant at) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("""
          INSERT INTO concern (process_instance_id, school_year, subject, description, attachment_name, raised_by,
            raised_by_name, raiser_role, unit_code, district_code, status, current_level, current_group,
            current_label, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      int i = 1;
      statement.setString(i++, processInstanceId);
      statement.setString(i++, schoolYear);
      statement.setString(i++, subject);
      statement.setString(i++, description);
      statement.setString(i++, attachmentName);
      statement.setString(i++, raiser.personId());
      statement.setString(i++, raiser.name());
      statement.setString(i++, raiser.role().name());
      statement.setString(i++, raiser.unitCode());
      statement.setString(i++, raiser.districtCode());
      statement.setString(i++, Status.OPEN.name());
      statement.setString(i++, route.level().name());
      statement.setString(i++, route.group());
      statement.setString(i++, route.label());
      statement.setTimestamp(i, Timestamp.from(at));
      return statement;
    }, key);
    long id = key.getKey().longValue();
    addEntry(id, EntryKind.RAISED, at, raiser.personId(), raiser.name(), raiser.unitName(), route.label(), null);
    return id;
  }

  public void forwarded(long id, EntryKind kind, Route to, Instant at, String actorId, String actorName,
      String fromLabel, String text) {
    jdbc.update("UPDATE concern SET current_level = ?, current_group = ?, current_label = ? WHERE id = ?",
        to.level().name(), to.group(), to.label(), id);
    addEntry(id, kind, at, actorId, actorName, fromLabel, to.label(), text);
  }

  public void reminded(long id, Instant at, String label, String text) {
    addEntry(id, EntryKind.REMINDED, at, null, null, label, label, text);
  }

  public void answered(long id, Instant at, String actorId, String actorName, String fromLabel, String answer) {
    jdbc.update("UPDATE concern SET status = ?, answered_at = ?, answered_by = ?, answer = ? WHERE id = ?",
        Status.ANSWERED.name(), Timestamp.from(at), actorId, answer, id);
    addEntry(id, EntryKind.ANSWERED, at, actorId, actorName, fromLabel, null, answer);
  }

  private void addEntry(long concernId, EntryKind kind, Instant at, String actorId, String actorName, String from,
      String to, String text) {
    jdbc.update("INSERT INTO concern_entry (concern_id, kind, created_at, actor_id, actor_name, from_label, "
        + "to_label, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", concernId, kind.name(), Timestamp.from(at), actorId,
        actorName, from, to, text);
  }

  public Optional<Concern> find(long id) {
    return jdbc.query("SELECT * FROM concern WHERE id = ?", Concerns::concern, id).stream().findFirst();
  }

  public List<Entry> thread(long id) {
    return jdbc.query("SELECT * FROM concern_entry WHERE concern_id = ? ORDER BY created_at, id", (rs, n) -> {
      EntryKind kind = EntryKind.valueOf(rs.getString("kind"));
      return new Entry(kind, kind.label(), rs.getTimestamp("created_at").toInstant(), rs.getString("actor_id"),
          rs.getString("actor_name"), rs.getString("from_label"), rs.getString("to_label"), rs.getString("text"));
    }, id);
  }

  /**
   * Concerns matching the filter, newest first.
   *
   * @param schoolYear null for every year
   * @param status null for every status
   * @param scopeCondition an SQL condition on the concern's columns (the caller's scope), or null for all
   */
  public List<Concern> list(String schoolYear, Status status, String scopeCondition, List<Object> scopeArgs,
      int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM concern WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (schoolYear != null) {
      sql.append(" AND school_year = ?");
      args.add(schoolYear);
    }
    if (status != null) {
      sql.append(" AND status = ?");
      args.add(status.name());
    }
    if (scopeCondition != null) {
      sql.append(" AND (").append(scopeCondition).append(")");
      args.addAll(scopeArgs);
    }
    sql.append(" ORDER BY raised_at DESC, id DESC LIMIT ?");
    args.add(limit);
    return jdbc.query(sql.toString(), Concerns::concern, args.toArray());
  }

  private static Concern concern(ResultSet rs, int row) throws SQLException {
    Timestamp answeredAt = rs.getTimestamp("answered_at");
    return new Concern(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("school_year"),
        rs.getString("subject"), rs.getString("description"), rs.getString("attachment_name"),
        rs.getString("raised_by"), rs.getString("raised_by_name"), RaiserRole.valueOf(rs.getString("raiser_role")),
        rs.getString("unit_code"), rs.getString("district_code"), Status.valueOf(rs.getString("status")),
        ConcernLevel.valueOf(rs.getString("current_level")), rs.getString("current_group"),
        rs.getString("current_label"), rs.getTimestamp("raised_at").toInstant(),
        answeredAt == null ? null : answeredAt.toInstant(), rs.getString("answered_by"), rs.getString("answer"));
  }
}
