package vn.thuvien.selftraining.directory;

/**
 * One problem found in an import file.
 *
 * @param file    the file name, with the sheet for a workbook: {@code danh-ba.xlsx (trang "Nhân sự")}
 * @param line    the file's line (header = 1) or the Excel row number; 0 when the problem is the
 *                file as a whole
 * @param column  the column's header, or {@code null}
 * @param message Vietnamese, a full sentence
 */
public record ImportError(String file, int line, String column, String message) {

  /** {@code nhan-su.csv, dòng 7, cột "Email": địa chỉ email "lan@@x" không hợp lệ.} */
  public String describe() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(", dòng ").append(line);
    }
    if (column != null) {
      text.append(", cột \"").append(column).append('"');
    }
    return text.append(": ").append(message).toString();
  }
}
