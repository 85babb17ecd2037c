package vn.thuvien.selftraining.training;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks an uploaded report: PDF or DOCX by content (not by the name the browser sent), not empty,
 * and within the size limit. The browser's checks are a courtesy; this one decides.
 */
public class ReportFileValidator {

  public static final String PDF = "application/pdf";
  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final long maxBytes;

  public ReportFileValidator(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** @return the MIME type the content really has. */
  public String check(String fileName, byte[] content) {
    if (content == null || fileName == null || fileName.isBlank()) {
      throw new InvalidInputException("Chưa chọn tệp bài thu hoạch (trường \"Tệp bài thu hoạch\").");
    }
    if (content.length == 0) {
      throw new InvalidInputException("Tệp \"" + fileName + "\" rỗng: vui lòng chọn lại tệp bài thu hoạch.");
    }
    if (content.length > maxBytes) {
      throw new InvalidInputException("Tệp \"" + fileName + "\" có dung lượng " + megabytes(content.length)
          + ", vượt quá giới hạn " + megabytes(maxBytes) + ".");
    }
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".pdf") && isPdf(content)) {
      return PDF;
    }
    if (lower.endsWith(".docx") && isDocx(content)) {
      return DOCX;
    }
    throw new InvalidInputException("Tệp \"" + fileName + "\" không phải là tệp PDF hoặc Word (.docx) hợp lệ. "
        + "Vui lòng nộp bài thu hoạch dưới dạng .pdf hoặc .docx.");
  }

  private static boolean isPdf(byte[] content) {
    return startsWith(content, new byte[] {'%', 'P', 'D', 'F', '-'});
  }

  /** A DOCX is a ZIP archive holding {@code word/document.xml}. */
  private static boolean isDocx(byte[] content) {
    if (!startsWith(content, new byte[] {'P', 'K', 3, 4})) {
      return false;
    }
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if ("word/document.xml".equals(entry.getName())) {
          return true;
        }
      }
      return false;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0)).replace('.', ',');
  }
}
