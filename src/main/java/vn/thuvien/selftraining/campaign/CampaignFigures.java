package vn.thuvien.selftraining.campaign;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.thuvien.selftraining.report.Figures.PhaseFigures;
import vn.thuvien.selftraining.report.CampaignReports;
import vn.thuvien.selftraining.report.PhaseCounts;
import vn.thuvien.selftraining.report.ReportScope;
import vn.thuvien.selftraining.report.Tally;
import vn.thuvien.selftraining.training.ParticipantStatus;
import vn.thuvien.selftraining.training.Phase;
import vn.thuvien.selftraining.report.Figures;

/**
 * The figures that the processes keep as compact summaries, for a unit, a district or the whole
 * province: the totals of {@link CampaignReports} (the one place the records are counted) with
 * the topics chosen.
 */
@Service
public class CampaignFigures {

  private final CampaignReports reports;

  public CampaignFigures(CampaignReports reports) {
    this.reports = reports;
  }

  public Figures ofUnit(String schoolYear, String unitCode) {
    return of(schoolYear, new ReportScope(ReportScope.Level.UNIT, unitCode, unitCode));
  }

  public Figures ofDistrict(String schoolYear, String districtCode) {
    return of(schoolYear, new ReportScope(ReportScope.Level.DISTRICT, districtCode, districtCode));
  }

  public Figures ofProvince(String schoolYear) {
    return of(schoolYear, new ReportScope(ReportScope.Level.PROVINCE, null, null));
  }

  private Figures of(String schoolYear, ReportScope scope) {
    Tally t = reports.tally(schoolYear, scope);
    Map<Phase, PhaseFigures> phases = new EnumMap<>(Phase.class);
    for (Map.Entry<Phase, PhaseCounts> e : t.phases().entrySet()) {
      phases.put(e.getKey(), new PhaseFigures(e.getValue().onTime(), e.getValue().late(), e.getValue().notDone()));
    }
    return new Figures(t.participants(), t.evaluated(),
        t.status(ParticipantStatus.SUBMITTED_NOT_EVALUATED), t.status(ParticipantStatus.INCOMPLETE_OVERDUE),
        t.status(ParticipantStatus.IN_PROGRESS) + t.status(ParticipantStatus.SUBMITTED)
            + t.status(ParticipantStatus.RETURNED),
        t.classifications(), phases, reports.topics(schoolYear, scope));
  }
}
