package vn.thuvien.selftraining.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thuvien.selftraining.report.ReportFixtures.CHAU_THANH;
import static vn.thuvien.selftraining.report.ReportFixtures.CITY;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import vn.thuvien.selftraining.training.Phase;

/**
 * The workbook of {@link ReportFixtures#province()}, read back with POI cell by cell. Layout of
 * every sheet with the letter known: administrative header rows 0–1, title 3, school year 4, letter
 * 5, scope 6, "as of" 7, caption 8, table header 10–11, data from 12.
 */
class XlsxReportWriterTest {

  static final int HEADER = 10;
  static final int DATA = 12;
  /** Last column of the summary and units tables: STT + 4 + 2 + 4 classifications + 1 + 6 × 3. */
  static final int LAST = 29;

  final XlsxReportWriter writer = new XlsxReportWriter();

  @Test
  void everySheetStartsWithTheAdministrativeHeader() throws IOException {
    try (XSSFWorkbook workbook = write(ReportFixtures.province(), ReportFixtures.people())) {
      assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
          .containsExactly("Tổng hợp", "Đơn vị", "Cá nhân");
      for (int i = 0; i < 3; i++) {
        XSSFSheet sheet = workbook.getSheetAt(i);
        int last = i == 2 ? 21 : LAST;
        // the superior and issuing bodies as the directory names them, never from code
        assertThat(text(sheet, 0, 0)).isEqualTo("ỦY BAN NHÂN DÂN TỈNH BẾN TRE");
        assertThat(text(sheet, 1, 0)).isEqualTo("SỞ GIÁO DỤC VÀ ĐÀO TẠO BẾN TRE");
        assertThat(bold(workbook, sheet, 1, 0)).isTrue();
        int right = columnOf(sheet.getRow(0), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assertThat(right).isGreaterThan(2);
        assertThat(text(sheet, 1, right)).isEqualTo("Độc lập – Tự do – Hạnh phúc");
        assertThat(bold(workbook, sheet, 1, right)).isTrue();
        assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(0, 0, right, last),
            new CellRangeAddress(3, 3, 0, last));
        assertThat(text(sheet, 3, 0)).isEqualTo("BÁO CÁO TỔNG HỢP KẾT QUẢ TỰ BỒI DƯỠNG NGHIỆP VỤ THƯ VIỆN");
        assertThat(bold(workbook, sheet, 3, 0)).isTrue();
        assertThat(text(sheet, 4, 0)).isEqualTo("Năm học 2026-2027");
        assertThat(text(sheet, 5, 0))
            .isEqualTo("(Thực hiện Công văn số 2458/SGD&ĐT-KHTC ngày 04/12/2017 của Sở GD&ĐT)");
        assertThat(text(sheet, 6, 0)).isEqualTo("Phạm vi: Sở Giáo dục và Đào tạo Bến Tre");
        assertThat(text(sheet, 7, 0)).isEqualTo("Số liệu tính đến: 14:30 05/03/2027");
        assertThat(text(sheet, HEADER, 0)).isEqualTo("STT");
      }
      assertThat(text(workbook.getSheetAt(0), 8, 0)).isEqualTo("Biểu 1. Tổng hợp");
      assertThat(text(workbook.getSheetAt(1), 8, 0)).isEqualTo("Biểu 2. Chi tiết theo đơn vị");
      assertThat(text(workbook.getSheetAt(2), 8, 0)).isEqualTo("Biểu 3. Kết quả tự bồi dưỡng của từng cá nhân");
    }
  }

  @Test
  void summaryHasOneLinePerPhongThenTheUnitsUnderTheSoThenTheTotal() throws IOException {
    try (XSSFWorkbook workbook = write(ReportFixtures.province(), ReportFixtures.people())) {
      XSSFSheet sheet = workbook.getSheet("Tổng hợp");
      assertThat(texts(sheet, HEADER, 0, 12)).containsExactly("STT", "Đơn vị", "Số đơn vị",
          "Số đơn vị đã báo cáo", "Báo cáo của Phòng GD&ĐT", "Số người tham gia", "Đã nộp thu hoạch", "Xếp loại", "", "", "",
          "Không hoàn thành – quá hạn", "Lập hồ sơ tự bồi dưỡng và kế hoạch");
      assertThat(texts(sheet, HEADER + 1, 7, 17)).containsExactly("Giỏi", "Khá", "Trung bình", "Chưa hoàn thành", "",
          "Đúng hạn", "Trễ hạn", "Chưa hoàn thành", "Đúng hạn", "Trễ hạn", "Chưa hoàn thành");
      assertThat(text(sheet, HEADER, 27)).isEqualTo(Phase.EVALUATION.label());
      assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(HEADER, HEADER + 1, 1, 1),
          new CellRangeAddress(HEADER, HEADER, 7, 10), new CellRangeAddress(HEADER, HEADER, 12, 14),
          new CellRangeAddress(HEADER, HEADER, 27, 29));

      assertThat(number(sheet, DATA, 0)).isEqualTo(1);
      assertThat(texts(sheet, DATA, 1, 1)).containsExactly(CITY);
      assertThat(numbers(sheet, DATA, 2, 3)).containsExactly(2.0, 1.0);
      assertThat(text(sheet, DATA, 4)).isEqualTo("Đã gửi báo cáo (đúng hạn)");
      assertThat(numbers(sheet, DATA, 5, 29)).containsExactly(3.0, 2.0, 1.0, 0.0, 0.0, 0.0, 1.0,
          3.0, 0.0, 0.0, 1.0, 1.0, 1.0, 2.0, 0.0, 1.0, 2.0, 0.0, 1.0, 2.0, 0.0, 1.0, 1.0, 0.0, 2.0);

      assertThat(text(sheet, DATA + 1, 1)).isEqualTo(CHAU_THANH);
      assertThat(text(sheet, DATA + 1, 4)).isEqualTo("Chưa gửi báo cáo");
      assertThat(numbers(sheet, DATA + 1, 2, 3)).containsExactly(2.0, 1.0);

      assertThat(number(sheet, DATA + 2, 0)).isEqualTo(3);
      assertThat(text(sheet, DATA + 2, 1)).isEqualTo("Các đơn vị trực thuộc Sở");
      assertThat(text(sheet, DATA + 2, 4)).isEmpty();
      assertThat(numbers(sheet, DATA + 2, 5, 11)).containsExactly(1.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0);

      int total = DATA + 3;
      assertThat(cell(sheet, total, 0).getCellType()).isEqualTo(CellType.BLANK);
      assertThat(text(sheet, total, 1)).isEqualTo("Tổng cộng");
      assertThat(bold(workbook, sheet, total, 1)).isTrue();
      assertThat(numbers(sheet, total, 2, 3)).containsExactly(5.0, 3.0);
      assertThat(numbers(sheet, total, 5, 29)).containsExactly(5.0, 3.0, 1.0, 1.0, 0.0, 0.0, 1.0,
          4.0, 1.0, 0.0, 2.0, 1.0, 2.0, 3.0, 0.0, 2.0, 3.0, 0.0, 2.0, 2.0, 1.0, 2.0, 2.0, 0.0, 3.0);
      assertThat(cell(sheet, total, 5).getCellType()).as("a value, not a formula").isEqualTo(CellType.NUMERIC);
    }
  }

  @Test
  void summaryListsTheUnitsThatDidNotReportThenTheSignatures() throws IOException {
    try (XSSFWorkbook workbook = write(ReportFixtures.province(), ReportFixtures.people())) {
      XSSFSheet sheet = workbook.getSheet("Tổng hợp");
      assertThat(text(sheet, 17, 0)).isEqualTo("Đơn vị chưa gửi báo cáo: 2/5 đơn vị");
      assertThat(text(sheet, 18, 0)).isEqualTo("– " + CITY + " (1): Trường Tiểu học An Hội (quá hạn).");
      assertThat(text(sheet, 19, 0)).isEqualTo("– " + CHAU_THANH + " (1): Trường Mầm non Tam Phước.");
      assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(18, 18, 0, LAST));

      int right = columnOf(sheet.getRow(0), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
      assertThat(text(sheet, 21, right)).isEqualTo("Ngày 05 tháng 03 năm 2027");
      assertThat(text(sheet, 22, 0)).isEqualTo("NGƯỜI LẬP BÁO CÁO");
      assertThat(text(sheet, 22, right)).isEqualTo("THỦ TRƯỞNG ĐƠN VỊ");
      assertThat(bold(workbook, sheet, 22, right)).isTrue();
      assertThat(text(sheet, 23, 0)).isEqualTo("(Ký, ghi rõ họ tên)");
      assertThat(text(sheet, 23, right)).isEqualTo("(Ký, ghi rõ họ tên, đóng dấu)");
    }
  }

  @Test
  void everyoneReportedLeavesNoListOfMissingUnits() throws IOException {
    CampaignReport report = ReportFixtures.report(ReportFixtures.PROVINCE, List.of(ReportFixtures.direct()), null,
        null);
    try (XSSFWorkbook workbook = write(report, List.of())) {
      XSSFSheet sheet = workbook.getSheet("Tổng hợp");
      int total = DATA - 1 + 1; // no letter line: everything one row up
      assertThat(text(sheet, total, 1)).isEqualTo("Tổng cộng");
      assertThat(text(sheet, total + 2, columnOf(sheet.getRow(0), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")))
          .isEqualTo("Ngày 05 tháng 03 năm 2027");
    }
  }

  @Test
  void unitsAreListedUnderTheirPhongWithItsSubtotal() throws IOException {
    try (XSSFWorkbook workbook = write(ReportFixtures.province(), ReportFixtures.people())) {
      XSSFSheet sheet = workbook.getSheet("Đơn vị");
      assertThat(texts(sheet, HEADER, 0, 7)).containsExactly("STT", "Mã đơn vị", "Tên đơn vị", "Phòng GD&ĐT",
          "Báo cáo của đơn vị", "Số người tham gia", "Đã nộp thu hoạch", "Xếp loại");
      assertThat(texts(sheet, HEADER + 1, 24, 26)).containsExactly("Đúng hạn", "Trễ hạn", "Chưa hoàn thành");
      assertThat(text(sheet, HEADER, 24)).isEqualTo("Nộp thu hoạch");
      assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(HEADER, HEADER, 24, 26));

      assertThat(texts(sheet, DATA, 0, 4)).containsExactly("I", "PGD-TPBT", CITY, "",
          "Đã gửi báo cáo (đúng hạn), ngày 01/03/2027");
      assertThat(bold(workbook, sheet, DATA, 2)).isTrue();
      assertThat(numbers(sheet, DATA, 5, 6)).containsExactly(3.0, 2.0);

      assertThat(number(sheet, DATA + 1, 0)).isEqualTo(1);
      assertThat(texts(sheet, DATA + 1, 1, 4)).containsExactly("THCS-PHUHUNG", "Trường THCS Phú Hưng", CITY,
          "Đã gửi báo cáo (đúng hạn), ngày 25/02/2027");
      assertThat(bold(workbook, sheet, DATA + 1, 2)).isFalse();
      assertThat(numbers(sheet, DATA + 1, 5, 17)).containsExactly(2.0, 2.0, 1.0, 0.0, 0.0, 0.0, 0.0, 2.0, 0.0, 0.0,
          1.0, 1.0, 0.0);
      assertThat(numbers(sheet, DATA + 1, 27, 29)).containsExactly(1.0, 0.0, 1.0);

      assertThat(number(sheet, DATA + 2, 0)).isEqualTo(2);
      assertThat(texts(sheet, DATA + 2, 2, 4)).containsExactly("Trường Tiểu học An Hội", CITY,
          "Không gửi báo cáo đúng hạn");
      assertThat(number(sheet, DATA + 2, 11)).isEqualTo(1);

      assertThat(texts(sheet, DATA + 3, 0, 4)).containsExactly("II", "PGD-CT", CHAU_THANH, "", "Chưa gửi báo cáo");
      assertThat(number(sheet, DATA + 4, 0)).as("numbering restarts under each Phòng").isEqualTo(1);
      assertThat(texts(sheet, DATA + 4, 2, 4)).containsExactly("Trường THCS Tân Thạch", CHAU_THANH,
          "Đã gửi báo cáo (trễ hạn), ngày 03/03/2027");
      assertThat(texts(sheet, DATA + 5, 2, 4)).containsExactly("Trường Mầm non Tam Phước", CHAU_THANH,
          "Chưa gửi báo cáo");
      assertThat(numbers(sheet, DATA + 5, 5, 6)).containsExactly(0.0, 0.0);

      assertThat(texts(sheet, DATA + 6, 0, 4)).containsExactly("III", "", "Các đơn vị trực thuộc Sở", "", "");
      assertThat(texts(sheet, DATA + 7, 1, 4)).containsExactly("THPT-CHUYENBT", "Trường THPT chuyên Bến Tre",
          "Trực thuộc Sở", "Đã gửi báo cáo (đúng hạn), ngày 20/02/2027");

      int total = DATA + 8;
      assertThat(texts(sheet, total, 0, 2)).containsExactly("", "", "Tổng cộng");
      assertThat(numbers(sheet, total, 5, 29)).containsExactly(5.0, 3.0, 1.0, 1.0, 0.0, 0.0, 1.0,
          4.0, 1.0, 0.0, 2.0, 1.0, 2.0, 3.0, 0.0, 2.0, 3.0, 0.0, 2.0, 2.0, 1.0, 2.0, 2.0, 0.0, 3.0);
      assertThat(sheet.getLastRowNum()).isEqualTo(total);
    }
  }

  @Test
  void peopleMatrixShowsEveryPhaseWithRealDates() throws IOException {
    try (XSSFWorkbook workbook = write(ReportFixtures.province(), ReportFixtures.people())) {
      XSSFSheet sheet = workbook.getSheet("Cá nhân");
      assertThat(texts(sheet, HEADER, 0, 8)).containsExactly("STT", "Họ và tên", "Mã người", "Email",
          "Đơn vị", "Phòng GD&ĐT", "Lập hồ sơ tự bồi dưỡng và kế hoạch", "", "Tự bồi dưỡng Phần chung");
      assertThat(texts(sheet, HEADER + 1, 6, 7)).containsExactly("Tình trạng", "Ngày hoàn thành");
      assertThat(texts(sheet, HEADER, 18, 21)).containsExactly("Chủ đề tự chọn", "Điểm", "Xếp loại",
          "Tình trạng chung");
      assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(HEADER, HEADER, 6, 7),
          new CellRangeAddress(HEADER, HEADER, 16, 17), new CellRangeAddress(HEADER, HEADER + 1, 18, 18));

      assertThat(number(sheet, DATA, 0)).isEqualTo(1);
      assertThat(texts(sheet, DATA, 1, 6)).containsExactly("Nguyễn Thị Lan", "gv1", "gv1@example.edu.vn",
          "Trường THCS Phú Hưng", CITY, "Hoàn thành đúng hạn");
      Cell planDone = cell(sheet, DATA, 7);
      assertThat(planDone.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(planDone)).isTrue();
      assertThat(planDone.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
      assertThat(planDone.getLocalDateTimeCellValue().toLocalDate())
          .as("the day in Bến Tre, not in UTC").isEqualTo(LocalDate.of(2026, 10, 15));
      assertThat(texts(sheet, DATA, 18, 18)).containsExactly("Tổ chức hoạt động đọc sách cho học sinh");
      assertThat(number(sheet, DATA, 19)).isEqualTo(8.5);
      assertThat(cell(sheet, DATA, 19).getCellStyle().getDataFormatString()).isEqualTo("0.0#");
      assertThat(texts(sheet, DATA, 20, 21)).containsExactly("Giỏi", "Đã được đánh giá");

      assertThat(texts(sheet, DATA + 1, 1, 1)).containsExactly("Trần Văn Minh");
      assertThat(text(sheet, DATA + 1, 8)).isEqualTo("Hoàn thành trễ hạn");
      assertThat(cell(sheet, DATA + 1, 9).getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.of(2026, 12, 20));
      assertThat(text(sheet, DATA + 1, 16)).isEqualTo("Đang thực hiện");
      assertThat(cell(sheet, DATA + 1, 17).getCellType()).isEqualTo(CellType.BLANK);
      assertThat(cell(sheet, DATA + 1, 19).getCellType()).isEqualTo(CellType.BLANK);
      assertThat(text(sheet, DATA + 1, 21)).isEqualTo("Đã nộp thu hoạch – chờ đánh giá");

      assertThat(texts(sheet, DATA + 2, 1, 1)).containsExactly("Lê Thị Hồng Nhung");
      assertThat(text(sheet, DATA + 2, 8)).isEqualTo("Quá hạn, chưa hoàn thành");
      assertThat(text(sheet, DATA + 2, 21)).isEqualTo("Không hoàn thành – quá hạn");

      assertThat(texts(sheet, DATA + 4, 1, 6)).containsExactly("Phạm Quốc Dũng", "gv5", "gv5@example.edu.vn",
          "Trường THCS Tân Thạch", CHAU_THANH, "Chưa bắt đầu");
      assertThat(text(sheet, DATA + 4, 21)).isEqualTo("Không tham gia (theo xác nhận của Hiệu trưởng)");

      assertThat(number(sheet, DATA + 5, 0)).isEqualTo(6);
      assertThat(texts(sheet, DATA + 5, 1, 5)).containsExactly("Võ Thị Thu Hà", "gv6", "gv6@example.edu.vn",
          "Trường THPT chuyên Bến Tre", "Trực thuộc Sở");
      assertThat(number(sheet, DATA + 5, 19)).isEqualTo(7.25);
      assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) DATA);
      assertThat(sheet.getColumnWidth(1)).isEqualTo(28 * 256);
    }
  }

  @Test
  void peopleTotalCountsParticipantsButNotTheWithdrawn() throws IOException {
    try (XSSFWorkbook workbook = write(ReportFixtures.province(), ReportFixtures.people())) {
      XSSFSheet sheet = workbook.getSheet("Cá nhân");
      int total = DATA + 6;
      assertThat(sheet.getLastRowNum()).isEqualTo(total);
      assertThat(text(sheet, total, 1)).isEqualTo("Tổng cộng");
      assertThat(number(sheet, total, 4)).isEqualTo(5);
      assertThat(cell(sheet, total, 4).getCellStyle().getDataFormatString()).isEqualTo("0\" người tham gia\"");
      assertThat(text(sheet, total, 5)).isEqualTo("không tính 1 người không tham gia");
      List<Double> done = new ArrayList<>();
      for (Phase phase : Phase.values()) {
        done.add(number(sheet, total, 6 + 2 * phase.ordinal()));
        assertThat(cell(sheet, total, 7 + 2 * phase.ordinal()).getCellType()).isEqualTo(CellType.BLANK);
      }
      assertThat(done).containsExactly(5.0, 3.0, 3.0, 3.0, 3.0, 2.0);
      assertThat(cell(sheet, total, 6).getCellStyle().getDataFormatString()).isEqualTo("0\" đã hoàn thành\"");
      assertThat(number(sheet, total, 19)).as("average of 8.5 and 7.25").isEqualTo(7.88);
    }
  }

  @Test
  void everySheetPrintsOnA4LandscapeOnePageWideWithItsHeaderOnEveryPage() throws IOException {
    try (XSSFWorkbook workbook = write(ReportFixtures.province(), ReportFixtures.people())) {
      for (int i = 0; i < 3; i++) {
        XSSFSheet sheet = workbook.getSheetAt(i);
        PrintSetup print = sheet.getPrintSetup();
        assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(print.getLandscape()).isTrue();
        assertThat(sheet.getFitToPage()).isTrue();
        assertThat(print.getFitWidth()).isEqualTo((short) 1);
        assertThat(print.getFitHeight()).isEqualTo((short) 0);
        assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("11:12"));
        assertThat(sheet.getFooter().getCenter()).isEqualTo("Trang &P / &N");
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) DATA);
      }
    }
  }

  @Test
  void districtReportIsIssuedByThePhongAndOmitsAnUnknownLetter() throws IOException {
    ReportScope scope = new ReportScope(ReportScope.Level.DISTRICT, "PGD-TPBT", CITY);
    CampaignReport report = ReportFixtures.report(scope, List.of(ReportFixtures.city()), null,
        LocalDate.of(2017, 12, 4));
    try (XSSFWorkbook workbook = write(report, ReportFixtures.people().subList(0, 3))) {
      XSSFSheet sheet = workbook.getSheet("Tổng hợp");
      assertThat(text(sheet, 0, 0)).isEqualTo("SỞ GIÁO DỤC VÀ ĐÀO TẠO BẾN TRE");
      assertThat(text(sheet, 1, 0)).isEqualTo("PHÒNG GD&ĐT THÀNH PHỐ BẾN TRE");
      assertThat(text(sheet, 5, 0)).isEqualTo("(Thực hiện Công văn ngày 04/12/2017 của Sở GD&ĐT)");
      assertThat(text(sheet, 6, 0)).isEqualTo("Phạm vi: Phòng GD&ĐT Thành phố Bến Tre");
      assertThat(text(sheet, DATA, 1)).isEqualTo(CITY);
      assertThat(text(sheet, DATA + 1, 1)).isEqualTo("Tổng cộng");
      assertThat(number(sheet, DATA + 1, 5)).isEqualTo(3);
      assertThat(number(workbook.getSheet("Cá nhân"), DATA + 3, 4)).isEqualTo(3);
    }
  }

  @Test
  void schoolUnderAPhongAnswersToThePhongAndOneWithoutLetterHasNoLetterLine() throws IOException {
    GroupRow city = ReportFixtures.city();
    GroupRow oneSchool = ReportFixtures.group("PGD-TPBT", CITY, city.units().subList(0, 1), city.report());
    ReportScope scope = new ReportScope(ReportScope.Level.UNIT, "THCS-PHUHUNG", "Trường THCS Phú Hưng");
    try (XSSFWorkbook workbook = write(ReportFixtures.report(scope, List.of(oneSchool), null, null),
        ReportFixtures.people().subList(0, 2))) {
      XSSFSheet sheet = workbook.getSheet("Đơn vị");
      assertThat(text(sheet, 0, 0)).isEqualTo("PHÒNG GD&ĐT THÀNH PHỐ BẾN TRE");
      assertThat(text(sheet, 1, 0)).isEqualTo("TRƯỜNG THCS PHÚ HƯNG");
      assertThat(text(sheet, 5, 0)).isEqualTo("Phạm vi: Trường THCS Phú Hưng");
      assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("10:11"));
    }
  }

  @Test
  void provinceHeaderWithoutASuperiorBodyInTheDirectoryLeavesItsLineEmpty() {
    CampaignReport withSuperior = ReportFixtures.province();
    CampaignReport without = new CampaignReport(withSuperior.schoolYear(), "Sở Giáo dục và Đào tạo Vĩnh Long", null,
        "UBND xã/phường", null, null, withSuperior.scope(), withSuperior.generatedAt(), withSuperior.groups(),
        withSuperior.total());
    assertThat(XlsxReportWriter.issuer(without)).containsExactly("", "SỞ GIÁO DỤC VÀ ĐÀO TẠO VĨNH LONG");
  }

  @Test
  void campaignWithoutPeopleStillEndsWithATotal() throws IOException {
    try (XSSFWorkbook workbook = write(ReportFixtures.province(), List.of())) {
      XSSFSheet sheet = workbook.getSheet("Cá nhân");
      assertThat(text(sheet, DATA, 1)).isEqualTo("Tổng cộng");
      assertThat(number(sheet, DATA, 4)).isZero();
      assertThat(cell(sheet, DATA, 19).getCellType()).isEqualTo(CellType.BLANK);
    }
  }

  // ---- helpers

  private XSSFWorkbook write(CampaignReport report, List<PersonRow> people) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(report, ReportFixtures.streamer(people), out);
    return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
  }

  private static Cell cell(XSSFSheet sheet, int row, int column) {
    Row line = sheet.getRow(row);
    assertThat(line).as("row %d of %s", row, sheet.getSheetName()).isNotNull();
    Cell cell = line.getCell(column);
    assertThat(cell).as("cell %d of row %d of %s", column, row, sheet.getSheetName()).isNotNull();
    return cell;
  }

  private static String text(XSSFSheet sheet, int row, int column) {
    Cell cell = cell(sheet, row, column);
    assertThat(cell.getCellType()).as("cell %d of row %d", column, row).isIn(CellType.STRING, CellType.BLANK);
    return cell.getStringCellValue();
  }

  private static List<String> texts(XSSFSheet sheet, int row, int from, int to) {
    List<String> texts = new ArrayList<>();
    for (int c = from; c <= to; c++) {
      texts.add(text(sheet, row, c));
    }
    return texts;
  }

  private static double number(XSSFSheet sheet, int row, int column) {
    Cell cell = cell(sheet, row, column);
    assertThat(cell.getCellType()).as("cell %d of row %d", column, row).isEqualTo(CellType.NUMERIC);
    return cell.getNumericCellValue();
  }

  private static List<Double> numbers(XSSFSheet sheet, int row, int from, int to) {
    List<Double> numbers = new ArrayList<>();
    for (int c = from; c <= to; c++) {
      numbers.add(number(sheet, row, c));
    }
    return numbers;
  }

  private static boolean bold(XSSFWorkbook workbook, XSSFSheet sheet, int row, int column) {
    return workbook.getFontAt(cell(sheet, row, column).getCellStyle().getFontIndex()).getBold();
  }

  private static int columnOf(Row row, String text) {
    for (Cell cell : row) {
      if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
        return cell.getColumnIndex();
      }
    }
    throw new AssertionError("\"" + text + "\" not in row " + row.getRowNum());
  }
}
