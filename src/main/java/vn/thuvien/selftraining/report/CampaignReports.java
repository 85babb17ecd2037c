package vn.thuvien.selftraining.report;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

import vn.thuvien.selftraining.directory.CampaignStructure;
import vn.thuvien.selftraining.report.PersonRow.PhaseCell;
import vn.thuvien.selftraining.training.ParticipantStatus;
import vn.thuvien.selftraining.training.Phase;

/**
 * The figures of a campaign by SQL over the records ({@code participant_record},
 * {@code participant_phase}, {@code unit_report}) and the directory: per unit, summed per Phòng
 * GD&ĐT and for the units under the Sở, and in total. A handful of queries whatever the size: the
 * records are grouped by the database, units and reports are read once.
 *
 * <p>A phase is <em>on time</em> or <em>late</em> once done; <em>overdue</em> when open past its due
 * date, or never done by a participant closed at the cut-off; <em>open</em> when open and not yet
 * due; <em>not started</em> when its task has not opened.
 */
@Service
public class CampaignReports {

  /** Statuses of a participant whose report reached the principal. */
  static final List<ParticipantStatus> SUBMITTED = List.of(ParticipantStatus.SUBMITTED, ParticipantStatus.RETURNED,
      ParticipantStatus.EVALUATED, ParticipantStatus.SUBMITTED_NOT_EVALUATED);

  private static final String UNIT_SCOPE = "r.unit_code = ?";
  private static final String DISTRICT_SCOPE = "r.unit_code IN (SELECT cu.unit_code FROM campaign_unit cu "
      + "WHERE cu.school_year = r.school_year AND cu.district_code = ?)";

  private final JdbcTemplate jdbc;
  private final CampaignStructure structure;
  private final Clock clock;

  public CampaignReports(JdbcTemplate jdbc, CampaignStructure structure, Clock clock) {
    this.jdbc = jdbc;
    this.structure = structure;
    this.clock = clock;
  }

  /** School years that have a campaign, newest first. */
  public List<String> schoolYears() {
    return jdbc.queryForList("SELECT school_year FROM campaign ORDER BY school_year DESC", String.class);
  }

  public boolean campaignExists(String schoolYear) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM campaign WHERE school_year = ?", Integer.class, schoolYear);
    return n != null && n > 0;
  }

  /**
   * The figures of the scope as of now, grouped as the campaign was launched
   * ({@link CampaignStructure}): a directory imported since changes nothing here.
   */
  public CampaignReport report(String schoolYear, ReportScope scope) {
    Instant now = clock.instant();
    List<CampaignStructure.Unit> units = structure.units(schoolYear);
    boolean intermediatesReport = structure.throughIntermediate(schoolYear);
    Map<String, UnitReportState> reports = reports(schoolYear);
    Map<String, Tally> tallies = tallies(schoolYear, scope, now);

    List<GroupRow> groups = new ArrayList<>();
    switch (scope.level()) {
      case PROVINCE -> {
        Map<String, List<CampaignStructure.Unit>> byDistrict = new LinkedHashMap<>();
        List<CampaignStructure.Unit> direct = new ArrayList<>();
        for (CampaignStructure.Unit unit : units) {
          if (unit.districtCode() == null) {
            direct.add(unit);
          } else {
            byDistrict.computeIfAbsent(unit.districtCode(), k -> new ArrayList<>()).add(unit);
          }
        }
        byDistrict.forEach((code, members) -> groups.add(group(code, members.get(0).districtName(), members, tallies,
            reports, intermediatesReport)));
        if (!direct.isEmpty()) {
          groups.add(group(null, GroupRow.DIRECT_UNITS_NAME, direct, tallies, reports, intermediatesReport));
        }
      }
      case DISTRICT -> groups.add(group(scope.code(), scope.name(),
          units.stream().filter(u -> scope.code().equals(u.districtCode())).toList(), tallies, reports,
          intermediatesReport));
      case UNIT -> {
        CampaignStructure.Unit unit = units.stream().filter(u -> u.code().equals(scope.code())).findFirst()
            .orElse(null);
        String district = unit == null ? null : unit.districtCode();
        groups.add(group(district, district == null ? GroupRow.DIRECT_UNITS_NAME : unit.districtName(),
            unit == null ? List.of() : List.of(unit), tallies, reports, intermediatesReport));
      }
    }
    Tally total = groups.stream().map(GroupRow::tally).reduce(Tally.empty(), Tally::plus);
    // column keys of queryForList are case-insensitive (H2 upper-cases, PostgreSQL lower-cases)
    Map<String, Object> campaign = jdbc.queryForList(
        "SELECT letter_number, letter_date FROM campaign WHERE school_year = ?", schoolYear).stream()
        .findFirst().orElse(Map.of());
    CampaignStructure.Header header = structure.header(schoolYear);
    return new CampaignReport(schoolYear, header.departmentName() == null ? "Sở GD&ĐT" : header.departmentName(),
        header.superiorBody(), structure.intermediateLevelName(schoolYear), (String) campaign.get("letter_number"),
        campaign.get("letter_date") instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) null,
        scope, now, groups, total);
  }

  private static GroupRow group(String code, String name, List<CampaignStructure.Unit> members,
      Map<String, Tally> tallies, Map<String, UnitReportState> reports, boolean intermediatesReport) {
    List<UnitRow> rows = new ArrayList<>();
    Tally sum = Tally.empty();
    for (CampaignStructure.Unit unit : members) {
      Tally tally = tallies.getOrDefault(unit.code(), Tally.empty());
      String districtName = unit.districtCode() == null ? "Trực thuộc Sở" : unit.districtName();
      rows.add(new UnitRow(unit.code(), unit.name(), unit.districtCode(), districtName, tally,
          reports.getOrDefault(unit.code(), UnitReportState.PENDING)));
      sum = sum.plus(tally);
    }
    // on the direct route an intermediate unit sends no report of its own
    UnitReportState report = code == null || !intermediatesReport ? null
        : reports.getOrDefault(code, UnitReportState.PENDING);
    return new GroupRow(code, name, rows, sum, report);
  }

  private Map<String, UnitReportState> reports(String schoolYear) {
    Map<String, UnitReportState> reports = new HashMap<>();
    jdbc.query("SELECT unit_code, status, on_time, reported_at, reported_by FROM unit_report WHERE school_year = ?",
        (RowCallbackHandler) rs -> {
          UnitReports.Status status = UnitReports.Status.valueOf(rs.getString("status"));
          Timestamp at = rs.getTimestamp("reported_at");
          reports.put(rs.getString("unit_code"), status == UnitReports.Status.REPORTED
              ? new UnitReportState(UnitReportState.Status.REPORTED, (Boolean) rs.getObject("on_time", Boolean.class),
                  at == null ? null : at.toInstant(), rs.getString("reported_by"))
              : new UnitReportState(UnitReportState.Status.NOT_REPORTED, false, null, null));
        }, schoolYear);
    return reports;
  }

  /**
   * The sum over every record of the scope, whatever the directory says today (a unit deactivated
   * since keeps its people in the count): what the processes' summaries hold.
   */
  public Tally tally(String schoolYear, ReportScope scope) {
    return tallies(schoolYear, scope, clock.instant()).values().stream().reduce(Tally.empty(), Tally::plus);
  }

  /** How many participants chose each optional topic, most chosen first. */
  public Map<String, Integer> topics(String schoolYear, ReportScope scope) {
    Map<String, Integer> topics = new LinkedHashMap<>();
    jdbc.query("SELECT r.topic, COUNT(*) AS n FROM participant_record r WHERE " + where(scope)
        + " AND r.status <> 'WITHDRAWN' AND r.topic IS NOT NULL GROUP BY r.topic ORDER BY n DESC, r.topic",
        (RowCallbackHandler) rs -> topics.put(rs.getString("topic"), rs.getInt("n")), args(schoolYear, scope));
    return topics;
  }

  private static String where(ReportScope scope) {
    return "r.school_year = ?" + switch (scope.level()) {
      case PROVINCE -> "";
      case DISTRICT -> " AND " + DISTRICT_SCOPE;
      case UNIT -> " AND " + UNIT_SCOPE;
    };
  }

  private static Object[] args(String schoolYear, ReportScope scope) {
    return scope.level() == ReportScope.Level.PROVINCE ? new Object[] {schoolYear}
        : new Object[] {schoolYear, scope.code()};
  }

  /** Per unit code: statuses and classifications in one query, phase states in another. */
  private Map<String, Tally> tallies(String schoolYear, ReportScope scope, Instant now) {
    String where = where(scope);
    Object[] args = args(schoolYear, scope);

    Map<String, Map<ParticipantStatus, Integer>> statuses = new HashMap<>();
    Map<String, Map<String, Integer>> classifications = new HashMap<>();
    jdbc.query("SELECT r.unit_code, r.status, r.classification, COUNT(*) AS n FROM participant_record r WHERE "
        + where + " AND r.status <> 'WITHDRAWN' GROUP BY r.unit_code, r.status, r.classification",
        (RowCallbackHandler) rs -> {
          String unit = rs.getString("unit_code");
          ParticipantStatus status = ParticipantStatus.valueOf(rs.getString("status"));
          int n = rs.getInt("n");
          statuses.computeIfAbsent(unit, k -> new EnumMap<>(ParticipantStatus.class)).merge(status, n, Integer::sum);
          String classification = rs.getString("classification");
          if (status == ParticipantStatus.EVALUATED && classification != null) {
            classifications.computeIfAbsent(unit, k -> Figures.emptyScale()).merge(classification, n, Integer::sum);
          }
        }, args);

    Object[] phaseArgs = new Object[args.length + 2];
    Timestamp nowTs = Timestamp.from(now);
    phaseArgs[0] = nowTs;
    phaseArgs[1] = nowTs;
    System.arraycopy(args, 0, phaseArgs, 2, args.length);
    // phase rows of participants closed at the cut-off: their missing phases count as overdue
    Map<String, Map<Phase, int[]>> phases = new HashMap<>();
    jdbc.query("SELECT r.unit_code, p.phase, "
        + "SUM(CASE WHEN p.completed_at IS NOT NULL AND p.on_time = TRUE THEN 1 ELSE 0 END) AS on_time, "
        + "SUM(CASE WHEN p.completed_at IS NOT NULL AND p.on_time = FALSE THEN 1 ELSE 0 END) AS late, "
        + "SUM(CASE WHEN p.completed_at IS NULL AND (p.due_at < ? OR r.closed_at IS NOT NULL) THEN 1 ELSE 0 END) "
        + "AS overdue, "
        + "SUM(CASE WHEN p.completed_at IS NULL AND (p.due_at IS NULL OR p.due_at >= ?) AND r.closed_at IS NULL "
        + "THEN 1 ELSE 0 END) AS open_now, "
        + "SUM(CASE WHEN r.status = 'INCOMPLETE_OVERDUE' THEN 1 ELSE 0 END) AS of_closed "
        + "FROM participant_phase p JOIN participant_record r ON r.id = p.record_id WHERE " + where
        + " AND r.status <> 'WITHDRAWN' GROUP BY r.unit_code, p.phase",
        (RowCallbackHandler) rs -> phases.computeIfAbsent(rs.getString("unit_code"), k -> new EnumMap<>(Phase.class))
            .put(Phase.valueOf(rs.getString("phase")), new int[] {rs.getInt("on_time"), rs.getInt("late"),
                rs.getInt("overdue"), rs.getInt("open_now"), rs.getInt("of_closed")}),
        phaseArgs);

    Map<String, Tally> tallies = new HashMap<>();
    for (Map.Entry<String, Map<ParticipantStatus, Integer>> e : statuses.entrySet()) {
      String unit = e.getKey();
      Tally empty = Tally.empty();
      Map<ParticipantStatus, Integer> s = new EnumMap<>(empty.statuses());
      e.getValue().forEach((k, v) -> s.merge(k, v, Integer::sum));
      int participants = s.values().stream().mapToInt(Integer::intValue).sum();
      int submitted = SUBMITTED.stream().mapToInt(st -> s.getOrDefault(st, 0)).sum();
      int closedOverdue = s.getOrDefault(ParticipantStatus.INCOMPLETE_OVERDUE, 0);
      Map<Phase, PhaseCounts> phaseCounts = new EnumMap<>(Phase.class);
      Map<Phase, int[]> unitPhases = phases.getOrDefault(unit, Map.of());
      for (Phase phase : Phase.values()) {
        int[] c = unitPhases.getOrDefault(phase, new int[5]);
        // a participant closed as overdue never reached this phase: overdue too, not "not started"
        int closedWithoutRow = closedOverdue - c[4];
        int overdue = c[2] + closedWithoutRow;
        int notStarted = participants - c[0] - c[1] - overdue - c[3];
        phaseCounts.put(phase, new PhaseCounts(c[0], c[1], overdue, c[3], notStarted));
      }
      tallies.put(unit, new Tally(participants, submitted, s,
          classifications.getOrDefault(unit, Figures.emptyScale()), phaseCounts));
    }
    return tallies;
  }

  /**
   * Streams the people of the scope (withdrawn ones too, with their status), by Phòng, unit and
   * name (given name first, {@link VietnameseNameOrder}), without holding more than a unit's
   * people: 50,000 lines are written straight to a sheet.
   *
   * <p>Two queries: the phases first, in key order, kept as numbers (about 200 bytes a person);
   * then the records alone, sorted. One sorted join of every (record, phase) row is six times as
   * many rows to sort: H2 spills such a sort to disk past its in-memory limit, several seconds for
   * 50,000 people.
   */
  public void forEachPerson(String schoolYear, ReportScope scope, Consumer<PersonRow> sink) {
    Instant now = clock.instant();
    String where = where(scope);
    Object[] args = args(schoolYear, scope);
    Map<String, String> unitNames = new HashMap<>();
    Map<String, String> districtOf = new HashMap<>();
    for (CampaignStructure.Unit unit : structure.units(schoolYear)) {
      unitNames.put(unit.code(), unit.name());
      if (unit.districtCode() != null) {
        districtOf.put(unit.code(), unit.districtCode());
        unitNames.putIfAbsent(unit.districtCode(), unit.districtName());
      }
    }
    PhaseRows phases = new PhaseRows();
    jdbc.query("SELECT p.record_id, p.phase, p.due_at, p.completed_at, p.on_time FROM participant_phase p "
        + "JOIN participant_record r ON r.id = p.record_id WHERE " + where, phases, args);
    PersonCollector collector = new PersonCollector(sink, now, unitNames, districtOf, phases);
    jdbc.query("SELECT r.id, r.person_id, r.person_name, r.unit_code, r.status, r.topic, r.score, r.classification, "
        + "r.revision_count, r.process_instance_id, r.closed_at, u.district_code, p.email "
        + "FROM participant_record r LEFT JOIN campaign_unit u ON u.school_year = r.school_year "
        + "AND u.unit_code = r.unit_code "
        + "LEFT JOIN person p ON p.id = r.person_id WHERE " + where
        // units under the Sở last, as in the figures; H2 and PostgreSQL disagree on where NULL sorts;
        // within a unit the collector orders the names as Vietnamese lists do
        + " ORDER BY u.district_code NULLS LAST, r.unit_code", collector, args);
    collector.flush();
  }

  /**
   * The phase rows of the scope per record id, as numbers: per phase its due and completion times
   * (epoch microseconds, the columns' precision) and whether (and how) the row exists.
   */
  private static final class PhaseRows implements RowCallbackHandler {

    private static final int SLOTS = 3;
    private static final long NONE = Long.MIN_VALUE;
    /** Third slot: no row, row without on_time, on time, late. */
    private static final long ABSENT = 0;
    private static final long UNKNOWN = 1;
    private static final long ON_TIME = 2;
    private static final long LATE = 3;

    private final Map<Long, long[]> byRecord = new HashMap<>();

    @Override
    public void processRow(ResultSet rs) throws SQLException {
      long[] row = byRecord.computeIfAbsent(rs.getLong("record_id"), k -> new long[Phase.values().length * SLOTS]);
      int at = Phase.valueOf(rs.getString("phase")).ordinal() * SLOTS;
      Timestamp due = rs.getTimestamp("due_at");
      Timestamp completed = rs.getTimestamp("completed_at");
      Boolean onTime = (Boolean) rs.getObject("on_time", Boolean.class);
      row[at] = micros(due);
      row[at + 1] = micros(completed);
      row[at + 2] = onTime == null ? UNKNOWN : onTime ? ON_TIME : LATE;
    }

    /** The record's phases, every phase listed; forgets them (each record is read once). */
    Map<Phase, PhaseCell> take(long recordId, ParticipantStatus status, boolean closed, Instant now) {
      long[] row = byRecord.remove(recordId);
      Map<Phase, PhaseCell> cells = new EnumMap<>(Phase.class);
      for (Phase phase : Phase.values()) {
        int at = phase.ordinal() * SLOTS;
        if (status == ParticipantStatus.WITHDRAWN) {
          cells.put(phase, new PhaseCell(PhaseState.NOT_PARTICIPATING, null, null));
          continue;
        }
        if (row == null || row[at + 2] == ABSENT) {
          // a participant closed as overdue never reached this phase: overdue too, not "not started"
          boolean missed = status == ParticipantStatus.INCOMPLETE_OVERDUE;
          cells.put(phase, new PhaseCell(missed ? PhaseState.OVERDUE : PhaseState.NOT_STARTED, null, null));
          continue;
        }
        Instant due = instant(row[at]);
        Instant completed = instant(row[at + 1]);
        PhaseState state = completed != null ? (row[at + 2] == LATE ? PhaseState.LATE : PhaseState.ON_TIME)
            : closed || (due != null && due.isBefore(now)) ? PhaseState.OVERDUE : PhaseState.OPEN;
        cells.put(phase, new PhaseCell(state, due, completed));
      }
      return cells;
    }

    private static long micros(Timestamp at) {
      return at == null ? NONE : ChronoUnit.MICROS.between(Instant.EPOCH, at.toInstant());
    }

    private static Instant instant(long micros) {
      return micros == NONE ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
  }

  /** Turns each record row, with its phases read before, into one {@link PersonRow}. */
  private static final class PersonCollector implements RowCallbackHandler {

    private final Consumer<PersonRow> sink;
    private final Instant now;
    private final Map<String, String> unitNames;
    private final Map<String, String> districtOf;
    private final PhaseRows phases;
    /** One unit's people at a time (a few dozen), sorted before they go on. */
    private final List<PersonRow> unitRows = new ArrayList<>();
    private String currentUnit;

    PersonCollector(Consumer<PersonRow> sink, Instant now, Map<String, String> unitNames,
        Map<String, String> districtOf, PhaseRows phases) {
      this.sink = sink;
      this.now = now;
      this.unitNames = unitNames;
      this.districtOf = districtOf;
      this.phases = phases;
    }

    @Override
    public void processRow(ResultSet rs) throws SQLException {
      long id = rs.getLong("id");
      String unit = rs.getString("unit_code");
      String district = districtOf.get(unit);
      ParticipantStatus status = ParticipantStatus.valueOf(rs.getString("status"));
      boolean closed = rs.getTimestamp("closed_at") != null;
      if (!unit.equals(currentUnit)) {
        flush();
        currentUnit = unit;
      }
      unitRows.add(new PersonRow(id, rs.getString("person_id"), rs.getString("person_name"), rs.getString("email"), unit,
          unitNames.getOrDefault(unit, unit),
          district == null ? "Trực thuộc Sở" : unitNames.getOrDefault(district, district), status,
          phases.take(id, status, closed, now), rs.getString("topic"), rs.getBigDecimal("score"),
          rs.getString("classification"), rs.getInt("revision_count"), rs.getString("process_instance_id")));
    }

    /** Hands the people of the unit read last to the sink, in Vietnamese name order. */
    void flush() {
      unitRows.sort(VietnameseNameOrder.PEOPLE);
      unitRows.forEach(sink);
      unitRows.clear();
    }
  }
}
