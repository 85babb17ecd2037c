package vn.thuvien.selftraining.directory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Turns uploaded files into the two tables of the directory, whatever tool wrote them: CSV files
 * (UTF-8 with or without BOM, {@code ,} or {@code ;} as Excel writes depending on the region,
 * recognised by their header row) or one Excel workbook with the sheets "Đơn vị" and "Nhân sự".
 * Values are NFC-normalised and trimmed; line numbers are those a person sees in an editor or in
 * Excel, so that error messages point at the right place.
 */
final class DirectoryFileReader {

  static final String UNITS_SHEET = "Đơn vị";
  static final String PEOPLE_SHEET = "Nhân sự";

  // Headers of the units table
  static final String UNIT_CODE = "Mã đơn vị";
  static final String UNIT_NAME = "Tên đơn vị";
  static final String PARENT_CODE = "Mã đơn vị cấp trên";
  static final String UNIT_TYPE = "Loại đơn vị";
  /** Optional: the Sở's superior body as the header of its documents names it ("UBND tỉnh Vĩnh Long"). */
  static final String SUPERIOR_BODY = "Cơ quan chủ quản";
  // Headers of the people table (and UNIT_CODE)
  static final String PERSON_ID = "Mã người";
  static final String FULL_NAME = "Họ và tên";
  static final String EMAIL = "Email";
  static final String ROLE = "Vai trò";

  /** The two tables; the headers each needs, and those that tell one from the other. */
  enum Kind {
    UNITS("đơn vị", List.of(UNIT_CODE, UNIT_NAME, PARENT_CODE, UNIT_TYPE), List.of(UNIT_NAME, PARENT_CODE, UNIT_TYPE),
        List.of(SUPERIOR_BODY)),
    PEOPLE("nhân sự", List.of(PERSON_ID, FULL_NAME, EMAIL, UNIT_CODE, ROLE), List.of(PERSON_ID, FULL_NAME, EMAIL, ROLE),
        List.of());

    final String label;
    final List<String> columns;
    final List<String> distinctive;
    /** Read when the header has them. */
    final List<String> optional;

    Kind(String label, List<String> columns, List<String> distinctive, List<String> optional) {
      this.label = label;
      this.columns = columns;
      this.distinctive = distinctive;
      this.optional = optional;
    }
  }

  /** A data row: its values by header, and where it came from. */
  record SourceRow(String source, int line, Map<String, String> values) {
    String get(String column) {
      return values.getOrDefault(column, "");
    }
  }

  record Table(Kind kind, String source, List<SourceRow> rows) {
  }

  /** What the files held; a table is {@code null} when no file had it. */
  record Tables(Table units, Table people) {
    List<String> sources() {
      List<String> sources = new ArrayList<>();
      if (units != null) {
        sources.add(units.source());
      }
      if (people != null) {
        sources.add(people.source());
      }
      return sources;
    }
  }

  private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

  private final List<ImportError> errors;
  private Table units;
  private Table people;

  private DirectoryFileReader(List<ImportError> errors) {
    this.errors = errors;
  }

  /** Reads every file; problems with the files themselves (not their rows) go to {@code errors}. */
  static Tables read(List<ImportFile> files, List<ImportError> errors) {
    DirectoryFileReader reader = new DirectoryFileReader(errors);
    for (ImportFile file : files) {
      reader.readFile(file);
    }
    return new Tables(reader.units, reader.people);
  }

  private void readFile(ImportFile file) {
    String name = file.fileName() == null || file.fileName().isBlank() ? "(tệp không tên)" : file.fileName();
    byte[] content = file.content() == null ? new byte[0] : file.content();
    if (content.length == 0) {
      fileError(name, "tệp rỗng.");
    } else if (startsWith(content, ZIP)) {
      readWorkbook(name, content);
    } else if (startsWith(content, OLE2)) {
      fileError(name, "tệp Excel 97-2003 (.xls) không được hỗ trợ; hãy lưu lại thành "
          + "\"Excel Workbook (.xlsx)\" hoặc \"CSV UTF-8\".");
    } else if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
      fileError(name, "tệp không phải là bảng tính Excel (.xlsx) hợp lệ.");
    } else {
      readCsv(name, content);
    }
  }

  // ---- CSV

  private void readCsv(String name, byte[] content) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      fileError(name, "tệp không phải văn bản UTF-8; trong Excel hãy chọn Lưu thành "
          + "\"CSV UTF-8 (phân cách bằng dấu phẩy)\", hoặc gửi tệp .xlsx.");
      return;
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiterOf(text))
        .setIgnoreEmptyLines(true).get();
    LineIndex lines = new LineIndex(text);
    List<List<String>> cells = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
      try {
        for (CSVRecord record : parser) {
          cells.add(record.toList());
          lineNumbers.add(lines.lineOf(record.getCharacterPosition()));
        }
      } catch (UncheckedIOException | IllegalStateException e) {
        errors.add(new ImportError(name, (int) parser.getCurrentLineNumber() + 1, null,
            "tệp CSV sai định dạng: có dấu ngoặc kép (\") không được đóng hoặc đặt sai chỗ."));
        return;
      }
    } catch (IOException e) {
      fileError(name, "không đọc được tệp CSV.");
      return;
    }
    addTable(name, null, cells, lineNumbers);
  }

  /** {@code ;} when the header line has more semicolons than commas (Excel in many regions). */
  private static char delimiterOf(String text) {
    int commas = 0;
    int semicolons = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        if (commas + semicolons > 0) {
          break;
        }
      } else if (!quoted && c == ',') {
        commas++;
      } else if (!quoted && c == ';') {
        semicolons++;
      }
    }
    return semicolons > commas ? ';' : ',';
  }

  /** Character offset → 1-based line number, counting \n, \r\n and lone \r as line breaks. */
  private static final class LineIndex {
    private final int[] starts;

    LineIndex(String text) {
      List<Integer> list = new ArrayList<>();
      list.add(0);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
          list.add(i + 1);
        }
      }
      starts = list.stream().mapToInt(Integer::intValue).toArray();
    }

    int lineOf(long offset) {
      int index = Arrays.binarySearch(starts, (int) offset);
      return index >= 0 ? index + 1 : -index - 1;
    }
  }

  // ---- Excel

  private void readWorkbook(String name, byte[] content) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
      DataFormatter formatter = new DataFormatter(Locale.ROOT);
      formatter.setUseCachedValuesForFormulaCells(true);
      boolean found = false;
      for (Sheet sheet : workbook) {
        Kind kind = kindOfSheet(sheet.getSheetName());
        if (kind == null) {
          continue;
        }
        found = true;
        List<List<String>> cells = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (Row row : sheet) {
          List<String> values = new ArrayList<>();
          for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
            values.add(text(row.getCell(c), formatter));
          }
          cells.add(values);
          lineNumbers.add(row.getRowNum() + 1);
        }
        addTable(name + " (trang \"" + sheet.getSheetName() + "\")", kind, cells, lineNumbers);
      }
      if (!found) {
        fileError(name, "bảng tính không có trang \"" + UNITS_SHEET + "\" hay \"" + PEOPLE_SHEET + "\".");
      }
    } catch (Exception e) {
      // POI reports a broken or foreign zip with many exception types; the person needs one answer
      fileError(name, "không đọc được bảng tính Excel (.xlsx); hãy mở lại trong Excel và lưu thành "
          + "\"Excel Workbook (.xlsx)\".");
    }
  }

  private static Kind kindOfSheet(String sheetName) {
    String key = Text.key(sheetName);
    if (key.equals(Text.key(UNITS_SHEET))) {
      return Kind.UNITS;
    }
    if (key.equals(Text.key(PEOPLE_SHEET))) {
      return Kind.PEOPLE;
    }
    return null;
  }

  /** Cell as text; a whole number typed as a code (12345) stays "12345", not "12345.0". */
  private static String text(Cell cell, DataFormatter formatter) {
    if (cell == null) {
      return "";
    }
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    if (type == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
      double value = cell.getNumericCellValue();
      if (value == Math.rint(value) && Math.abs(value) < 1e15) {
        return Long.toString((long) value);
      }
    }
    return formatter.formatCellValue(cell);
  }

  // ---- both

  /**
   * The first non-blank row is the header; it tells which table this is (for CSV) and where each
   * column is. Blank rows are skipped; missing trailing cells are empty values.
   */
  private void addTable(String source, Kind kind, List<List<String>> cells, List<Integer> lineNumbers) {
    int headerIndex = 0;
    while (headerIndex < cells.size() && isBlank(cells.get(headerIndex))) {
      headerIndex++;
    }
    if (headerIndex == cells.size()) {
      fileError(source, "không có dòng tiêu đề nào (tệp trống).");
      return;
    }
    List<String> header = cells.get(headerIndex).stream().map(Text::key).toList();
    int headerLine = lineNumbers.get(headerIndex);
    if (kind == null) {
      kind = recognise(source, header, headerLine);
      if (kind == null) {
        return;
      }
    }
    Map<String, Integer> positions = new LinkedHashMap<>();
    boolean complete = true;
    for (String column : kind.columns) {
      int first = header.indexOf(Text.key(column));
      if (first < 0) {
        errors.add(new ImportError(source, headerLine, column, "thiếu cột \"" + column + "\" ở dòng tiêu đề "
            + "của bảng " + kind.label + "; các cột cần có: " + String.join(", ", kind.columns) + "."));
        complete = false;
      } else if (header.lastIndexOf(Text.key(column)) != first) {
        errors.add(new ImportError(source, headerLine, column, "cột \"" + column + "\" có hai lần ở dòng tiêu đề."));
        complete = false;
      } else {
        positions.put(column, first);
      }
    }
    if (!complete) {
      return;
    }
    for (String column : kind.optional) {
      int at = header.indexOf(Text.key(column));
      if (at >= 0 && header.lastIndexOf(Text.key(column)) != at) {
        errors.add(new ImportError(source, headerLine, column, "cột \"" + column + "\" có hai lần ở dòng tiêu đề."));
        return;
      }
      if (at >= 0) {
        positions.put(column, at);
      }
    }
    List<SourceRow> rows = new ArrayList<>();
    for (int i = headerIndex + 1; i < cells.size(); i++) {
      List<String> values = cells.get(i);
      Map<String, String> byColumn = new HashMap<>();
      positions.forEach((column, index) -> byColumn.put(column, index < values.size() ? Text.clean(values.get(index)) : ""));
      if (byColumn.values().stream().anyMatch(v -> !v.isEmpty())) {
        rows.add(new SourceRow(source, lineNumbers.get(i), byColumn));
      }
    }
    if (rows.isEmpty()) {
      // an empty table would deactivate everything in the importer's scope: surely not meant
      fileError(source, "bảng " + kind.label + " không có dòng dữ liệu nào, chỉ có dòng tiêu đề.");
      return;
    }
    Table table = new Table(kind, source, rows);
    Table earlier = kind == Kind.UNITS ? units : people;
    if (earlier != null) {
      fileError(source, "đã có bảng " + kind.label + " trong " + earlier.source() + "; mỗi lần nhập gửi một bảng "
          + "đơn vị và/hoặc một bảng nhân sự.");
    } else if (kind == Kind.UNITS) {
      units = table;
    } else {
      people = table;
    }
  }

  /** Units or people, from the headers only one of the two tables has. */
  private Kind recognise(String source, List<String> header, int headerLine) {
    long unitScore = Kind.UNITS.distinctive.stream().filter(c -> header.contains(Text.key(c))).count();
    long peopleScore = Kind.PEOPLE.distinctive.stream().filter(c -> header.contains(Text.key(c))).count();
    if (unitScore == 0 && peopleScore == 0 || unitScore == peopleScore) {
      errors.add(new ImportError(source, headerLine, null, "không nhận ra bảng: dòng tiêu đề của bảng đơn vị là \""
          + String.join(", ", Kind.UNITS.columns) + "\", của bảng nhân sự là \""
          + String.join(", ", Kind.PEOPLE.columns) + "\"."));
      return null;
    }
    return peopleScore > unitScore ? Kind.PEOPLE : Kind.UNITS;
  }

  private void fileError(String source, String message) {
    errors.add(new ImportError(source, 0, null, message));
  }

  private static boolean isBlank(List<String> values) {
    return values.stream().allMatch(v -> Text.clean(v).isEmpty());
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }
}
