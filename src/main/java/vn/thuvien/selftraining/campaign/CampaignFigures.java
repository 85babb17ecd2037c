package vn.thuvien.selftraining.campaign;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.thuvien.selftraining.campaign.Figures.PhaseFigures;
import vn.thuvien.selftraining.training.ParticipantStatus;
import vn.thuvien.selftraining.training.Phase;

/**
 * Figures by SQL over {@code participant_record} and {@code participant_phase}, for a unit, a
 * district (its units through {@code org_unit.district_code}) or the whole province.
 */
@Service
public class CampaignFigures {

  private final JdbcTemplate jdbc;

  public CampaignFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Figures ofUnit(String schoolYear, String unitCode) {
    return compute("r.unit_code = ?", schoolYear, unitCode);
  }

  public Figures ofDistrict(String schoolYear, String districtCode) {
    return compute("r.unit_code IN (SELECT code FROM org_unit WHERE district_code = ?)", schoolYear, districtCode);
  }

  public Figures ofProvince(String schoolYear) {
    return compute("1 = 1", schoolYear);
  }

  private Figures compute(String scope, String schoolYear, Object... scopeArgs) {
    Object[] args = args(schoolYear, scopeArgs);
    int[] statuses = new int[ParticipantStatus.values().length];
    Map<String, Integer> classifications = Figures.emptyScale();
    Map<String, Integer> topics = new LinkedHashMap<>();
    jdbc.query("SELECT r.status, r.classification, r.topic, COUNT(*) AS n FROM participant_record r "
        + "WHERE r.school_year = ? AND " + scope + " GROUP BY r.status, r.classification, r.topic "
        + "ORDER BY r.topic", rs -> {
          ParticipantStatus status = ParticipantStatus.valueOf(rs.getString("status"));
          int n = rs.getInt("n");
          statuses[status.ordinal()] += n;
          if (status == ParticipantStatus.WITHDRAWN) {
            return;
          }
          String classification = rs.getString("classification");
          if (classification != null && status == ParticipantStatus.EVALUATED) {
            classifications.merge(classification, n, Integer::sum);
          }
          String topic = rs.getString("topic");
          if (topic != null) {
            topics.merge(topic, n, Integer::sum);
          }
        }, args);
    int participants = 0;
    for (ParticipantStatus status : ParticipantStatus.values()) {
      if (status != ParticipantStatus.WITHDRAWN) {
        participants += statuses[status.ordinal()];
      }
    }
    Map<Phase, PhaseFigures> phases = new EnumMap<>(Phase.class);
    for (Phase phase : Phase.values()) {
      phases.put(phase, new PhaseFigures(0, 0, participants));
    }
    int total = participants;
    jdbc.query("SELECT p.phase, "
        + "SUM(CASE WHEN p.completed_at IS NOT NULL AND p.on_time = TRUE THEN 1 ELSE 0 END) AS on_time, "
        + "SUM(CASE WHEN p.completed_at IS NOT NULL AND p.on_time = FALSE THEN 1 ELSE 0 END) AS late "
        + "FROM participant_phase p JOIN participant_record r ON r.id = p.record_id "
        + "WHERE r.school_year = ? AND r.status <> 'WITHDRAWN' AND " + scope + " GROUP BY p.phase", rs -> {
          int onTime = rs.getInt("on_time");
          int late = rs.getInt("late");
          phases.put(Phase.valueOf(rs.getString("phase")), new PhaseFigures(onTime, late, total - onTime - late));
        }, args);
    return new Figures(participants,
        statuses[ParticipantStatus.EVALUATED.ordinal()],
        statuses[ParticipantStatus.SUBMITTED_NOT_EVALUATED.ordinal()],
        statuses[ParticipantStatus.INCOMPLETE_OVERDUE.ordinal()],
        statuses[ParticipantStatus.IN_PROGRESS.ordinal()] + statuses[ParticipantStatus.SUBMITTED.ordinal()]
            + statuses[ParticipantStatus.RETURNED.ordinal()],
        classifications, phases, topics);
  }

  private static Object[] args(String schoolYear, Object... scopeArgs) {
    List<Object> args = new ArrayList<>();
    args.add(schoolYear);
    args.addAll(List.of(scopeArgs));
    return args.toArray();
  }
}
