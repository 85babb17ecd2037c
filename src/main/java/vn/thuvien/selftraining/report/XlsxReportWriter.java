package vn.thuvien.selftraining.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.report.ReportColumns.Column;
import vn.thuvien.selftraining.report.ReportColumns.Labelled;
import vn.thuvien.selftraining.report.ReportColumns.PeopleTotals;
import vn.thuvien.selftraining.training.ParticipantStatus;

/**
 * The .xlsx of a campaign report, in the shape a Vietnamese office files it: the administrative
 * header (issuing body at the left, the national motto at the right), the title, the letter the
 * campaign carries out, then three sheets: {@value #SUMMARY_SHEET} (one line per Phòng GD&ĐT and
 * one for the units under the Sở, the units that did not report, a signature block),
 * {@value #UNITS_SHEET} (one line per unit, grouped by Phòng with its subtotal) and
 * {@value #PEOPLE_SHEET} (one line per person, every phase). Every sheet prints on A4 landscape,
 * one page wide, the table's header repeated on each page.
 *
 * <p>Streamed with {@link SXSSFWorkbook}: only {@value #WINDOW} rows per sheet stay in memory, the
 * rest goes to temporary files deleted at the end, so a 50,000-person campaign fits a small heap.
 * Figures are values, not formulas: the file reads the same in any program, without evaluation.
 */
@Component
public class XlsxReportWriter {

  static final String SUMMARY_SHEET = "Tổng hợp";
  static final String UNITS_SHEET = "Đơn vị";
  static final String PEOPLE_SHEET = "Cá nhân";
  static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  static final String MOTTO = "Độc lập – Tự do – Hạnh phúc";
  static final String TITLE = "BÁO CÁO TỔNG HỢP KẾT QUẢ TỰ BỒI DƯỠNG NGHIỆP VỤ THƯ VIỆN";
  /** The Sở's division that runs the campaign (the letter's "-KHTC"): the issuer of the province's report. */
  static final String NOT_REPORTED_TITLE = "Đơn vị chưa gửi báo cáo";
  static final String PREPARER = "NGƯỜI LẬP BÁO CÁO";
  static final String HEAD = "THỦ TRƯỞNG ĐƠN VỊ";
  /** Page footer: "Trang 2 / 15" (&P the page, &N the pages). */
  static final String FOOTER = "Trang &P / &N";
  /** Rows kept in memory per sheet. */
  static final int WINDOW = 100;
  /** Unit names listed per Phòng under the summary before "… và N đơn vị khác". */
  static final int NOT_REPORTED_NAMES = 50;

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
  private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
  private static final String FONT = "Times New Roman";
  /** Width of the header's left and right blocks, in characters. */
  private static final int BLOCK_WIDTH = 44;
  private static final float LINE_HEIGHT = 16f;

  /**
   * @param people streams the scope's people into the given sink (see CampaignReports#forEachPerson)
   */
  public void write(CampaignReport report, Consumer<Consumer<PersonRow>> people, OutputStream out) throws IOException {
    write(report, people, List.of(), out);
  }

  /**
   * @param concerns the answered concerns of the scope, written as a fourth sheet "Tổng hợp vướng mắc"
   */
  public void write(CampaignReport report, Consumer<Consumer<PersonRow>> people, List<ConcernLine> concerns,
      OutputStream out) throws IOException {
    // close() also deletes the temporary files of the rows already flushed (dispose)
    try (SXSSFWorkbook workbook = new FastZipWorkbook()) {
      Styles styles = new Styles(workbook);
      List<String> classifications = ReportColumns.classifications(report);
      writeSummary(workbook.createSheet(SUMMARY_SHEET), report, styles,
          ReportColumns.groupColumns(report.levelName(), classifications));
      writeUnits(workbook.createSheet(UNITS_SHEET), report, styles, ReportColumns.unitColumns(report.levelName(), classifications));
      writePeople(workbook.createSheet(PEOPLE_SHEET), report, styles, people);
      writeConcerns(workbook.createSheet(CONCERNS_SHEET), report, styles, concerns);
      workbook.write(out);
    }
  }

  // ---- the sheets

  static final String CONCERNS_SHEET = "Tổng hợp vướng mắc";

  private void writeConcerns(Sheet sheet, CampaignReport report, Styles styles, List<ConcernLine> concerns) {
    List<Column<ConcernLine>> columns = ReportColumns.concernColumns();
    Layout layout = new Layout(sheet, widths(columns));
    int header = writeHeading(layout, report, styles, "Biểu 4. Tổng hợp vướng mắc đã được giải đáp");
    int row = writeTableHeader(layout, header, columns, styles);
    int number = 1;
    for (ConcernLine concern : concerns) {
      writeLine(sheet.createRow(row++), number++, concern, columns, styles, false);
    }
    if (concerns.isEmpty()) {
      text(sheet.createRow(row), 1, "Không có phản ánh vướng mắc nào đã được giải đáp trong phạm vi này.", styles.text);
    }
    finish(layout, header, 2);
  }

  private void writeSummary(Sheet sheet, CampaignReport report, Styles styles, List<Column<GroupRow>> columns) {
    Layout layout = new Layout(sheet, widths(columns));
    int header = writeHeading(layout, report, styles, "Biểu 1. Tổng hợp");
    int row = writeTableHeader(layout, header, columns, styles);
    int number = 1;
    List<UnitRow> all = new ArrayList<>();
    Tally sum = Tally.empty();
    for (GroupRow group : report.groups()) {
      writeLine(sheet.createRow(row++), number++, group, columns, styles, false);
      all.addAll(group.units());
      sum = sum.plus(group.tally());
    }
    writeLine(sheet.createRow(row++), null, new GroupRow(null, ReportColumns.TOTAL, all, sum, null), columns, styles,
        true);
    row = writeNotReported(layout, row + 1, report, styles);
    writeSignatures(layout, row, report, styles);
    finish(layout, header, 2);
  }

  private void writeUnits(Sheet sheet, CampaignReport report, Styles styles, List<Column<UnitRow>> columns) {
    Layout layout = new Layout(sheet, widths(columns));
    int header = writeHeading(layout, report, styles, "Biểu 2. Chi tiết theo đơn vị");
    int row = writeTableHeader(layout, header, columns, styles);
    Tally sum = Tally.empty();
    int groupNumber = 1;
    for (GroupRow group : report.groups()) {
      // the Phòng's line: its code, its own report to the Sở, its subtotal; numbered I, II, ...
      UnitRow subtotal = new UnitRow(group.code(), group.name(), null, null, group.tally(), group.report());
      writeLine(sheet.createRow(row++), roman(groupNumber++), subtotal, columns, styles, true);
      int number = 1;
      for (UnitRow unit : group.units()) {
        writeLine(sheet.createRow(row++), number++, unit, columns, styles, false);
        sum = sum.plus(unit.tally());
      }
    }
    writeLine(sheet.createRow(row), null, new UnitRow(null, ReportColumns.TOTAL, null, null, sum, null), columns,
        styles, true);
    finish(layout, header, 3);
  }

  private void writePeople(Sheet sheet, CampaignReport report, Styles styles, Consumer<Consumer<PersonRow>> people) {
    List<Column<PersonRow>> columns = ReportColumns.personColumns(report.levelName());
    Layout layout = new Layout(sheet, widths(columns));
    int header = writeHeading(layout, report, styles, "Biểu 3. Kết quả tự bồi dưỡng của từng cá nhân");
    int first = writeTableHeader(layout, header, columns, styles);
    PeopleTotals totals = new PeopleTotals();
    int[] row = {first};
    people.accept(person -> {
      totals.add(person);
      Row line = sheet.createRow(row[0]);
      cell(line, 0, row[0] - first + 1, styles, false);
      boolean withdrawn = person.status() == ParticipantStatus.WITHDRAWN;
      for (int c = 0; c < columns.size(); c++) {
        Object value = columns.get(c).value().apply(person);
        if (withdrawn && value instanceof String text) {
          text(line, c + 1, text, styles.muted);
        } else {
          cell(line, c + 1, value, styles, false);
        }
      }
      row[0]++;
    });
    Row total = sheet.createRow(row[0]);
    cell(total, 0, null, styles, true);
    List<Object> values = ReportColumns.personTotals(totals);
    for (int c = 0; c < values.size(); c++) {
      cell(total, c + 1, values.get(c), styles, true);
    }
    finish(layout, header, 2);
  }

  // ---- heading, table header, lines

  /** The administrative header and the titles; returns the row where the table starts. */
  private int writeHeading(Layout layout, CampaignReport report, Styles styles, String caption) {
    String[] issuer = issuer(report);
    layout.left(0, issuer[0], styles.adminLine);
    layout.right(0, NATION, styles.adminLineBold);
    layout.left(1, issuer[1], styles.adminLineBold);
    layout.right(1, MOTTO, styles.motto);
    int row = 3;
    layout.across(row++, TITLE, styles.title).setHeightInPoints(22);
    layout.across(row++, "Năm học " + report.schoolYear(), styles.subtitle);
    String letter = letterLine(report);
    if (letter != null) {
      layout.across(row++, letter, styles.noteItalic);
    }
    layout.across(row++, "Phạm vi: " + report.scope().name(), styles.plainCentered);
    layout.across(row++, "Số liệu tính đến: " + AS_OF.format(asOf(report)), styles.plainCentered);
    layout.across(row++, caption, styles.caption).setHeightInPoints(20);
    return row + 1;
  }

  /**
   * Superior body, then issuing body, both upper case, as the directory names them: for the
   * province the Sở's superior body (e.g. UBND TỈNH VĨNH LONG, empty when the directory gives none)
   * over the Sở; for an intermediate unit the Sở over it; for a unit the level above it over it.
   */
  static String[] issuer(CampaignReport report) {
    String department = upper(report.departmentName());
    ReportScope scope = report.scope();
    return switch (scope.level()) {
      case PROVINCE -> new String[] {report.superiorBody() == null ? "" : upper(report.superiorBody()), department};
      case DISTRICT -> new String[] {department, upper(scope.name())};
      // a school under a Phòng answers to the Phòng, one under the Sở to the Sở
      case UNIT -> new String[] {report.units().stream().findFirst().filter(u -> u.districtCode() != null)
          .map(u -> upper(u.districtName())).orElse(department), upper(scope.name())};
    };
  }

  /** "(Thực hiện Công văn số 2458/SGD&ĐT-KHTC ngày 04/12/2017 của Sở GD&ĐT)"; {@code null} without a letter. */
  static String letterLine(CampaignReport report) {
    if (report.letterNumber() == null && report.letterDate() == null) {
      return null;
    }
    StringBuilder line = new StringBuilder("(Thực hiện Công văn");
    if (report.letterNumber() != null) {
      line.append(" số ").append(report.letterNumber());
    }
    if (report.letterDate() != null) {
      line.append(" ngày ").append(ReportColumns.DATE.format(report.letterDate()));
    }
    return line.append(" của Sở GD&ĐT)").toString();
  }

  private static ZonedDateTime asOf(CampaignReport report) {
    return report.generatedAt().atZone(CampaignCalendar.ZONE);
  }

  /**
   * Two header rows: a column titled on its own spans both; a group (a phase, "Xếp loại") spans
   * its columns on the first, their titles on the second. Returns the first data row.
   */
  private <T> int writeTableHeader(Layout layout, int row, List<Column<T>> columns, Styles styles) {
    Sheet sheet = layout.sheet;
    Row top = sheet.createRow(row);
    Row bottom = sheet.createRow(row + 1);
    top.setHeightInPoints(3 * LINE_HEIGHT);
    bottom.setHeightInPoints(3 * LINE_HEIGHT);
    List<String> titles = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    titles.add(ReportColumns.STT);
    groups.add(null);
    columns.forEach(c -> {
      titles.add(c.title());
      groups.add(c.group());
    });
    int c = 0;
    while (c < titles.size()) {
      String group = groups.get(c);
      if (group == null) {
        text(top, c, titles.get(c), styles.head);
        text(bottom, c, null, styles.head);
        sheet.addMergedRegion(new CellRangeAddress(row, row + 1, c, c));
        c++;
        continue;
      }
      int end = c;
      while (end + 1 < titles.size() && group.equals(groups.get(end + 1))) {
        end++;
      }
      for (int i = c; i <= end; i++) {
        text(top, i, i == c ? group : null, styles.head);
        text(bottom, i, titles.get(i), styles.head);
      }
      if (end > c) {
        sheet.addMergedRegion(new CellRangeAddress(row, row, c, end));
      }
      c = end + 1;
    }
    return row + 2;
  }

  /** One line of a table: the row number (or I, II, ... or nothing), then each column's value. */
  private static <T> void writeLine(Row line, Object number, T item, List<Column<T>> columns, Styles styles,
      boolean bold) {
    if (number instanceof String roman) {
      text(line, 0, roman, bold ? styles.centeredBold : styles.centered);
    } else {
      cell(line, 0, number, styles, bold);
    }
    for (int c = 0; c < columns.size(); c++) {
      cell(line, c + 1, columns.get(c).value().apply(item), styles, bold);
    }
  }

  // ---- below the summary

  /**
   * "Đơn vị chưa gửi báo cáo: 2/5 đơn vị", then a line per group that has some; returns the row
   * after them and a blank one.
   */
  private int writeNotReported(Layout layout, int row, CampaignReport report, Styles styles) {
    int missing = report.unitCount() - report.unitsReported();
    if (missing == 0) {
      return row;
    }
    layout.across(row++, NOT_REPORTED_TITLE + ": " + missing + "/" + report.unitCount() + " đơn vị", styles.noteBold);
    for (GroupRow group : report.groups()) {
      List<UnitRow> units = group.unitsNotReported();
      if (units.isEmpty()) {
        continue;
      }
      StringBuilder line = new StringBuilder("– ").append(group.name()).append(" (").append(units.size())
          .append("): ");
      for (int i = 0; i < Math.min(units.size(), NOT_REPORTED_NAMES); i++) {
        UnitRow unit = units.get(i);
        line.append(i == 0 ? "" : "; ").append(unit.name());
        if (unit.report().status() == UnitReportState.Status.NOT_REPORTED) {
          line.append(" (quá hạn)");
        }
      }
      if (units.size() > NOT_REPORTED_NAMES) {
        line.append(" … và ").append(units.size() - NOT_REPORTED_NAMES).append(" đơn vị khác (xem Biểu 2)");
      }
      line.append('.');
      Row text = layout.acrossUnchecked(row++, line.toString(), styles.wrapped);
      text.setHeightInPoints(LINE_HEIGHT * layout.linesFor(line.length()));
    }
    return row + 1;
  }

  /** The date at the right, then who signs: the preparer at the left, the head at the right. */
  private void writeSignatures(Layout layout, int row, CampaignReport report, Styles styles) {
    ZonedDateTime at = asOf(report);
    layout.right(row++, "Ngày %02d tháng %02d năm %d".formatted(at.getDayOfMonth(), at.getMonthValue(),
        at.getYear()), styles.noteItalic);
    layout.left(row, PREPARER, styles.adminLineBold);
    layout.right(row++, HEAD, styles.adminLineBold);
    layout.left(row, "(Ký, ghi rõ họ tên)", styles.noteItalic);
    layout.right(row, "(Ký, ghi rõ họ tên, đóng dấu)", styles.noteItalic);
  }

  /** Freeze panes under the header, print setup, column widths. */
  private static void finish(Layout layout, int headerRow, int frozenColumns) {
    Sheet sheet = layout.sheet;
    for (int c = 0; c < layout.widths.length; c++) {
      sheet.setColumnWidth(c, layout.widths[c] * 256);
    }
    sheet.createFreezePane(frozenColumns, headerRow + 2);
    sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow + 1, -1, -1));
    PrintSetup print = sheet.getPrintSetup();
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setLandscape(true);
    sheet.setFitToPage(true);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0);
    sheet.setHorizontallyCenter(true);
    sheet.setMargin(PageMargin.LEFT, 0.4);
    sheet.setMargin(PageMargin.RIGHT, 0.4);
    sheet.setMargin(PageMargin.TOP, 0.5);
    sheet.setMargin(PageMargin.BOTTOM, 0.6);
    sheet.setMargin(PageMargin.HEADER, 0.3);
    sheet.setMargin(PageMargin.FOOTER, 0.3);
    sheet.getFooter().setCenter(FOOTER);
  }

  // ---- cells

  /** A bordered table cell, styled by the value's type. */
  private static void cell(Row row, int column, Object value, Styles styles, boolean bold) {
    if (value == null || value instanceof String) {
      text(row, column, (String) value, bold ? styles.textBold : styles.text);
      return;
    }
    Cell cell = row.createCell(column);
    if (value instanceof Integer n) {
      cell.setCellValue(n);
      cell.setCellStyle(bold ? styles.integerBold : styles.integer);
    } else if (value instanceof BigDecimal score) {
      cell.setCellValue(score.doubleValue());
      cell.setCellStyle(bold ? styles.scoreBold : styles.score);
    } else if (value instanceof LocalDate day) {
      cell.setCellValue(day);
      cell.setCellStyle(styles.date);
    } else if (value instanceof Labelled figure) {
      cell.setCellValue(figure.value().doubleValue());
      cell.setCellStyle(styles.labelled(figure));
    } else {
      throw new IllegalArgumentException("No cell for " + value.getClass());
    }
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    if (value != null) {
      cell.setCellValue(value);
    }
    cell.setCellStyle(style);
  }

  private static <T> int[] widths(List<Column<T>> columns) {
    int[] widths = new int[columns.size() + 1];
    widths[0] = 5;
    for (int c = 0; c < columns.size(); c++) {
      widths[c + 1] = columns.get(c).width();
    }
    return widths;
  }

  private static String upper(String text) {
    return text == null ? "" : text.toUpperCase(VIETNAMESE);
  }

  static String roman(int number) {
    int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    String[] digits = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
    StringBuilder roman = new StringBuilder();
    int rest = number;
    for (int i = 0; i < values.length; i++) {
      while (rest >= values[i]) {
        roman.append(digits[i]);
        rest -= values[i];
      }
    }
    return roman.toString();
  }

  /**
   * Where the heading's blocks sit on a sheet: the left block (issuer, preparer) over the first
   * columns, the right one (motto, head) over the last, the titles across all.
   */
  private static final class Layout {

    final Sheet sheet;
    final int[] widths;
    final int leftEnd;
    final int rightStart;

    Layout(Sheet sheet, int[] widths) {
      this.sheet = sheet;
      this.widths = widths;
      int end = 0;
      for (int width = widths[0]; width < BLOCK_WIDTH && end + 1 < widths.length; width += widths[end]) {
        end++;
      }
      int start = widths.length - 1;
      for (int width = widths[start]; width < BLOCK_WIDTH && start - 1 > end; width += widths[start]) {
        start--;
      }
      this.leftEnd = end;
      this.rightStart = start;
    }

    Row left(int row, String text, CellStyle style) {
      return merged(row, 0, leftEnd, text, style);
    }

    Row right(int row, String text, CellStyle style) {
      return merged(row, rightStart, widths.length - 1, text, style);
    }

    Row across(int row, String text, CellStyle style) {
      return merged(row, 0, widths.length - 1, text, style, true);
    }

    /**
     * A line across a row of its own, merged without POI's check against every merged region before
     * (hundreds of lines under a national summary).
     */
    Row acrossUnchecked(int row, String text, CellStyle style) {
      return merged(row, 0, widths.length - 1, text, style, false);
    }

    private Row merged(int index, int from, int to, String text, CellStyle style) {
      return merged(index, from, to, text, style, true);
    }

    private Row merged(int index, int from, int to, String text, CellStyle style, boolean checked) {
      Row row = sheet.getRow(index);
      if (row == null) {
        row = sheet.createRow(index);
      }
      text(row, from, text, style);
      if (to > from) {
        CellRangeAddress region = new CellRangeAddress(index, index, from, to);
        if (checked) {
          sheet.addMergedRegion(region);
        } else {
          sheet.addMergedRegionUnsafe(region);
        }
      }
      return row;
    }

    /** Lines a text of that length takes across the whole table. */
    int linesFor(int length) {
      int perLine = 0;
      for (int width : widths) {
        perLine += width;
      }
      return Math.min(25, Math.max(1, (int) Math.ceil(length * 1.15 / perLine)));
    }
  }

  /**
   * A streaming workbook whose .xlsx (a zip) is deflated at the fastest level: the sheets of a
   * national campaign are some 150 MB of XML, and the default level spends seconds on them for a
   * file a third smaller.
   */
  private static final class FastZipWorkbook extends SXSSFWorkbook {

    FastZipWorkbook() {
      super(WINDOW);
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
      ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
      zip.setLevel(Deflater.BEST_SPEED);
      return zip;
    }
  }

  /** Every style the workbook uses, made once (a workbook holds at most 64,000). */
  private static final class Styles {

    private final Workbook workbook;
    final CellStyle adminLine;
    final CellStyle adminLineBold;
    final CellStyle motto;
    final CellStyle title;
    final CellStyle subtitle;
    final CellStyle caption;
    final CellStyle noteItalic;
    final CellStyle noteBold;
    final CellStyle plainCentered;
    final CellStyle wrapped;
    final CellStyle head;
    final CellStyle text;
    final CellStyle textBold;
    final CellStyle muted;
    final CellStyle centered;
    final CellStyle centeredBold;
    final CellStyle integer;
    final CellStyle integerBold;
    final CellStyle score;
    final CellStyle scoreBold;
    final CellStyle date;
    private final Map<String, CellStyle> labelled = new HashMap<>();

    Styles(Workbook workbook) {
      this.workbook = workbook;
      // the default font sets the width unit of the columns too
      Font normal = workbook.getFontAt(0);
      normal.setFontName(FONT);
      normal.setFontHeightInPoints((short) 12);
      Font bold = font(12, true, false, false);
      Font italic = font(12, false, true, false);
      Font grey = font(12, false, true, false);
      grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());

      adminLine = plain(normal, HorizontalAlignment.CENTER);
      adminLineBold = plain(font(13, true, false, false), HorizontalAlignment.CENTER);
      motto = plain(font(13, true, false, true), HorizontalAlignment.CENTER);
      title = plain(font(14, true, false, false), HorizontalAlignment.CENTER);
      subtitle = plain(font(13, true, false, false), HorizontalAlignment.CENTER);
      caption = plain(bold, HorizontalAlignment.LEFT);
      noteItalic = plain(italic, HorizontalAlignment.CENTER);
      noteBold = plain(bold, HorizontalAlignment.LEFT);
      plainCentered = plain(normal, HorizontalAlignment.CENTER);
      wrapped = plain(normal, HorizontalAlignment.LEFT);
      wrapped.setWrapText(true);
      wrapped.setVerticalAlignment(VerticalAlignment.TOP);

      head = bordered(bold, HorizontalAlignment.CENTER, null);
      head.setWrapText(true);
      head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      text = bordered(normal, HorizontalAlignment.LEFT, null);
      text.setWrapText(true);
      textBold = bordered(bold, HorizontalAlignment.LEFT, null);
      textBold.setWrapText(true);
      muted = bordered(grey, HorizontalAlignment.LEFT, null);
      muted.setWrapText(true);
      centered = bordered(normal, HorizontalAlignment.CENTER, null);
      centeredBold = bordered(bold, HorizontalAlignment.CENTER, null);
      integer = bordered(normal, HorizontalAlignment.CENTER, "#,##0");
      integerBold = bordered(bold, HorizontalAlignment.CENTER, "#,##0");
      // scores go by steps of 0.25: 8.25 must not print as 8.3
      score = bordered(normal, HorizontalAlignment.CENTER, "0.0#");
      scoreBold = bordered(bold, HorizontalAlignment.CENTER, "0.0#");
      date = bordered(normal, HorizontalAlignment.CENTER, "dd/mm/yyyy");
    }

    /** A bold total whose number is printed with words around it: {@code 0" người tham gia"}. */
    CellStyle labelled(Labelled figure) {
      String format = figure.excelFormat();
      return labelled.computeIfAbsent(format, f -> {
        CellStyle style = workbook.createCellStyle();
        style.cloneStyleFrom(textBold);
        style.setAlignment(HorizontalAlignment.LEFT);
        style.setDataFormat(workbook.createDataFormat().getFormat(f));
        return style;
      });
    }

    private Font font(int points, boolean bold, boolean italic, boolean underline) {
      Font font = workbook.createFont();
      font.setFontName(FONT);
      font.setFontHeightInPoints((short) points);
      font.setBold(bold);
      font.setItalic(italic);
      if (underline) {
        font.setUnderline(Font.U_SINGLE);
      }
      return font;
    }

    private CellStyle plain(Font font, HorizontalAlignment alignment) {
      CellStyle style = workbook.createCellStyle();
      style.setFont(font);
      style.setAlignment(alignment);
      style.setVerticalAlignment(VerticalAlignment.CENTER);
      return style;
    }

    private CellStyle bordered(Font font, HorizontalAlignment alignment, String format) {
      CellStyle style = plain(font, alignment);
      style.setBorderTop(BorderStyle.THIN);
      style.setBorderBottom(BorderStyle.THIN);
      style.setBorderLeft(BorderStyle.THIN);
      style.setBorderRight(BorderStyle.THIN);
      if (format != null) {
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
      }
      return style;
    }
  }
}
