package vn.thuvien.selftraining.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thuvien.selftraining.report.ReportFixtures.CHAU_THANH;
import static vn.thuvien.selftraining.report.ReportFixtures.CITY;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import vn.thuvien.selftraining.training.ParticipantStatus;

/** The CSV files of {@link ReportFixtures#province()}, read back with Commons CSV. */
class CsvReportWriterTest {

  static final List<String> UNIT_HEADER = List.of("STT", "Mã đơn vị", "Tên đơn vị", "Phòng GD&ĐT",
      "Báo cáo của đơn vị", "Số người tham gia", "Đã nộp thu hoạch", "Xếp loại – Giỏi", "Xếp loại – Khá",
      "Xếp loại – Trung bình", "Xếp loại – Chưa hoàn thành", "Không hoàn thành – quá hạn",
      "Lập hồ sơ tự bồi dưỡng và kế hoạch – Đúng hạn", "Lập hồ sơ tự bồi dưỡng và kế hoạch – Trễ hạn",
      "Lập hồ sơ tự bồi dưỡng và kế hoạch – Chưa hoàn thành", "Tự bồi dưỡng Phần chung – Đúng hạn",
      "Tự bồi dưỡng Phần chung – Trễ hạn", "Tự bồi dưỡng Phần chung – Chưa hoàn thành",
      "Tự bồi dưỡng Phần tự chọn – Đúng hạn", "Tự bồi dưỡng Phần tự chọn – Trễ hạn",
      "Tự bồi dưỡng Phần tự chọn – Chưa hoàn thành", "Viết thu hoạch – Đúng hạn", "Viết thu hoạch – Trễ hạn",
      "Viết thu hoạch – Chưa hoàn thành", "Nộp thu hoạch – Đúng hạn", "Nộp thu hoạch – Trễ hạn",
      "Nộp thu hoạch – Chưa hoàn thành", "Đánh giá thu hoạch – Đúng hạn", "Đánh giá thu hoạch – Trễ hạn",
      "Đánh giá thu hoạch – Chưa hoàn thành");

  static final List<String> PEOPLE_HEADER = List.of("STT", "Họ và tên", "Mã người", "Email", "Đơn vị",
      "Phòng GD&ĐT",
      "Lập hồ sơ tự bồi dưỡng và kế hoạch – Tình trạng", "Lập hồ sơ tự bồi dưỡng và kế hoạch – Ngày hoàn thành",
      "Tự bồi dưỡng Phần chung – Tình trạng", "Tự bồi dưỡng Phần chung – Ngày hoàn thành",
      "Tự bồi dưỡng Phần tự chọn – Tình trạng", "Tự bồi dưỡng Phần tự chọn – Ngày hoàn thành",
      "Viết thu hoạch – Tình trạng", "Viết thu hoạch – Ngày hoàn thành", "Nộp thu hoạch – Tình trạng",
      "Nộp thu hoạch – Ngày hoàn thành", "Đánh giá thu hoạch – Tình trạng", "Đánh giá thu hoạch – Ngày hoàn thành",
      "Chủ đề tự chọn", "Điểm", "Xếp loại", "Tình trạng chung");

  final CsvReportWriter writer = new CsvReportWriter();

  @Test
  void unitsFileStartsWithTheBomAndHasExcelLineEnds() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.writeUnits(ReportFixtures.province(), out);
    byte[] bytes = out.toByteArray();
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text).startsWith("STT,Mã đơn vị,Tên đơn vị,").endsWith("\r\n");
    assertThat(text.split("\r\n")).hasSize(7);
    assertThat(text.replace("\r\n", "")).doesNotContain("\n", "\uFEFF");
  }

  @Test
  void unitsFileHasOneLinePerUnitThenTheTotal() throws IOException {
    List<CSVRecord> records = read(units());
    assertThat(records.get(0).toList()).isEqualTo(UNIT_HEADER);
    assertThat(records).hasSize(7);
    assertThat(records.get(1).toList()).containsExactly("1", "THCS-PHUHUNG", "Trường THCS Phú Hưng", CITY,
        "Đã gửi báo cáo (đúng hạn), ngày 25/02/2027", "2", "2", "1", "0", "0", "0", "0",
        "2", "0", "0", "1", "1", "0", "2", "0", "0", "2", "0", "0", "2", "0", "0", "1", "0", "1");
    assertThat(records.get(2).toList().subList(0, 5)).containsExactly("2", "TH-ANHOI", "Trường Tiểu học An Hội", CITY,
        "Không gửi báo cáo đúng hạn");
    assertThat(records.get(2).get(11)).isEqualTo("1");
    assertThat(records.get(3).toList().subList(0, 5)).containsExactly("3", "THCS-TANTHACH", "Trường THCS Tân Thạch",
        CHAU_THANH, "Đã gửi báo cáo (trễ hạn), ngày 03/03/2027");
    assertThat(records.get(4).toList().subList(0, 7)).containsExactly("4", "MN-TAMPHUOC",
        "Trường Mầm non Tam Phước", CHAU_THANH, "Chưa gửi báo cáo", "0", "0");
    assertThat(records.get(5).toList().subList(0, 9)).containsExactly("5", "THPT-CHUYENBT",
        "Trường THPT chuyên Bến Tre", "Trực thuộc Sở", "Đã gửi báo cáo (đúng hạn), ngày 20/02/2027", "1", "1", "0",
        "1");
    assertThat(records.get(6).toList()).containsExactly("", "", "Tổng cộng", "", "", "5", "3", "1", "1", "0", "0",
        "1", "4", "1", "0", "2", "1", "2", "3", "0", "2", "3", "0", "2", "2", "1", "2", "2", "0", "3");
  }

  @Test
  void peopleFileHasEveryPhaseAndCountsOnlyParticipants() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.writePeople(ReportFixtures.province(), ReportFixtures.streamer(ReportFixtures.people()), out);
    List<CSVRecord> records = read(out.toByteArray());
    assertThat(records.get(0).toList()).isEqualTo(PEOPLE_HEADER);
    assertThat(records).hasSize(8);
    assertThat(records.get(1).toList()).containsExactly("1", "Nguyễn Thị Lan", "gv1", "gv1@example.edu.vn",
        "Trường THCS Phú Hưng", CITY,
        "Hoàn thành đúng hạn", "15/10/2026", "Hoàn thành đúng hạn", "20/11/2026", "Hoàn thành đúng hạn", "10/01/2027",
        "Hoàn thành đúng hạn", "12/02/2027", "Hoàn thành đúng hạn", "20/02/2027", "Hoàn thành đúng hạn", "24/02/2027",
        "Tổ chức hoạt động đọc sách cho học sinh", "8.5", "Giỏi", "Đã được đánh giá");
    assertThat(records.get(2).toList()).containsExactly("2", "Trần Văn Minh", "gv2", "gv2@example.edu.vn",
        "Trường THCS Phú Hưng", CITY,
        "Hoàn thành đúng hạn", "10/10/2026", "Hoàn thành trễ hạn", "20/12/2026", "Hoàn thành đúng hạn", "12/01/2027",
        "Hoàn thành đúng hạn", "13/02/2027", "Hoàn thành đúng hạn", "21/02/2027", "Đang thực hiện", "",
        "Ứng dụng công nghệ thông tin trong thư viện", "", "", "Đã nộp thu hoạch – chờ đánh giá");
    assertThat(records.get(3).get(1)).isEqualTo("Lê Thị Hồng Nhung");
    assertThat(records.get(3).get(8)).isEqualTo("Quá hạn, chưa hoàn thành");
    assertThat(records.get(3).get(21)).isEqualTo("Không hoàn thành – quá hạn");
    assertThat(records.get(5).get(1)).isEqualTo("Phạm Quốc Dũng");
    assertThat(records.get(5).get(21)).isEqualTo("Không tham gia (theo xác nhận của Hiệu trưởng)");
    assertThat(records.get(6).toList().subList(14, 22)).containsExactly("Hoàn thành trễ hạn", "28/02/2027",
        "Hoàn thành đúng hạn", "02/03/2027", "Xây dựng thư viện thân thiện", "7.25", "Khá", "Đã được đánh giá");
    assertThat(records.get(7).toList()).containsExactly("", "Tổng cộng", "", "", "5 người tham gia",
        "không tính 1 người không tham gia", "5 đã hoàn thành", "", "3 đã hoàn thành", "", "3 đã hoàn thành", "",
        "3 đã hoàn thành", "", "3 đã hoàn thành", "", "2 đã hoàn thành", "", "", "TB 7.88", "", "");
  }

  @Test
  void scoresArePlainWithADotAndTextsNeverRunAsFormulas() throws IOException {
    PersonRow typed = ReportFixtures.person(9, "=HYPERLINK(\"http://x\")", "THCS-PHUHUNG", "Trường THCS Phú Hưng",
        CITY, ParticipantStatus.EVALUATED, ReportFixtures.people().get(0).phases(), "@SUM(A1)",
        new BigDecimal("10.00"), "Giỏi");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.writePeople(ReportFixtures.province(), ReportFixtures.streamer(List.of(typed)), out);
    CSVRecord line = read(out.toByteArray()).get(1);
    assertThat(line.get(1)).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(line.get(18)).isEqualTo("'@SUM(A1)");
    assertThat(line.get(19)).isEqualTo("10");
    assertThat(CsvReportWriter.text(new BigDecimal("8.25"))).isEqualTo("8.25");
  }

  @Test
  void theCallersStreamStaysOpen() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream() {
      @Override
      public void close() {
        throw new AssertionError("the writer closed the caller's stream");
      }
    };
    writer.writeUnits(ReportFixtures.province(), out);
    assertThat(out.size()).isGreaterThan(3);
  }

  private byte[] units() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.writeUnits(ReportFixtures.province(), out);
    return out.toByteArray();
  }

  /** Every line, the header first, after checking and dropping the BOM. */
  private static List<CSVRecord> read(byte[] bytes) throws IOException {
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
      return parser.getRecords();
    }
  }
}
