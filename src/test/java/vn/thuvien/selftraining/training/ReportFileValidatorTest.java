package vn.thuvien.selftraining.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import vn.thuvien.selftraining.system.InvalidInputException;

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

  @Test
  void aZipBombIsRefusedAfterBoundedWork() throws IOException {
    // a real document.xml, then 512 MB of zeros that compress to about half a megabyte
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("word/media/image1.png"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 512; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    ReportFileValidator large = new ReportFileValidator(10L * 1024 * 1024);

    assertThatThrownBy(() -> large.check("thu-hoach.docx", bytes.toByteArray()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Tệp \"thu-hoach.docx\" không được nhận: giải nén ra hơn")
        .hasMessageContaining("bom nén");
  }

  @Test
  void tooManyEntriesAreRefused() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i <= ReportFileValidator.MAX_ENTRIES; i++) {
        zip.putNextEntry(new ZipEntry(i == 0 ? "word/document.xml" : "word/part" + i + ".xml"));
        zip.write('x');
        zip.closeEntry();
      }
    }
    assertThatThrownBy(() -> new ReportFileValidator(10L * 1024 * 1024).check("a.docx", bytes.toByteArray()))
        .hasMessage("Tệp \"a.docx\" không được nhận: có hơn 1000 thành phần.");
  }

  @Test
  void aMacroEnabledDocumentRenamedDocxIsRefused() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(("<Types><Override PartName=\"/word/document.xml\" "
          + "ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/></Types>")
          .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    assertThatThrownBy(() -> validator.check("thu-hoach.docx", bytes.toByteArray()))
        .hasMessage("Tệp \"thu-hoach.docx\" là tài liệu Word có macro (.docm), không được nhận. "
            + "Vui lòng lưu lại dưới dạng .docx thường hoặc .pdf.");
    assertThatThrownBy(() -> validator.check("thu-hoach.docx", zipWith("word/vbaProject.bin")))
        .hasMessageContaining("có macro");
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
