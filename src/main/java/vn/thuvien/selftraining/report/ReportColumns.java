package vn.thuvien.selftraining.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.training.ParticipantStatus;
import vn.thuvien.selftraining.training.Phase;

/**
 * The columns of the report's tables, shared by {@link XlsxReportWriter} and {@link CsvReportWriter}
 * so that both files carry the same Vietnamese titles in the same order. A column's value is an
 * {@link Integer}, a {@link BigDecimal} (score), a {@link LocalDate}, a {@link String} or
 * {@code null}; each writer decides how to print it. The "STT" (row number) column is not listed:
 * it depends on where a row stands, so the writers add it in front.
 */
final class ReportColumns {

  static final String STT = "STT";
  static final String TOTAL = "Tổng cộng";
  static final String CLASSIFICATION_GROUP = "Xếp loại";
  static final String ON_TIME = "Đúng hạn";
  static final String LATE = "Trễ hạn";
  static final String NOT_DONE = "Chưa hoàn thành";
  static final String PHASE_STATE = "Tình trạng";
  static final String COMPLETED_ON = "Ngày hoàn thành";
  static final String PARTICIPANTS = "Số người tham gia";
  static final String SUBMITTED = "Đã nộp thu hoạch";
  static final String OVERDUE = ParticipantStatus.INCOMPLETE_OVERDUE.label();

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private ReportColumns() {
  }

  /**
   * One column.
   *
   * @param group the title spanning several columns above this one (a phase, "Xếp loại"), or
   *              {@code null} for a column titled on its own
   * @param width width in characters in the workbook
   */
  record Column<T>(String group, String title, int width, Function<T, Object> value) {

    /** One-row title, as CSV has it: "Viết thu hoạch – Đúng hạn". */
    String flatTitle() {
      return group == null ? title : group + " – " + title;
    }
  }

  /** The scale's classifications, then any other found in the figures (a changed decision table). */
  static List<String> classifications(CampaignReport report) {
    Set<String> labels = new LinkedHashSet<>(Arrays.asList(Figures.SCALE));
    report.groups().forEach(g -> labels.addAll(g.tally().classifications().keySet()));
    return List.copyOf(labels);
  }

  /**
   * The title of the intermediate level's column, as the campaign's directory names it ("UBND
   * xã/phường", "Phòng GD&ĐT"; "Cấp trung gian" when it had none).
   */
  static String levelTitle(String levelName) {
    return levelName == null || levelName.isEmpty() ? "Cấp trung gian"
        : Character.toUpperCase(levelName.charAt(0)) + levelName.substring(1);
  }

  /** "Tổng hợp": one line per intermediate unit (and one for the units under the Sở). */
  static List<Column<GroupRow>> groupColumns(String levelName, List<String> classifications) {
    List<Column<GroupRow>> columns = new ArrayList<>();
    columns.add(new Column<>(null, "Đơn vị", 34, GroupRow::name));
    columns.add(new Column<>(null, "Số đơn vị", 8, g -> g.units().size()));
    columns.add(new Column<>(null, "Số đơn vị đã báo cáo", 10, GroupRow::unitsReported));
    columns.add(new Column<>(null, "Báo cáo của " + (levelName == null ? "cấp trung gian" : levelName), 22,
        g -> g.report() == null ? null : g.report().label()));
    columns.addAll(tallyColumns(GroupRow::tally, classifications));
    return columns;
  }

  /** "Đơn vị": one line per unit. */
  static List<Column<ConcernLine>> concernColumns() {
    return List.of(
        new Column<>(null, "Ngày gửi", 12, ConcernLine::raisedOn),
        new Column<>(null, "Người phản ánh", 24, ConcernLine::raisedBy),
        new Column<>(null, "Đơn vị", 28, ConcernLine::unitName),
        new Column<>(null, "Tiêu đề", 30, ConcernLine::subject),
        new Column<>(null, "Nội dung vướng mắc", 50, ConcernLine::description),
        new Column<>(null, "Các cấp đã xử lý", 34, ConcernLine::route),
        new Column<>(null, "Nội dung trả lời", 50, ConcernLine::answer),
        new Column<>(null, "Người trả lời", 24, ConcernLine::answeredBy),
        new Column<>(null, "Ngày trả lời", 12, ConcernLine::answeredOn));
  }

  static List<Column<UnitRow>> unitColumns(String levelName, List<String> classifications) {
    List<Column<UnitRow>> columns = new ArrayList<>();
    columns.add(new Column<>(null, "Mã đơn vị", 14, UnitRow::code));
    columns.add(new Column<>(null, "Tên đơn vị", 34, UnitRow::name));
    columns.add(new Column<>(null, levelTitle(levelName), 26, UnitRow::districtName));
    columns.add(new Column<>(null, "Báo cáo của đơn vị", 24, u -> reportText(u.report())));
    columns.addAll(tallyColumns(UnitRow::tally, classifications));
    return columns;
  }

  /** The figures both tables share: participants, classifications, overdue, each phase. */
  private static <T> List<Column<T>> tallyColumns(Function<T, Tally> tally, List<String> classifications) {
    List<Column<T>> columns = new ArrayList<>();
    columns.add(new Column<>(null, PARTICIPANTS, 10, r -> tally.apply(r).participants()));
    columns.add(new Column<>(null, SUBMITTED, 10, r -> tally.apply(r).reportSubmitted()));
    for (String label : classifications) {
      columns.add(new Column<>(CLASSIFICATION_GROUP, label, 9,
          r -> tally.apply(r).classifications().getOrDefault(label, 0)));
    }
    columns.add(new Column<>(null, OVERDUE, 12, r -> tally.apply(r).status(ParticipantStatus.INCOMPLETE_OVERDUE)));
    for (Phase phase : Phase.values()) {
      columns.add(new Column<>(phase.label(), ON_TIME, 8, r -> tally.apply(r).phase(phase).onTime()));
      columns.add(new Column<>(phase.label(), LATE, 8, r -> tally.apply(r).phase(phase).late()));
      columns.add(new Column<>(phase.label(), NOT_DONE, 9, r -> tally.apply(r).phase(phase).notDone()));
    }
    return columns;
  }

  /** "Cá nhân": one line per person, every phase's state and completion day. */
  static List<Column<PersonRow>> personColumns(String levelName) {
    List<Column<PersonRow>> columns = new ArrayList<>();
    columns.add(new Column<>(null, "Họ và tên", 28, PersonRow::fullName));
    columns.add(new Column<>(null, "Mã người", 14, PersonRow::personId));
    columns.add(new Column<>(null, "Email", 28, PersonRow::email));
    columns.add(new Column<>(null, "Đơn vị", 32, PersonRow::unitName));
    columns.add(new Column<>(null, levelTitle(levelName), 28, PersonRow::districtName));
    for (Phase phase : Phase.values()) {
      columns.add(new Column<>(phase.label(), PHASE_STATE, 24, p -> cell(p, phase).state().label()));
      columns.add(new Column<>(phase.label(), COMPLETED_ON, 12, p -> completedOn(cell(p, phase))));
    }
    columns.add(new Column<>(null, "Chủ đề tự chọn", 30, PersonRow::topic));
    columns.add(new Column<>(null, "Điểm", 8, PersonRow::score));
    columns.add(new Column<>(null, "Xếp loại", 14, PersonRow::classification));
    columns.add(new Column<>(null, "Tình trạng chung", 30, p -> p.status().label()));
    return columns;
  }

  /** "Đã gửi báo cáo (đúng hạn), ngày 20/05/2027"; empty for a line without a report (a total). */
  static String reportText(UnitReportState report) {
    if (report == null) {
      return null;
    }
    return report.reportedAt() == null ? report.label()
        : report.label() + ", ngày " + DATE.format(report.reportedAt().atZone(CampaignCalendar.ZONE));
  }

  private static PersonRow.PhaseCell cell(PersonRow person, Phase phase) {
    PersonRow.PhaseCell cell = person.phase(phase);
    return cell == null ? new PersonRow.PhaseCell(PhaseState.NOT_STARTED, null, null) : cell;
  }

  /** The local day a phase was done (Asia/Ho_Chi_Minh), {@code null} when not done. */
  private static LocalDate completedOn(PersonRow.PhaseCell cell) {
    return cell.completedAt() == null ? null : LocalDate.ofInstant(cell.completedAt(), CampaignCalendar.ZONE);
  }

  /**
   * What the "Tổng cộng" line under the people counts: participants (withdrawn people are listed
   * but are no participants), each phase done, the average score.
   */
  static final class PeopleTotals {

    private int participants;
    private int withdrawn;
    private final int[] done = new int[Phase.values().length];
    private BigDecimal scoreSum = BigDecimal.ZERO;
    private int scored;

    void add(PersonRow person) {
      if (person.status() == ParticipantStatus.WITHDRAWN) {
        withdrawn++;
        return;
      }
      participants++;
      for (Phase phase : Phase.values()) {
        if (cell(person, phase).state().done()) {
          done[phase.ordinal()]++;
        }
      }
      if (person.score() != null) {
        scoreSum = scoreSum.add(person.score());
        scored++;
      }
    }

    int participants() {
      return participants;
    }

    int withdrawn() {
      return withdrawn;
    }

    int done(Phase phase) {
      return done[phase.ordinal()];
    }

    /** Average of the scores given, two decimals; {@code null} when nobody has a score. */
    BigDecimal averageScore() {
      return scored == 0 ? null : scoreSum.divide(BigDecimal.valueOf(scored), 2, RoundingMode.HALF_UP);
    }
  }

  /**
   * The "Tổng cộng" line under the people, aligned with {@link #personColumns()}: participants under
   * "Đơn vị" (and the withdrawn left out under the intermediate level's column), under each phase's state how many
   * did it, the average under "Điểm".
   */
  static List<Object> personTotals(PeopleTotals totals) {
    List<Object> values = new ArrayList<>();
    values.add(TOTAL);
    values.add(null);
    values.add(null);
    values.add(new Labelled(totals.participants(), "", " người tham gia"));
    values.add(totals.withdrawn() == 0 ? null : "không tính " + totals.withdrawn() + " người không tham gia");
    for (Phase phase : Phase.values()) {
      values.add(new Labelled(totals.done(phase), "", " đã hoàn thành"));
      values.add(null);
    }
    values.add(null);
    BigDecimal average = totals.averageScore();
    values.add(average == null ? null : new Labelled(average, "TB ", ""));
    values.add(null);
    values.add(null);
    return values;
  }

  /**
   * A number printed with words around it ("4 người tham gia", "TB 8.17"): the workbook keeps the
   * number and prints the words by its format, the CSV file writes the text.
   */
  record Labelled(Number value, String prefix, String suffix) {

    String excelFormat() {
      String number = value instanceof BigDecimal ? "0.00" : "0";
      return (prefix.isEmpty() ? "" : "\"" + prefix + "\"") + number + (suffix.isEmpty() ? "" : "\"" + suffix + "\"");
    }

    String text() {
      String number = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
      return prefix + number + suffix;
    }
  }
}
