package vn.thuvien.selftraining.concern;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.concern.Concerns.Concern;
import vn.thuvien.selftraining.directory.Directory;
import vn.thuvien.selftraining.report.ConcernLine;
import vn.thuvien.selftraining.report.ConcernSource;
import vn.thuvien.selftraining.report.ReportScope;

/**
 * The answered concerns of a campaign for its reports: the province's all, a Phòng's those raised
 * in its district (its schools' and its own), a unit's those raised in the unit.
 */
@Component
public class ConcernReportLines implements ConcernSource {

  private static final int MAX_LINES = 5000;

  private final Concerns concerns;
  private final Directory directory;

  public ConcernReportLines(Concerns concerns, Directory directory) {
    this.concerns = concerns;
    this.directory = directory;
  }

  @Override
  public List<ConcernLine> answered(String schoolYear, ReportScope scope) {
    String condition = switch (scope.level()) {
      case PROVINCE -> null;
      case DISTRICT -> "district_code = ?";
      case UNIT -> "unit_code = ?";
    };
    List<Object> args = scope.level() == ReportScope.Level.PROVINCE ? List.of() : List.of(scope.code());
    List<Concern> answered = new ArrayList<>(concerns.list(schoolYear, Concerns.Status.ANSWERED, condition, args,
        MAX_LINES));
    answered.sort((a, b) -> a.raisedAt().compareTo(b.raisedAt()));
    return answered.stream().map(this::line).toList();
  }

  private ConcernLine line(Concern c) {
    Set<String> route = new LinkedHashSet<>();
    String answeredBy = null;
    for (Concerns.Entry entry : concerns.thread(c.id())) {
      if (entry.toLabel() != null) {
        route.add(entry.toLabel());
      }
      if (entry.kind() == Concerns.EntryKind.ANSWERED) {
        answeredBy = entry.actorName() + " (" + entry.fromLabel() + ")";
      }
    }
    return new ConcernLine(day(c.raisedAt()), c.raisedByName(), directory.unitName(c.unitCode()), c.subject(),
        c.description(), String.join(" → ", route), c.answer(), answeredBy, day(c.answeredAt()));
  }

  private static LocalDate day(java.time.Instant instant) {
    return instant == null ? null : LocalDate.ofInstant(instant, CampaignCalendar.ZONE);
  }
}
