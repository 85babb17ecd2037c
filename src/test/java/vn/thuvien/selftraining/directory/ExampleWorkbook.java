package vn.thuvien.selftraining.directory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes {@code examples/directory/danh-ba.xlsx} from the two example CSV files (same content, one
 * sheet per table, every cell text) and copies the three examples to the page's download folder
 * {@code src/main/resources/static/directory/examples/}. Run after editing the CSV files, from the
 * repository root:
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) vn.thuvien.selftraining.directory.ExampleWorkbook
 * </pre>
 *
 * {@link ExampleFilesTest} fails when the files drift apart.
 */
public final class ExampleWorkbook {

  static final Path EXAMPLES = Path.of("examples/directory");
  static final Path DOWNLOADS = Path.of("src/main/resources/static/directory/examples");
  static final List<String> FILES = List.of("don-vi.csv", "nhan-su.csv", "danh-ba.xlsx");

  private ExampleWorkbook() {
  }

  public static void main(String[] args) throws IOException {
    List<String> units = Files.readAllLines(EXAMPLES.resolve("don-vi.csv"), StandardCharsets.UTF_8);
    List<String> people = Files.readAllLines(EXAMPLES.resolve("nhan-su.csv"), StandardCharsets.UTF_8);
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(EXAMPLES.resolve("danh-ba.xlsx"))) {
      CellStyle header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      sheet(workbook, DirectoryFileReader.UNITS_SHEET, units, header);
      sheet(workbook, DirectoryFileReader.PEOPLE_SHEET, people, header);
      workbook.write(out);
    }
    Files.createDirectories(DOWNLOADS);
    for (String file : FILES) {
      Files.copy(EXAMPLES.resolve(file), DOWNLOADS.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void sheet(XSSFWorkbook workbook, String name, List<String> lines, CellStyle headerStyle) {
    Sheet sheet = workbook.createSheet(name);
    List<List<String>> rows = DirectoryFixtures.parse(lines);
    int[] widths = new int[rows.get(0).size()];
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r);
      for (int c = 0; c < rows.get(r).size(); c++) {
        String value = rows.get(r).get(c);
        var cell = row.createCell(c);
        cell.setCellValue(value);
        if (r == 0) {
          cell.setCellStyle(headerStyle);
        }
        widths[c] = Math.max(widths[c], value.length());
      }
    }
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, Math.min(255, widths[c] + 3) * 256);
    }
    sheet.createFreezePane(0, 1);
  }
}
