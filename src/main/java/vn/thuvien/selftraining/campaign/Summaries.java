package vn.thuvien.selftraining.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.report.Figures.PhaseFigures;
import vn.thuvien.selftraining.training.Phase;
import vn.thuvien.selftraining.report.Figures;

/**
 * The compact JSON summaries that the review forms show and the processes keep: figures only,
 * never a list of people. A String variable holds at most 4,000 characters, so lists of units are
 * cut at {@link #MAX_LISTED_UNITS} with the rest counted.
 */
@Component
public class Summaries {

  static final int MAX_LISTED_UNITS = 40;
  static final int MAX_LISTED_TOPICS = 12;

  private final ObjectMapper json = new ObjectMapper();

  public Map<String, Object> of(Figures f) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("participants", f.participants());
    map.put("evaluated", f.evaluated());
    map.put("submittedNotEvaluated", f.submittedNotEvaluated());
    map.put("incompleteOverdue", f.incompleteOverdue());
    map.put("inProgress", f.inProgress());
    map.put("classifications", f.classifications());
    Map<String, Object> phases = new LinkedHashMap<>();
    for (Map.Entry<Phase, PhaseFigures> e : f.phases().entrySet()) {
      // the label travels with the figures: the forms show it as Tasklist names the task
      phases.put(e.getKey().name(), Map.of("label", e.getKey().label(), "onTime", e.getValue().onTime(),
          "late", e.getValue().late(), "notDone", e.getValue().notDone()));
    }
    map.put("phases", phases);
    // the most chosen topics; free-text "other" topics could otherwise outgrow the variable
    Map<String, Integer> topics = new LinkedHashMap<>();
    f.topics().entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(MAX_LISTED_TOPICS)
        .forEach(e -> topics.put(e.getKey().length() > 80 ? e.getKey().substring(0, 80) + "…" : e.getKey(), e.getValue()));
    map.put("topics", topics);
    return map;
  }

  /** Units as {@code [{"code","name"}]}, cut to fit a variable, with {@code more} counting the rest. */
  public void putUnits(Map<String, Object> summary, String key, List<Map<String, String>> units) {
    summary.put(key, units.size() > MAX_LISTED_UNITS ? units.subList(0, MAX_LISTED_UNITS) : units);
    if (units.size() > MAX_LISTED_UNITS) {
      summary.put(key + "More", units.size() - MAX_LISTED_UNITS);
    }
  }

  public String toJson(Map<String, Object> summary) {
    try {
      return json.writeValueAsString(summary);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
