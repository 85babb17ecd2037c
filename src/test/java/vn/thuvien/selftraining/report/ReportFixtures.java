package vn.thuvien.selftraining.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.report.PersonRow.PhaseCell;
import vn.thuvien.selftraining.training.ParticipantStatus;
import vn.thuvien.selftraining.training.Phase;

/**
 * A small campaign of the province, written by hand so that every figure of the files is known:
 * two Phòng with two units each and one unit under the Sở; six people, one of them withdrawn.
 *
 * <pre>
 * Phòng GD&ĐT Thành phố Bến Tre (reported on time 01/03/2027)
 *   Trường THCS Phú Hưng      reported on time 25/02/2027   Nguyễn Thị Lan (evaluated, 8.5 Giỏi),
 *                                                         Trần Văn Minh (submitted, common part late)
 *   Trường Tiểu học An Hội    not reported (deadline past)  Lê Thị Hồng Nhung (closed overdue)
 * Phòng GD&ĐT huyện Châu Thành (not reported yet)
 *   Trường THCS Tân Thạch     reported late 03/03/2027      Đặng Minh Tuấn (in progress, plan late),
 *                                                         Phạm Quốc Dũng (withdrawn)
 *   Trường Mầm non Tam Phước  not reported yet              nobody
 * Các đơn vị trực thuộc Sở
 *   Trường THPT chuyên Bến Tre reported on time 20/02/2027  Võ Thị Thu Hà (evaluated, 7.25 Khá, submission late)
 * </pre>
 */
final class ReportFixtures {

  static final String DEPARTMENT = "Sở Giáo dục và Đào tạo Bến Tre";
  static final String CITY = "Phòng GD&ĐT Thành phố Bến Tre";
  static final String CHAU_THANH = "Phòng GD&ĐT huyện Châu Thành";
  /** 14:30 on 05/03/2027 in Bến Tre (07:30 UTC). */
  static final Instant GENERATED_AT = at("2027-03-05T14:30");
  static final ReportScope PROVINCE = new ReportScope(ReportScope.Level.PROVINCE, null, DEPARTMENT);

  private ReportFixtures() {
  }

  static final String SUPERIOR_BODY = "Ủy ban nhân dân tỉnh Bến Tre";

  static CampaignReport province() {
    return report(PROVINCE, List.of(city(), chauThanh(), direct()), "2458/SGD&ĐT-KHTC", LocalDate.of(2017, 12, 4));
  }

  static CampaignReport report(ReportScope scope, List<GroupRow> groups, String letterNumber, LocalDate letterDate) {
    Tally total = groups.stream().map(GroupRow::tally).reduce(Tally.empty(), Tally::plus);
    return new CampaignReport("2026-2027", DEPARTMENT, SUPERIOR_BODY, "Phòng GD&ĐT", letterNumber, letterDate, scope,
        GENERATED_AT, groups, total);
  }

  static GroupRow city() {
    UnitRow phuHung = new UnitRow("THCS-PHUHUNG", "Trường THCS Phú Hưng", "PGD-TPBT", CITY,
        tally(Map.of(ParticipantStatus.EVALUATED, 1, ParticipantStatus.SUBMITTED, 1), Map.of("Giỏi", 1),
            counts(2, 0, 0, 0, 0), counts(1, 1, 0, 0, 0), counts(2, 0, 0, 0, 0), counts(2, 0, 0, 0, 0),
            counts(2, 0, 0, 0, 0), counts(1, 0, 0, 1, 0)),
        reported(true, "2027-02-25T10:00"));
    UnitRow anHoi = new UnitRow("TH-ANHOI", "Trường Tiểu học An Hội", "PGD-TPBT", CITY,
        tally(Map.of(ParticipantStatus.INCOMPLETE_OVERDUE, 1), Map.of(),
            counts(1, 0, 0, 0, 0), counts(0, 0, 1, 0, 0), counts(0, 0, 1, 0, 0), counts(0, 0, 1, 0, 0),
            counts(0, 0, 1, 0, 0), counts(0, 0, 1, 0, 0)),
        new UnitReportState(UnitReportState.Status.NOT_REPORTED, false, null, null));
    return group("PGD-TPBT", CITY, List.of(phuHung, anHoi), reported(true, "2027-03-01T09:00"));
  }

  static GroupRow chauThanh() {
    UnitRow tanThach = new UnitRow("THCS-TANTHACH", "Trường THCS Tân Thạch", "PGD-CT", CHAU_THANH,
        tally(Map.of(ParticipantStatus.IN_PROGRESS, 1), Map.of(),
            counts(0, 1, 0, 0, 0), counts(0, 0, 0, 1, 0), counts(0, 0, 0, 0, 1), counts(0, 0, 0, 0, 1),
            counts(0, 0, 0, 0, 1), counts(0, 0, 0, 0, 1)),
        reported(false, "2027-03-03T16:00"));
    UnitRow tamPhuoc = new UnitRow("MN-TAMPHUOC", "Trường Mầm non Tam Phước", "PGD-CT", CHAU_THANH, Tally.empty(),
        UnitReportState.PENDING);
    return group("PGD-CT", CHAU_THANH, List.of(tanThach, tamPhuoc), UnitReportState.PENDING);
  }

  static GroupRow direct() {
    UnitRow chuyen = new UnitRow("THPT-CHUYENBT", "Trường THPT chuyên Bến Tre", null, "Trực thuộc Sở",
        tally(Map.of(ParticipantStatus.EVALUATED, 1), Map.of("Khá", 1),
            counts(1, 0, 0, 0, 0), counts(1, 0, 0, 0, 0), counts(1, 0, 0, 0, 0), counts(1, 0, 0, 0, 0),
            counts(0, 1, 0, 0, 0), counts(1, 0, 0, 0, 0)),
        reported(true, "2027-02-20T08:15"));
    return group(null, GroupRow.DIRECT_UNITS_NAME, List.of(chuyen), null);
  }

  /** The people, in the order CampaignReports streams them. */
  static List<PersonRow> people() {
    List<PersonRow> people = new ArrayList<>();
    // done at 00:30 on 15/10/2026 in Bến Tre, still the 14th in UTC
    people.add(person(1, "Nguyễn Thị Lan", "THCS-PHUHUNG", "Trường THCS Phú Hưng", CITY, ParticipantStatus.EVALUATED,
        phases(done(PhaseState.ON_TIME, "2026-10-15T00:30"), done(PhaseState.ON_TIME, "2026-11-20T09:00"),
            done(PhaseState.ON_TIME, "2027-01-10T09:00"), done(PhaseState.ON_TIME, "2027-02-12T09:00"),
            done(PhaseState.ON_TIME, "2027-02-20T09:00"), done(PhaseState.ON_TIME, "2027-02-24T15:00")),
        "Tổ chức hoạt động đọc sách cho học sinh", new BigDecimal("8.50"), "Giỏi"));
    people.add(person(2, "Trần Văn Minh", "THCS-PHUHUNG", "Trường THCS Phú Hưng", CITY, ParticipantStatus.SUBMITTED,
        phases(done(PhaseState.ON_TIME, "2026-10-10T08:00"), done(PhaseState.LATE, "2026-12-20T16:45"),
            done(PhaseState.ON_TIME, "2027-01-12T09:00"), done(PhaseState.ON_TIME, "2027-02-13T09:00"),
            done(PhaseState.ON_TIME, "2027-02-21T09:00"), open(PhaseState.OPEN)),
        "Ứng dụng công nghệ thông tin trong thư viện", null, null));
    people.add(person(3, "Lê Thị Hồng Nhung", "TH-ANHOI", "Trường Tiểu học An Hội", CITY,
        ParticipantStatus.INCOMPLETE_OVERDUE,
        phases(done(PhaseState.ON_TIME, "2026-10-12T08:00"), open(PhaseState.OVERDUE), open(PhaseState.OVERDUE),
            open(PhaseState.OVERDUE), open(PhaseState.OVERDUE), open(PhaseState.OVERDUE)),
        null, null, null));
    people.add(person(4, "Đặng Minh Tuấn", "THCS-TANTHACH", "Trường THCS Tân Thạch", CHAU_THANH,
        ParticipantStatus.IN_PROGRESS,
        phases(done(PhaseState.LATE, "2026-10-20T10:00"), open(PhaseState.OPEN), open(PhaseState.NOT_STARTED),
            open(PhaseState.NOT_STARTED), open(PhaseState.NOT_STARTED), open(PhaseState.NOT_STARTED)),
        null, null, null));
    people.add(person(5, "Phạm Quốc Dũng", "THCS-TANTHACH", "Trường THCS Tân Thạch", CHAU_THANH,
        ParticipantStatus.WITHDRAWN,
        phases(open(PhaseState.NOT_STARTED), open(PhaseState.NOT_STARTED), open(PhaseState.NOT_STARTED),
            open(PhaseState.NOT_STARTED), open(PhaseState.NOT_STARTED), open(PhaseState.NOT_STARTED)),
        null, null, null));
    people.add(person(6, "Võ Thị Thu Hà", "THPT-CHUYENBT", "Trường THPT chuyên Bến Tre", "Trực thuộc Sở",
        ParticipantStatus.EVALUATED,
        phases(done(PhaseState.ON_TIME, "2026-10-08T08:00"), done(PhaseState.ON_TIME, "2026-11-25T08:00"),
            done(PhaseState.ON_TIME, "2027-01-08T08:00"), done(PhaseState.ON_TIME, "2027-02-10T08:00"),
            done(PhaseState.LATE, "2027-02-28T21:00"), done(PhaseState.ON_TIME, "2027-03-02T10:00")),
        "Xây dựng thư viện thân thiện", new BigDecimal("7.25"), "Khá"));
    return people;
  }

  /** What ReportController passes to the writers: a streamer of the people. */
  static Consumer<Consumer<PersonRow>> streamer(List<PersonRow> people) {
    return sink -> people.forEach(sink);
  }

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(CampaignCalendar.ZONE).toInstant();
  }

  static GroupRow group(String code, String name, List<UnitRow> units, UnitReportState report) {
    Tally sum = units.stream().map(UnitRow::tally).reduce(Tally.empty(), Tally::plus);
    return new GroupRow(code, name, units, sum, report);
  }

  static UnitReportState reported(boolean onTime, String at) {
    return new UnitReportState(UnitReportState.Status.REPORTED, onTime, at(at), "hieutruong");
  }

  static PhaseCounts counts(int onTime, int late, int overdue, int open, int notStarted) {
    return new PhaseCounts(onTime, late, overdue, open, notStarted);
  }

  /** A tally from its statuses (participants and reports submitted follow), classifications and phases in order. */
  static Tally tally(Map<ParticipantStatus, Integer> statuses, Map<String, Integer> classifications,
      PhaseCounts... phases) {
    Map<ParticipantStatus, Integer> all = new EnumMap<>(Tally.empty().statuses());
    all.putAll(statuses);
    int participants = all.values().stream().mapToInt(Integer::intValue).sum();
    int submitted = CampaignReports.SUBMITTED.stream().mapToInt(s -> all.getOrDefault(s, 0)).sum();
    Map<String, Integer> scale = Figures.emptyScale();
    scale.putAll(classifications);
    Map<Phase, PhaseCounts> byPhase = new EnumMap<>(Phase.class);
    for (Phase phase : Phase.values()) {
      byPhase.put(phase, phases[phase.ordinal()]);
    }
    return new Tally(participants, submitted, all, scale, byPhase);
  }

  static PersonRow person(long id, String name, String unitCode, String unitName, String districtName,
      ParticipantStatus status, Map<Phase, PhaseCell> phases, String topic, BigDecimal score, String classification) {
    return new PersonRow(id, "gv" + id, name, "gv" + id + "@example.edu.vn", unitCode, unitName, districtName, status, phases, topic, score,
        classification, 0, "pi-" + id);
  }

  static Map<Phase, PhaseCell> phases(PhaseCell... cells) {
    Map<Phase, PhaseCell> phases = new EnumMap<>(Phase.class);
    for (Phase phase : Phase.values()) {
      phases.put(phase, cells[phase.ordinal()]);
    }
    return phases;
  }

  static PhaseCell done(PhaseState state, String at) {
    return new PhaseCell(state, at(at).minusSeconds(86_400), at(at));
  }

  static PhaseCell open(PhaseState state) {
    return new PhaseCell(state, null, null);
  }
}
