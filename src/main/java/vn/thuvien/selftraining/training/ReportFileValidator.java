package vn.thuvien.selftraining.training;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import vn.thuvien.selftraining.system.InvalidInputException;

/**
 * Checks an uploaded report: PDF or DOCX by content (not by the name the browser sent), not empty,
 * and within the size limit. The browser's checks are a courtesy; this one decides.
 */
public class ReportFileValidator {

  public static final String PDF = "application/pdf";
  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  /** Bounds of the work a DOCX check may do, whatever the archive claims. */
  static final int MAX_ENTRIES = 1_000;
  static final long MAX_EXPANDED_BYTES = 64L * 1024 * 1024;
  static final int MAX_RATIO = 100;

  private final long maxBytes;

  public ReportFileValidator(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** A form's file, checked: its name, the type its content really has, the content. */
  public record CheckedFile(String fileName, String mimeType, byte[] content) {
  }

  /**
   * The file of an optional file field, checked; null when none was chosen (Tasklist's forms send
   * an empty file then).
   */
  public CheckedFile checkOptional(TypedValue value) {
    if (!(value instanceof FileValue file) || file.getValue() == null) {
      return null;
    }
    byte[] content;
    try (InputStream in = file.getValue()) {
      content = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the file " + file.getFilename(), e);
    }
    return content.length == 0 ? null : new CheckedFile(file.getFilename(), check(file.getFilename(), content), content);
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
    if (lower.endsWith(".docx") && startsWith(content, new byte[] {'P', 'K', 3, 4})) {
      checkDocx(fileName, content);
      return DOCX;
    }
    throw notPdfOrDocx(fileName);
  }

  private static boolean isPdf(byte[] content) {
    return startsWith(content, new byte[] {'%', 'P', 'D', 'F', '-'});
  }

  /**
   * A DOCX is a ZIP archive holding {@code word/document.xml}, without macros. Read with bounded
   * work, whatever the archive claims: at most {@link #MAX_ENTRIES} entries and
   * {@link #MAX_EXPANDED_BYTES} expanded in all, at most {@link #MAX_RATIO} times the file's own
   * size: a 2 MB file that expands to 2 GiB is refused after reading the first 64 MB, not stored.
   */
  private static void checkDocx(String fileName, byte[] content) {
    long expandedLimit = Math.min(MAX_EXPANDED_BYTES, (long) content.length * MAX_RATIO);
    boolean document = false;
    long expanded = 0;
    int entries = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (++entries > MAX_ENTRIES) {
          throw unsafe(fileName, "có hơn " + MAX_ENTRIES + " thành phần");
        }
        String name = entry.getName();
        if (name.toLowerCase(Locale.ROOT).contains("vbaproject")) {
          throw macros(fileName);
        }
        document |= "word/document.xml".equals(name);
        StringBuilder contentTypes = "[Content_Types].xml".equals(name) ? new StringBuilder() : null;
        for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
          expanded += read;
          if (expanded > expandedLimit) {
            throw unsafe(fileName, "giải nén ra hơn " + megabytes(expandedLimit)
                + " (tệp nén bất thường, có thể là “bom nén”)");
          }
          if (contentTypes != null && contentTypes.length() < 1_000_000) {
            contentTypes.append(new String(buffer, 0, read, java.nio.charset.StandardCharsets.UTF_8));
          }
        }
        if (contentTypes != null && contentTypes.toString().toLowerCase(Locale.ROOT).contains("macroenabled")) {
          throw macros(fileName);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw notPdfOrDocx(fileName);
    }
    if (!document) {
      throw notPdfOrDocx(fileName);
    }
  }

  private static InvalidInputException unsafe(String fileName, String why) {
    return new InvalidInputException("Tệp \"" + fileName + "\" không được nhận: " + why + ".");
  }

  private static InvalidInputException macros(String fileName) {
    return new InvalidInputException("Tệp \"" + fileName + "\" là tài liệu Word có macro (.docm), không được nhận. "
        + "Vui lòng lưu lại dưới dạng .docx thường hoặc .pdf.");
  }

  private static InvalidInputException notPdfOrDocx(String fileName) {
    return new InvalidInputException("Tệp \"" + fileName + "\" không phải là tệp PDF hoặc Word (.docx) hợp lệ. "
        + "Vui lòng nộp bài thu hoạch dưới dạng .pdf hoặc .docx.");
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
