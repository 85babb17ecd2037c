package vn.thuvien.selftraining.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import vn.thuvien.selftraining.report.ReportColumns.Column;
import vn.thuvien.selftraining.report.ReportColumns.Labelled;
import vn.thuvien.selftraining.report.ReportColumns.PeopleTotals;

/**
 * The report's tables as CSV, for Excel and for scripts: one file per table (units, people), the
 * same Vietnamese column titles as the workbook in one header row ("Viết thu hoạch – Đúng hạn"),
 * a "Tổng cộng" line at the end.
 *
 * <p>Written so that Excel opens it right by a double click: UTF-8 with a byte order mark (EF BB
 * BF, without it Excel reads Vietnamese as Windows-1252), comma separated, CRLF line ends. Dates
 * are {@code dd/MM/yyyy}. Numbers are plain, a dot before decimals whatever the locale: a score is
 * {@code 8.5} or {@code 8.25} (no trailing zeros), counts have no thousands separator. A text
 * starting with {@code = + - @} gets a leading apostrophe so that a spreadsheet never runs it as a
 * formula (names and topics are typed by users).
 */
@Component
public class CsvReportWriter {

  public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

  /** One line per unit (in the order of the report: by Phòng, then the units under the Sở), then the total. */
  public void writeUnits(CampaignReport report, OutputStream out) throws IOException {
    List<Column<UnitRow>> columns = ReportColumns.unitColumns(report.levelName(), ReportColumns.classifications(report));
    CSVPrinter printer = open(out, columns);
    int number = 1;
    Tally sum = Tally.empty();
    for (UnitRow unit : report.units()) {
      printer.printRecord(line(number++, unit, columns));
      sum = sum.plus(unit.tally());
    }
    printer.printRecord(line(null, new UnitRow(null, ReportColumns.TOTAL, null, null, sum, null), columns));
    printer.flush();
  }

  /** One line per person, withdrawn people too (not counted in the total line). */
  public void writePeople(CampaignReport report, Consumer<Consumer<PersonRow>> people, OutputStream out)
      throws IOException {
    List<Column<PersonRow>> columns = ReportColumns.personColumns(report.levelName());
    CSVPrinter printer = open(out, columns);
    PeopleTotals totals = new PeopleTotals();
    int[] number = {1};
    try {
      people.accept(person -> {
        totals.add(person);
        print(printer, line(number[0]++, person, columns));
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    List<String> total = new ArrayList<>();
    total.add(null);
    ReportColumns.personTotals(totals).forEach(value -> total.add(text(value)));
    printer.printRecord(total);
    printer.flush();
  }

  /** The BOM and the header line; the caller's stream stays open. */
  private static <T> CSVPrinter open(OutputStream out, List<Column<T>> columns) throws IOException {
    out.write(BOM);
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter printer = new CSVPrinter(writer, FORMAT);
    List<String> titles = new ArrayList<>();
    titles.add(ReportColumns.STT);
    columns.forEach(c -> titles.add(c.flatTitle()));
    printer.printRecord(titles);
    return printer;
  }

  private static <T> List<String> line(Integer number, T item, List<Column<T>> columns) {
    List<String> values = new ArrayList<>(columns.size() + 1);
    values.add(number == null ? null : number.toString());
    columns.forEach(c -> values.add(text(c.value().apply(item))));
    return values;
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof LocalDate day) {
      return ReportColumns.DATE.format(day);
    }
    if (value instanceof Labelled figure) {
      return figure.text();
    }
    if (value instanceof String text && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return value.toString();
  }

  private static void print(CSVPrinter printer, List<String> values) {
    try {
      printer.printRecord(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
