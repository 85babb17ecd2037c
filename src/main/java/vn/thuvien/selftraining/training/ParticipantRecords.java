package vn.thuvien.selftraining.training;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code participant_record} and {@code participant_phase} tables: each participant's outcome,
 * written by the listeners of {@code staff-self-training} in the same transaction as the process
 * step, so the record never disagrees with the process.
 */
@Repository
public class ParticipantRecords {

  private final JdbcTemplate jdbc;

  public ParticipantRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Opens the record of a newly started instance, or re-attaches it when a participant restarts. */
  public void open(String processInstanceId, String schoolYear, String unitCode, String personId,
      String personName, Date startedAt) {
    int updated = jdbc.update("""
        UPDATE participant_record SET process_instance_id = ?, person_name = ?, status = ?, closed_at = NULL
        WHERE school_year = ? AND unit_code = ? AND person_id = ?""",
        processInstanceId, personName, ParticipantStatus.IN_PROGRESS.name(), schoolYear, unitCode, personId);
    if (updated == 0) {
      jdbc.update("""
          INSERT INTO participant_record (process_instance_id, school_year, unit_code, person_id,
            person_name, status, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
          processInstanceId, schoolYear, unitCode, personId, personName,
          ParticipantStatus.IN_PROGRESS.name(), timestamp(startedAt));
    }
  }

  /** A phase's task was created: the phase is open with this due date. */
  /** Who of the unit is taking part in the school year (everyone enrolled and not withdrawn). */
  public Set<String> enrolled(String schoolYear, String unitCode) {
    return new LinkedHashSet<>(jdbc.queryForList(
        "SELECT person_id FROM participant_record WHERE school_year = ? AND unit_code = ? AND status <> ?",
        String.class, schoolYear, unitCode, ParticipantStatus.WITHDRAWN.name()));
  }

  public void phaseOpened(String processInstanceId, Phase phase, Date dueAt) {
    long recordId = idOf(processInstanceId);
    int updated = jdbc.update("UPDATE participant_phase SET due_at = ? WHERE record_id = ? AND phase = ?",
        timestamp(dueAt), recordId, phase.name());
    if (updated == 0) {
      jdbc.update("INSERT INTO participant_phase (record_id, phase, due_at) VALUES (?, ?, ?)",
          recordId, phase.name(), timestamp(dueAt));
    }
  }

  /**
   * A phase's task was completed. The first completion counts: a report returned for revision and
   * submitted again keeps the time and punctuality of its first submission.
   */
  public void phaseCompleted(String processInstanceId, Phase phase, Date dueAt, Date completedAt) {
    long recordId = idOf(processInstanceId);
    boolean onTime = dueAt == null || !completedAt.after(dueAt);
    int updated = jdbc.update("""
        UPDATE participant_phase SET completed_at = ?, on_time = ?
        WHERE record_id = ? AND phase = ? AND completed_at IS NULL""",
        timestamp(completedAt), onTime, recordId, phase.name());
    if (updated == 0 && !hasPhaseRow(recordId, phase)) {
      jdbc.update("INSERT INTO participant_phase (record_id, phase, due_at, completed_at, on_time) "
          + "VALUES (?, ?, ?, ?, ?)", recordId, phase.name(), timestamp(dueAt), timestamp(completedAt), onTime);
    }
  }

  /** The plan of the dossier: materials to find, schedule, method. */
  public void planPrepared(String processInstanceId, String materials, String schedule, String method) {
    jdbc.update("""
        UPDATE participant_record SET plan_materials = ?, plan_schedule = ?, plan_method = ?
        WHERE process_instance_id = ?""", materials, schedule, method, processInstanceId);
  }

  public void commonPartStudied(String processInstanceId, String notes) {
    jdbc.update("UPDATE participant_record SET common_part_notes = ? WHERE process_instance_id = ?", notes,
        processInstanceId);
  }

  public void optionalPartStudied(String processInstanceId, String topic, String notes) {
    jdbc.update("UPDATE participant_record SET topic = ?, optional_part_notes = ? WHERE process_instance_id = ?",
        topic, notes, processInstanceId);
  }

  public void reportWritten(String processInstanceId, String title) {
    jdbc.update("UPDATE participant_record SET report_title = ? WHERE process_instance_id = ?",
        title, processInstanceId);
  }

  public void reportSubmitted(String processInstanceId, long fileId) {
    jdbc.update("UPDATE participant_record SET report_file_id = ?, status = ? WHERE process_instance_id = ?",
        fileId, ParticipantStatus.SUBMITTED.name(), processInstanceId);
  }

  /** The report goes back to the participant: counted on the record, and kept with its reason in the dossier. */
  public void reportReturned(String processInstanceId, String reason, String returnedBy, Date returnedAt) {
    jdbc.update("""
        UPDATE participant_record SET revision_count = revision_count + 1, last_return_reason = ?, status = ?
        WHERE process_instance_id = ?""", reason, ParticipantStatus.RETURNED.name(), processInstanceId);
    jdbc.update("INSERT INTO report_return (record_id, returned_at, returned_by, reason) VALUES (?, ?, ?, ?)",
        idOf(processInstanceId), timestamp(returnedAt), returnedBy, reason);
  }

  public void evaluated(String processInstanceId, BigDecimal score, String classification, String comment,
      String evaluatedBy, Date evaluatedAt) {
    jdbc.update("""
        UPDATE participant_record SET score = ?, classification = ?, evaluation_comment = ?,
          evaluated_by = ?, evaluated_at = ? WHERE process_instance_id = ?""",
        score, classification, comment, evaluatedBy, timestamp(evaluatedAt), processInstanceId);
  }

  public void close(String processInstanceId, ParticipantStatus status, Date closedAt) {
    jdbc.update("UPDATE participant_record SET status = ?, closed_at = ? WHERE process_instance_id = ?",
        status.name(), timestamp(closedAt), processInstanceId);
  }

  public long idOf(String processInstanceId) {
    List<Long> ids = jdbc.queryForList(
        "SELECT id FROM participant_record WHERE process_instance_id = ?", Long.class, processInstanceId);
    if (ids.isEmpty()) {
      throw new IllegalStateException("No participant record for process instance " + processInstanceId);
    }
    return ids.get(0);
  }

  public Optional<ParticipantRecord> find(String processInstanceId) {
    return jdbc.query("SELECT * FROM participant_record WHERE process_instance_id = ?",
        (rs, row) -> new ParticipantRecord(
            rs.getLong("id"),
            rs.getString("process_instance_id"),
            rs.getString("school_year"),
            rs.getString("unit_code"),
            rs.getString("person_id"),
            rs.getString("person_name"),
            ParticipantStatus.valueOf(rs.getString("status")),
            rs.getString("topic"),
            rs.getString("report_title"),
            (Long) rs.getObject("report_file_id", Long.class),
            rs.getInt("revision_count"),
            rs.getString("last_return_reason"),
            rs.getBigDecimal("score"),
            rs.getString("classification"),
            rs.getString("evaluation_comment"),
            rs.getString("evaluated_by"),
            rs.getTimestamp("closed_at")),
        processInstanceId).stream().findFirst();
  }

  public List<PhaseRecord> phases(String processInstanceId) {
    return jdbc.query("""
        SELECT p.phase, p.due_at, p.completed_at, p.on_time FROM participant_phase p
        JOIN participant_record r ON r.id = p.record_id WHERE r.process_instance_id = ?""",
        (rs, row) -> new PhaseRecord(Phase.valueOf(rs.getString("phase")), rs.getTimestamp("due_at"),
            rs.getTimestamp("completed_at"), (Boolean) rs.getObject("on_time", Boolean.class)),
        processInstanceId);
  }

  private boolean hasPhaseRow(long recordId, Phase phase) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM participant_phase WHERE record_id = ? AND phase = ?",
        Integer.class, recordId, phase.name());
    return count != null && count > 0;
  }

  private static Timestamp timestamp(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }

  /** A participant's outcome as stored. */
  public record ParticipantRecord(long id, String processInstanceId, String schoolYear, String unitCode,
      String personId, String personName, ParticipantStatus status, String topic, String reportTitle,
      Long reportFileId, int revisionCount, String lastReturnReason, BigDecimal score,
      String classification, String evaluationComment, String evaluatedBy, Date closedAt) {
  }

  /** One phase of a participant: {@code completedAt == null} means not done. */
  public record PhaseRecord(Phase phase, Date dueAt, Date completedAt, Boolean onTime) {
  }
}
