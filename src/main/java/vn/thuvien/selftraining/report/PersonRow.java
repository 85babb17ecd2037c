package vn.thuvien.selftraining.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import vn.thuvien.selftraining.training.ParticipantStatus;
import vn.thuvien.selftraining.training.Phase;

/**
 * One person's line of the matrix: their status in every phase, topic, score, classification.
 *
 * @param personId the person's code in the directory (Mã người)
 * @param email their address in the directory, or null
 * @param phases every phase, in order
 */
public record PersonRow(long recordId, String personId, String fullName, String email, String unitCode, String unitName,
    String districtName, ParticipantStatus status, Map<Phase, PhaseCell> phases, String topic,
    BigDecimal score, String classification, int revisionCount, String processInstanceId) {

  public PersonRow {
    Map<Phase, PhaseCell> copy = new EnumMap<>(Phase.class);
    copy.putAll(phases);
    phases = Collections.unmodifiableMap(copy);
  }

  /**
   * One phase of one person.
   *
   * @param dueAt       {@code null} until the phase's task opened
   * @param completedAt {@code null} unless done
   */
  public record PhaseCell(PhaseState state, Instant dueAt, Instant completedAt) {
  }

  public PhaseCell phase(Phase phase) {
    return phases.get(phase);
  }
}
