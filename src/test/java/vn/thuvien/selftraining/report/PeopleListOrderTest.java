package vn.thuvien.selftraining.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.thuvien.selftraining.CampaignTest;
import vn.thuvien.selftraining.SmallProvince;
import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.training.CampaignRepository;
import vn.thuvien.selftraining.directory.CampaignStructure;
import vn.thuvien.selftraining.directory.DirectoryImportService;
import vn.thuvien.selftraining.directory.ImportFile;
import vn.thuvien.selftraining.training.ParticipantRecords;

/**
 * Two people of one unit with the same name, one typed in decomposed Unicode: every export (the
 * per-person rows, the CSV, the workbook's "Cá nhân" sheet and the progress page's data) tells
 * them apart by code and email, and lists the unit as Vietnamese lists are ordered: given name,
 * then family and middle names, then code.
 */
@CampaignTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleListOrderTest {

  private static final String YEAR = "2046-2047";
  private static final String UNIT = "THCS-TT";
  /** "Nguyễn Thị Lan" in NFD: base letters followed by combining marks. */
  private static final String LAN_DECOMPOSED = "Nguye\u0302\u0303n Thi\u0323 Lan";

  /** The unit in the expected order: An, Ánh, Dung, Đức, Lan (lan.a), Lan (lan.b). */
  private static final List<String> EXPECTED_CODES = List.of("tt.an", "tt.anh", "tt.dung", "tt.duc", "tt.lan.a",
      "tt.lan.b");

  @Autowired DirectoryImportService importer;
  @Autowired CampaignRepository campaigns;
  @Autowired CampaignStructure structure;
  @Autowired ParticipantRecords records;
  @Autowired CampaignReports reports;
  @Autowired ReportAccess access;
  @Autowired TestRestTemplate rest;

  @BeforeAll
  void unitWithTwoLans() {
    List<String> units = new ArrayList<>(SmallProvince.UNITS);
    units.add(UNIT + ",Trường THCS Tân Thủy,SO-R,THCS");
    List<String> people = new ArrayList<>(SmallProvince.PEOPLE);
    // deliberately not in the expected order
    people.addAll(List.of(
        "tt.lan.b,Nguyễn Thị Lan,lan.b@tantuy.example.edu.vn," + UNIT + ",Nhân viên thư viện",
        "tt.duc,Phạm Minh Đức,duc@tantuy.example.edu.vn," + UNIT + ",Giáo viên kiêm nhiệm thư viện",
        "tt.lan.a," + LAN_DECOMPOSED + ",lan.a@tantuy.example.edu.vn," + UNIT + ",Giáo viên kiêm nhiệm thư viện",
        "tt.dung,Võ Thị Dung,dung@tantuy.example.edu.vn," + UNIT + ",Giáo viên kiêm nhiệm thư viện",
        "tt.anh,Lê Thị Ánh,anh@tantuy.example.edu.vn," + UNIT + ",Giáo viên kiêm nhiệm thư viện",
        "tt.an,Trần Văn An,an@tantuy.example.edu.vn," + UNIT + ",Giáo viên kiêm nhiệm thư viện"));
    List<String> withPrincipal = new ArrayList<>(people);
    withPrincipal.add("tt.ht,Đặng Văn Hiệu,hieu@tantuy.example.vn," + UNIT + ",Hiệu trưởng");
    importer.importAsSystem(List.of(csv("don-vi.csv", units), csv("nhan-su.csv", withPrincipal)));
    if (!campaigns.exists(YEAR)) {
      campaigns.insert(CampaignCalendar.defaultFor(YEAR), "2458/SGD&ĐT-KHTC", LocalDate.of(2046, 12, 4));
      // what the launch does: the campaign keeps the directory as it is now
      structure.record(YEAR, CampaignStructure.Route.THROUGH_INTERMEDIATE);
    }
    Date started = new Date();
    int instance = 0;
    for (String line : people.subList(SmallProvince.PEOPLE.size(), people.size())) {
      String[] f = line.split(",");
      records.open("order-test-" + instance++, YEAR, UNIT, f[0], f[1], started);
    }
  }

  @AfterAll
  void smallProvinceAgain() {
    importer.importAsSystem(SmallProvince.files());
  }

  @Test
  void rowsComeByGivenNameThenFamilyNameThenCode() {
    List<PersonRow> rows = new ArrayList<>();
    reports.forEachPerson(YEAR, access.parse(YEAR, "unit:" + UNIT), rows::add);
    assertThat(rows).extracting(PersonRow::personId).containsExactlyElementsOf(EXPECTED_CODES);
    assertThat(rows).filteredOn(p -> p.personId().startsWith("tt.lan")).extracting(PersonRow::email)
        .containsExactly("lan.a@tantuy.example.edu.vn", "lan.b@tantuy.example.edu.vn");
  }

  @Test
  void csvHasTheCodeAndEmailOfEachOfTheTwo() {
    String csv = new String(rest.withBasicAuth("r.khtc", SmallProvince.PASSWORD).getForObject("/api/reports/" + YEAR
        + "/bao-cao.csv?scope=unit:" + UNIT + "&table=people", byte[].class), StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(";|,"));
    assertThat(header).contains("Họ và tên", "Mã người", "Email");
    List<String> people = lines.stream().filter(l -> l.contains("@tantuy.example.edu.vn")).toList();
    assertThat(people).hasSize(EXPECTED_CODES.size());
    for (int i = 0; i < people.size(); i++) {
      assertThat(people.get(i)).as("line %d", i + 1).contains(EXPECTED_CODES.get(i));
    }
    assertThat(people.get(4)).contains("tt.lan.a", "lan.a@tantuy.example.edu.vn").doesNotContain("lan.b");
    assertThat(people.get(5)).contains("tt.lan.b", "lan.b@tantuy.example.edu.vn").doesNotContain("lan.a");
  }

  @Test
  void workbookHasTheCodeAndEmailColumnsCellByCell() throws Exception {
    byte[] xlsx = rest.withBasicAuth("r.khtc", SmallProvince.PASSWORD).getForObject("/api/reports/" + YEAR
        + "/bao-cao.xlsx?scope=unit:" + UNIT, byte[].class);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      DataFormatter format = new DataFormatter();
      List<List<String>> table = new ArrayList<>();
      for (Row row : workbook.getSheet("Cá nhân")) {
        List<String> cells = new ArrayList<>();
        row.forEach(cell -> {
          while (cells.size() < cell.getColumnIndex()) {
            cells.add("");
          }
          cells.add(format.formatCellValue(cell));
        });
        table.add(cells);
      }
      List<String> titles = table.stream().filter(r -> r.contains("Mã người")).findFirst().orElseThrow();
      int name = titles.indexOf("Họ và tên");
      int code = titles.indexOf("Mã người");
      int email = titles.indexOf("Email");
      List<List<String>> people = table.stream().filter(r -> r.size() > email && r.get(email).endsWith(
          "@tantuy.example.edu.vn")).toList();
      assertThat(people).extracting(r -> r.get(code)).containsExactlyElementsOf(EXPECTED_CODES);
      assertThat(people.subList(4, 6)).allSatisfy(r -> assertThat(java.text.Normalizer.normalize(r.get(name),
          java.text.Normalizer.Form.NFC)).isEqualTo("Nguyễn Thị Lan"));
      assertThat(people.subList(4, 6)).extracting(r -> r.get(email))
          .containsExactly("lan.a@tantuy.example.edu.vn", "lan.b@tantuy.example.edu.vn");
    }
  }

  @Test
  void progressPageDataCarriesCodeAndEmailInTheSameOrder() throws Exception {
    String body = rest.withBasicAuth("r.khtc", SmallProvince.PASSWORD).getForObject("/api/reports/" + YEAR
        + "/people?scope=unit:" + UNIT, String.class);
    List<JsonNode> people = new ArrayList<>();
    new ObjectMapper().readTree(body).forEach(people::add);
    assertThat(people).extracting(p -> p.get("personId").asText()).containsExactlyElementsOf(EXPECTED_CODES);
    assertThat(people).extracting(p -> p.get("email").asText()).doesNotHaveDuplicates()
        .allSatisfy(e -> assertThat(e).endsWith("@tantuy.example.edu.vn"));
  }

  private static ImportFile csv(String name, List<String> lines) {
    return new ImportFile(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

}
