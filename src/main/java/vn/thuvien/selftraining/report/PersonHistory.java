package vn.thuvien.selftraining.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.mail.NoticeKind;
import vn.thuvien.selftraining.mail.OutboxRow;
import vn.thuvien.selftraining.training.ParticipantStatus;
import vn.thuvien.selftraining.training.StaffSelfTrainingProcess;

/**
 * The trail of one participant, for a Phòng that must show it chased late submitters: every task
 * given and done (Camunda history, with who completed it), every email about them (the outbox),
 * every report uploaded, returned or evaluated (the records), and how the year closed. The caller
 * has already been checked against the participant's unit ({@link ReportAccess}); the engine's
 * history is then read on the application's behalf.
 */
@Service
public class PersonHistory {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
      .withZone(CampaignCalendar.ZONE);

  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final IdentityService identity;
  private final Directory directory;

  public PersonHistory(JdbcTemplate jdbc, HistoryService history, IdentityService identity, Directory directory) {
    this.jdbc = jdbc;
    this.history = history;
    this.identity = identity;
    this.directory = directory;
  }

  /** The participant's record. */
  public record Subject(long recordId, String schoolYear, String unitCode, String personId, String personName,
      String processInstanceId, ParticipantStatus status, Instant startedAt, Instant closedAt) {
  }

  /**
   * One event.
   *
   * @param kind  TASK_CREATED, TASK_COMPLETED, TASK_CLOSED, RETURNED, UPLOADED, EVALUATED, MAIL, OPENED, CLOSED
   * @param actor who did it (name and account), or null for the system
   */
  public record Entry(Instant at, String kind, String label, String actor, String detail) {
  }

  public Optional<Subject> subject(String schoolYear, long recordId) {
    return jdbc.query("SELECT * FROM participant_record WHERE id = ? AND school_year = ?", (rs, row) -> new Subject(
        rs.getLong("id"), rs.getString("school_year"), rs.getString("unit_code"), rs.getString("person_id"),
        rs.getString("person_name"), rs.getString("process_instance_id"),
        ParticipantStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("closed_at"))), recordId, schoolYear).stream().findFirst();
  }

  public List<Entry> of(Subject s) {
    List<Entry> entries = new ArrayList<>();
    entries.add(new Entry(s.startedAt(), "OPENED", "Mở hồ sơ tự bồi dưỡng năm học " + s.schoolYear(), null,
        s.personName() + " – " + directory.unitName(s.unitCode())));
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      engineHistory(s.processInstanceId(), entries);
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
    jdbc.query("SELECT file_name, size_bytes, sha256, submitted_at FROM report_file WHERE record_id = ? "
        + "ORDER BY submitted_at", (org.springframework.jdbc.core.RowCallbackHandler) rs -> entries.add(new Entry(
            instant(rs.getTimestamp("submitted_at")), "UPLOADED", "Nộp tệp thu hoạch", actor(s.personId()),
            rs.getString("file_name") + " (" + kilobytes(rs.getLong("size_bytes")) + ", SHA-256 "
                + rs.getString("sha256").substring(0, 12) + "…)")), s.recordId());
    jdbc.query("SELECT score, classification, evaluation_comment, evaluated_by, evaluated_at FROM participant_record "
        + "WHERE id = ? AND evaluated_at IS NOT NULL", (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
          String comment = rs.getString("evaluation_comment");
          entries.add(new Entry(instant(rs.getTimestamp("evaluated_at")), "EVALUATED", "Đánh giá thu hoạch",
              actor(rs.getString("evaluated_by")), "Điểm " + rs.getBigDecimal("score").stripTrailingZeros().toPlainString()
                  + ", xếp loại " + rs.getString("classification") + (comment == null ? "" : ". Nhận xét: " + comment)));
        }, s.recordId());
    jdbc.query("SELECT kind, recipient_id, recipient_name, status, attempts, phase_label, created_at, sent_at, "
        + "last_error FROM mail_outbox WHERE process_instance_id = ? ORDER BY created_at, id",
        (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
          String kind = rs.getString("kind");
          String label = java.util.Arrays.stream(NoticeKind.values()).filter(k -> k.name().equals(kind))
              .map(NoticeKind::label).findFirst().orElse(kind);
          Instant sentAt = instant(rs.getTimestamp("sent_at"));
          String status = OutboxRow.statusLabel(rs.getString("status"), rs.getInt("attempts"));
          String phase = rs.getString("phase_label");
          entries.add(new Entry(sentAt != null ? sentAt : instant(rs.getTimestamp("created_at")), "MAIL",
              "Email \"" + label + "\" gửi " + rs.getString("recipient_name"), null,
              (phase == null ? "" : phase + ". ") + status
                  + (rs.getString("last_error") == null ? "" : " (lỗi gần nhất: " + rs.getString("last_error") + ")")));
        }, s.processInstanceId());
    if (s.closedAt() != null) {
      entries.add(new Entry(s.closedAt(), "CLOSED", "Kết thúc năm học: " + s.status().label(), null, null));
    }
    entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
    return entries;
  }

  private void engineHistory(String processInstanceId, List<Entry> entries) {
    Map<String, String> completedBy = new HashMap<>();
    for (UserOperationLogEntry op : history.createUserOperationLogQuery().processInstanceId(processInstanceId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()) {
      if (op.getTaskId() != null && op.getUserId() != null) {
        completedBy.putIfAbsent(op.getTaskId(), op.getUserId());
      }
    }
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .orderByHistoricActivityInstanceStartTime().asc().list()) {
      String due = task.getDueDate() == null ? "" : "Hạn " + DAY.format(task.getDueDate().toInstant());
      entries.add(new Entry(task.getStartTime().toInstant(), "TASK_CREATED", "Giao việc \"" + task.getName() + "\"",
          null, due));
      if (task.getEndTime() != null) {
        boolean completed = "completed".equals(task.getDeleteReason());
        String who = completedBy.getOrDefault(task.getId(), task.getAssignee());
        String late = completed && task.getDueDate() != null && task.getEndTime().after(task.getDueDate())
            ? "Hoàn thành sau hạn " + DAY.format(task.getDueDate().toInstant()) : completed ? "Đúng hạn" : null;
        entries.add(new Entry(task.getEndTime().toInstant(), completed ? "TASK_COMPLETED" : "TASK_CLOSED",
            (completed ? "Hoàn thành \"" : "Đóng việc \"") + task.getName() + "\"",
            completed ? actor(who) : null, completed ? late : "Công việc được hệ thống đóng (hết hạn hoặc không còn cần)"));
      }
    }
    for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(processInstanceId)
        .variableUpdates().orderByTime().asc().list()) {
      if (detail instanceof HistoricVariableUpdate update
          && StaffSelfTrainingProcess.VAR_RETURN_REASON.equals(update.getVariableName())
          && update.getValue() instanceof String reason && !reason.isBlank()) {
        entries.add(new Entry(update.getTime().toInstant(), "RETURNED", "Trả lại thu hoạch để chỉnh sửa",
            actor(update.getUserOperationId() == null ? null : operator(update.getUserOperationId())), reason));
      }
    }
  }

  private String operator(String operationId) {
    return history.createUserOperationLogQuery().operationId(operationId).list().stream()
        .map(UserOperationLogEntry::getUserId).filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  private String actor(String userId) {
    return userId == null ? null : directory.personName(userId) + " (" + userId + ")";
  }

  private static String kilobytes(long bytes) {
    return bytes < 1024 ? bytes + " B" : (bytes + 1023) / 1024 + " KB";
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
