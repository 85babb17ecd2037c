package vn.thuvien.selftraining.dossier;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One participant's self-training dossier (hồ sơ tự bồi dưỡng) of one school year, as the domain
 * tables keep it: the plan, the notes of each part, the topic, the essay, the evaluation with every
 * return, and the dates of each phase. Read from the tables only, so it survives the engine's
 * history cleanup.
 */
public record Dossier(
    long recordId,
    String schoolYear,
    String letterNumber,
    String departmentName,
    String superiorBody,
    String unitCode,
    String unitName,
    String intermediateName,
    String personId,
    String personName,
    String statusLabel,
    String planMaterials,
    String planSchedule,
    String planMethod,
    String commonPartNotes,
    String topic,
    String optionalPartNotes,
    String reportTitle,
    Essay essay,
    BigDecimal score,
    String classification,
    String evaluationComment,
    String evaluatedBy,
    LocalDateTime evaluatedAt,
    List<Return> returns,
    List<PhaseLine> phases) {

  /** The essay as last submitted: the file is stored in {@code report_file}. */
  public record Essay(long fileId, String fileName, String mimeType, long sizeBytes, String sha256,
      LocalDateTime submittedAt) {
  }

  /** A return of the essay by the principal, with its reason. */
  public record Return(LocalDateTime returnedAt, String returnedBy, String reason) {
  }

  /** One phase of the year: its label, due date, when it was done and whether on time. */
  public record PhaseLine(String label, LocalDateTime dueAt, LocalDateTime completedAt, Boolean onTime) {
  }
}
