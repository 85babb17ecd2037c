package vn.thuvien.selftraining.directory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;

/** Small directories as real CSV and Excel bytes, and a clean slate between tests. */
final class DirectoryFixtures {

  static final String UNITS_HEADER = "Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Loại đơn vị";
  static final String PEOPLE_HEADER = "Mã người,Họ và tên,Email,Mã đơn vị,Vai trò";

  /** Line numbers in comments: the header is line 1. */
  static final List<String> UNITS = List.of(
      UNITS_HEADER,
      "SO,Sở Giáo dục và Đào tạo Thử nghiệm,,Sở GD&ĐT",          // 2
      "PGD-A,Phòng GD&ĐT An Hòa,SO,Phòng GD&ĐT",                 // 3
      "PGD-B,Phòng GD&ĐT Bình Minh,SO,Phòng GD&ĐT",              // 4
      "THCS-A1,Trường THCS An Hòa 1,PGD-A,THCS",                 // 5
      "TH-B1,Trường Tiểu học Bình Minh 1,PGD-B,Tiểu học",        // 6
      "THPT-X,Trường THPT Xuân Lộc,SO,THPT");                    // 7

  static final List<String> PEOPLE = List.of(
      PEOPLE_HEADER,
      "khtc.an,Phạm Thị An,khtc.an@example.edu.vn,SO,Chuyên viên Phòng KHTC",            // 2
      "pgd.a,Trần Văn Phòng,pgd.a@example.edu.vn,PGD-A,Chuyên viên Phòng GD&ĐT",         // 3
      "pgd.b,Lê Thị Bình,pgd.b@example.edu.vn,PGD-B,Chuyên viên Phòng GD&ĐT",            // 4
      "nv.a1,Nguyễn Thị Lan Anh,nv.a1@example.edu.vn,THCS-A1,Nhân viên thư viện",        // 5
      "ht.a1,Trần Văn Hải,ht.a1@example.edu.vn,THCS-A1,Hiệu trưởng",                     // 6
      "gv.b1,Võ Văn Bé,gv.b1@example.edu.vn,TH-B1,Giáo viên kiêm nhiệm thư viện",        // 7
      "gv.b1,Võ Văn Bé,gv.b1@example.edu.vn,THPT-X,Giáo viên kiêm nhiệm thư viện",       // 8
      "ht.b1,Đỗ Thị Hoa,ht.b1@example.edu.vn,TH-B1,Hiệu trưởng",                         // 9
      "ht.x,Lý Văn Xuân,ht.x@example.edu.vn,THPT-X,Hiệu trưởng");                        // 10

  private DirectoryFixtures() {
  }

  static ImportFile csv(String fileName, List<String> lines) {
    return new ImportFile(fileName, String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8));
  }

  static List<ImportFile> csvPair(List<String> units, List<String> people) {
    return List.of(csv("don-vi.csv", units), csv("nhan-su.csv", people));
  }

  /** The same lines as a workbook, one sheet per table, every cell a text cell. */
  static ImportFile workbook(String fileName, Map<String, List<String>> linesBySheet) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      linesBySheet.forEach((sheetName, lines) -> {
        Sheet sheet = workbook.createSheet(sheetName);
        List<List<String>> rows = parse(lines);
        for (int r = 0; r < rows.size(); r++) {
          Row row = sheet.createRow(r);
          for (int c = 0; c < rows.get(r).size(); c++) {
            row.createCell(c).setCellValue(rows.get(r).get(c));
          }
        }
      });
      workbook.write(out);
      return new ImportFile(fileName, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, List<String>> sheets(List<String> units, List<String> people) {
    Map<String, List<String>> sheets = new LinkedHashMap<>();
    sheets.put("Đơn vị", units);
    sheets.put("Nhân sự", people);
    return sheets;
  }

  static List<List<String>> parse(List<String> lines) {
    try (CSVParser parser = CSVParser.builder().setReader(new java.io.StringReader(String.join("\n", lines)))
        .setFormat(CSVFormat.DEFAULT).get()) {
      return parser.stream().map(CSVRecord::toList).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines with one line replaced (1-based, as in the file). */
  static List<String> replace(List<String> lines, int line, String replacement) {
    List<String> copy = new java.util.ArrayList<>(lines);
    copy.set(line - 1, replacement);
    return copy;
  }

  static List<String> without(List<String> lines, int line) {
    List<String> copy = new java.util.ArrayList<>(lines);
    copy.remove(line - 1);
    return copy;
  }

  static List<String> with(List<String> lines, String... extra) {
    List<String> copy = new java.util.ArrayList<>(lines);
    copy.addAll(List.of(extra));
    return copy;
  }

  /** Empties the directory tables and Camunda's users and groups. */
  static void clean(JdbcTemplate jdbc, IdentityService identity) {
    identity.clearAuthentication();
    jdbc.update("DELETE FROM person_role");
    jdbc.update("DELETE FROM person");
    jdbc.update("DELETE FROM org_unit");
    jdbc.update("DELETE FROM directory_import");
    for (User user : identity.createUserQuery().list()) {
      identity.deleteUser(user.getId());
    }
    for (Group group : identity.createGroupQuery().list()) {
      identity.deleteGroup(group.getId());
    }
  }
}
