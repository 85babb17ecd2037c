package vn.thuvien.selftraining.report;

import java.util.LinkedHashMap;
import java.util.Map;

import vn.thuvien.selftraining.training.Phase;

/**
 * The figures of one scope (a unit, a district, the province) for one school year, computed from
 * the participant records. Withdrawn people are not participants.
 *
 * @param classifications count per classification, in the order of the scale
 * @param phases done on time / late / not done, per phase
 * @param topics how many chose each optional topic
 */
public record Figures(
    int participants,
    int evaluated,
    int submittedNotEvaluated,
    int incompleteOverdue,
    int inProgress,
    Map<String, Integer> classifications,
    Map<Phase, PhaseFigures> phases,
    Map<String, Integer> topics) {

  /** The default scale's classifications, always listed even at zero. */
  public static final String[] SCALE = {"Giỏi", "Khá", "Trung bình", "Chưa hoàn thành"};

  public record PhaseFigures(int onTime, int late, int notDone) {
  }

  public static Map<String, Integer> emptyScale() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String label : SCALE) {
      counts.put(label, 0);
    }
    return counts;
  }
}
