package vn.thuvien.selftraining.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.thuvien.selftraining.training.ParticipantStatus;
import vn.thuvien.selftraining.training.Phase;

/**
 * The counts of one scope (a unit, a district, the directly-managed units, the province).
 * Withdrawn people are not participants and are counted nowhere.
 *
 * @param participants    people taking part (not withdrawn)
 * @param reportSubmitted participants whose report reached the principal (submitted, returned,
 *                        evaluated, or submitted but not evaluated by the cut-off)
 * @param statuses        participants per status, every status but WITHDRAWN listed, in enum order
 * @param classifications evaluated participants per classification, the default scale always listed
 * @param phases          per phase, in phase order
 */
public record Tally(int participants, int reportSubmitted, Map<ParticipantStatus, Integer> statuses,
    Map<String, Integer> classifications, Map<Phase, PhaseCounts> phases) {

  public Tally {
    Map<ParticipantStatus, Integer> statusCopy = new EnumMap<>(ParticipantStatus.class);
    statusCopy.putAll(statuses);
    Map<Phase, PhaseCounts> phaseCopy = new EnumMap<>(Phase.class);
    phaseCopy.putAll(phases);
    statuses = Collections.unmodifiableMap(statusCopy);
    classifications = Collections.unmodifiableMap(new LinkedHashMap<>(classifications));
    phases = Collections.unmodifiableMap(phaseCopy);
  }

  public static Tally empty() {
    Map<ParticipantStatus, Integer> statuses = new EnumMap<>(ParticipantStatus.class);
    for (ParticipantStatus s : ParticipantStatus.values()) {
      if (s != ParticipantStatus.WITHDRAWN) {
        statuses.put(s, 0);
      }
    }
    Map<Phase, PhaseCounts> phases = new EnumMap<>(Phase.class);
    for (Phase p : Phase.values()) {
      phases.put(p, PhaseCounts.ZERO);
    }
    return new Tally(0, 0, statuses, Figures.emptyScale(), phases);
  }

  public int status(ParticipantStatus status) {
    return statuses.getOrDefault(status, 0);
  }

  public PhaseCounts phase(Phase phase) {
    return phases.getOrDefault(phase, PhaseCounts.ZERO);
  }

  public int evaluated() {
    return status(ParticipantStatus.EVALUATED);
  }

  public Tally plus(Tally o) {
    Map<ParticipantStatus, Integer> s = new EnumMap<>(statuses);
    o.statuses.forEach((k, v) -> s.merge(k, v, Integer::sum));
    Map<String, Integer> c = new LinkedHashMap<>(classifications);
    o.classifications.forEach((k, v) -> c.merge(k, v, Integer::sum));
    Map<Phase, PhaseCounts> p = new EnumMap<>(phases);
    o.phases.forEach((k, v) -> p.merge(k, v, PhaseCounts::plus));
    return new Tally(participants + o.participants, reportSubmitted + o.reportSubmitted, s, c, p);
  }
}
