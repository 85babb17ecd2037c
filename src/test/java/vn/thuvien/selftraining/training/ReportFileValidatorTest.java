package vn.thuvien.selftraining.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

class ReportFileValidatorTest {

  ReportFileValidator validator = new ReportFileValidator(1024);

  @Test
  void pdfAndDocxAreRecognisedByContent() throws IOException {
    assertThat(validator.check("thu-hoach.PDF", "%PDF-1.4 ...".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(ReportFileValidator.PDF);
    assertThat(validator.check("thu-hoach.docx", zipWith("word/document.xml")))
        .isEqualTo(ReportFileValidator.DOCX);
  }

  @Test
  void zipThatIsNoWordDocumentIsRefused() throws IOException {
    assertThatThrownBy(() -> validator.check("thu-hoach.docx", zipWith("xl/workbook.xml")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("\"thu-hoach.docx\" không phải là tệp PDF hoặc Word (.docx) hợp lệ");
  }

  @Test
  void emptyAndMissingFilesAreRefused() {
    assertThatThrownBy(() -> validator.check("thu-hoach.pdf", new byte[0]))
        .hasMessage("Tệp \"thu-hoach.pdf\" rỗng: vui lòng chọn lại tệp bài thu hoạch.");
    assertThatThrownBy(() -> validator.check(null, null))
        .hasMessageContaining("Chưa chọn tệp bài thu hoạch");
  }

  @Test
  void sizeLimitIsInclusive() {
    byte[] exactly = new byte[1024];
    System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, exactly, 0, 5);
    assertThat(validator.check("a.pdf", exactly)).isEqualTo(ReportFileValidator.PDF);
    byte[] over = new byte[1025];
    System.arraycopy(exactly, 0, over, 0, 5);
    assertThatThrownBy(() -> validator.check("a.pdf", over)).hasMessageContaining("vượt quá giới hạn");
  }

  private static byte[] zipWith(String entry) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}
