package vn.thuvien.selftraining.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.thuvien.selftraining.directory.DirectoryFixtures.PEOPLE;
import static vn.thuvien.selftraining.directory.DirectoryFixtures.PEOPLE_HEADER;
import static vn.thuvien.selftraining.directory.DirectoryFixtures.UNITS;
import static vn.thuvien.selftraining.directory.DirectoryFixtures.UNITS_HEADER;
import static vn.thuvien.selftraining.directory.DirectoryFixtures.csv;
import static vn.thuvien.selftraining.directory.DirectoryFixtures.csvPair;
import static vn.thuvien.selftraining.directory.DirectoryFixtures.replace;
import static vn.thuvien.selftraining.directory.DirectoryFixtures.sheets;
import static vn.thuvien.selftraining.directory.DirectoryFixtures.with;
import static vn.thuvien.selftraining.directory.DirectoryFixtures.without;
import static vn.thuvien.selftraining.directory.DirectoryFixtures.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import vn.thuvien.selftraining.directory.Directory.OrgUnit;
import vn.thuvien.selftraining.directory.Directory.Person;
import vn.thuvien.selftraining.directory.Directory.PersonRole;
import vn.thuvien.selftraining.system.CurrentUser;
import vn.thuvien.selftraining.system.Groups;

/**
 * The import with real CSV and Excel bytes, a real database and Camunda's real IdentityService,
 * on the directory's own small Spring context ({@link DirectoryTestConfig}).
 */
@SpringJUnitConfig(DirectoryTestConfig.class)
@TestPropertySource(properties = "self-training.directory.initial-password=" + DirectoryImportServiceTest.INITIAL_PASSWORD)
class DirectoryImportServiceTest {

  static final String INITIAL_PASSWORD = "start-123";
  static final CurrentUser OFFICER = new CurrentUser("khtc.an", List.of(Groups.DEPARTMENT_OFFICERS));
  static final CurrentUser DISTRICT_A = new CurrentUser("pgd.a",
      List.of(Groups.DISTRICT_OFFICERS, Groups.districtOfficersOf("PGD-A")));

  @Autowired DirectoryImportService imports;
  @Autowired Directory directory;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void cleanSlate() {
    DirectoryFixtures.clean(jdbc, identity);
  }

  ImportResult importBase() {
    return imports.importFiles(csvPair(UNITS, PEOPLE), OFFICER);
  }

  // ---- good files

  @Test
  void csvPairFillsTheDirectory() {
    ImportResult result = importBase();

    assertThat(result).isEqualTo(new ImportResult("ALL", 6, 0, 0, 8, 0, 0));
    assertThat(result.message()).startsWith("Đã nhập danh bạ. Đơn vị: 6 thêm mới");
    assertThat(directory.isEmpty()).isFalse();
    assertThat(directory.departmentCode()).contains("SO");
    assertThat(directory.districtCodes()).containsExactly("PGD-A", "PGD-B");
    assertThat(directory.directUnitCodes()).containsExactly("THPT-X");
    assertThat(directory.schoolCodesOf("PGD-A")).containsExactly("THCS-A1");
    assertThat(directory.unit("THCS-A1")).contains(
        new OrgUnit("THCS-A1", "Trường THCS An Hòa 1", "PGD-A", UnitType.LOWER_SECONDARY, null, "PGD-A", null, true));
    assertThat(directory.unit("PGD-A")).get().extracting(OrgUnit::kindLabel).isEqualTo("Phòng GD&ĐT");
    assertThat(directory.unit("PGD-A")).get().extracting(OrgUnit::districtCode).isNull();
    assertThat(directory.unit("THPT-X")).get().extracting(OrgUnit::districtCode).isNull();
    assertThat(ids(directory.participantsOf("THCS-A1"))).containsExactly("nv.a1");
    assertThat(ids(directory.participantsOf("THPT-X"))).containsExactly("gv.b1");
    assertThat(ids(directory.principalsOf("TH-B1"))).containsExactly("ht.b1");
    assertThat(ids(directory.districtOfficersOf("PGD-B"))).containsExactly("pgd.b");
    assertThat(ids(directory.departmentOfficers())).containsExactly("khtc.an");
    assertThat(directory.districtOfficeOf("pgd.a")).contains("PGD-A");
    assertThat(directory.districtOfficeOf("nv.a1")).isEmpty();
    assertThat(directory.person("gv.b1")).get().satisfies(p -> {
      assertThat(p.fullName()).isEqualTo("Võ Văn Bé");
      assertThat(p.roles()).containsExactly(new PersonRole("TH-B1", Role.TEACHER_LIBRARIAN),
          new PersonRole("THPT-X", Role.TEACHER_LIBRARIAN));
    });
    assertThat(directory.participantRoleLabel(directory.person("nv.a1").orElseThrow(), "THCS-A1"))
        .isEqualTo("Nhân viên thư viện");
    assertThat(directory.personName("nobody")).isEqualTo("nobody");
    assertThat(imports.recentImports(OFFICER)).singleElement().satisfies(entry -> {
      assertThat(entry.status()).isEqualTo(ImportLogEntry.SUCCEEDED);
      assertThat(entry.importedBy()).isEqualTo("khtc.an");
      assertThat(entry.fileNames()).isEqualTo("don-vi.csv, nhan-su.csv");
      assertThat(entry.scopeName()).isEqualTo("Toàn bộ danh bạ");
      assertThat(entry.peopleCreated()).isEqualTo(8);
    });
  }

  @Test
  void workbookWithTwoSheetsGivesTheSameDirectoryAsTheCsvPair() {
    ImportResult fromWorkbook = imports.importFiles(List.of(workbook("danh-ba.xlsx", sheets(UNITS, PEOPLE))), OFFICER);
    assertThat(fromWorkbook).isEqualTo(new ImportResult("ALL", 6, 0, 0, 8, 0, 0));

    assertThat(importBase().unchanged()).as("CSV pair after the workbook").isTrue();
  }

  @Test
  void workbookWithOnlyThePeopleSheetUpdatesPeopleAndKeepsUnits() {
    importBase();
    List<String> people = replace(PEOPLE, 5, "nv.a1,Nguyễn Thị Lan Anh,lan.anh@example.edu.vn,THCS-A1,Nhân viên thư viện");

    ImportResult result = imports.importFiles(List.of(workbook("nhan-su.xlsx", Map.of("Nhân sự", people))), OFFICER);

    assertThat(result).isEqualTo(new ImportResult("ALL", 0, 0, 0, 0, 1, 0));
    assertThat(directory.person("nv.a1").orElseThrow().email()).isEqualTo("lan.anh@example.edu.vn");
    assertThat(identity.createUserQuery().userId("nv.a1").singleResult().getEmail()).isEqualTo("lan.anh@example.edu.vn");
  }

  @Test
  void numericCodeCellsAreReadWithoutDecimals() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet units = workbook.createSheet("Đơn vị");
      row(units, 0, "Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên", "Loại đơn vị");
      row(units, 1, "SO", "Sở Giáo dục và Đào tạo Thử nghiệm", "", "Sở GD&ĐT");
      Row school = units.createRow(2);
      school.createCell(0).setCellValue(30512);
      school.createCell(1).setCellValue("Trường Mầm non 30512");
      school.createCell(2).setCellValue("SO");
      school.createCell(3).setCellValue("Mầm non");
      Sheet people = workbook.createSheet("Nhân sự");
      row(people, 0, "Mã người", "Họ và tên", "Email", "Mã đơn vị", "Vai trò");
      Row principal = people.createRow(1);
      principal.createCell(0).setCellValue("ht.30512");
      principal.createCell(1).setCellValue("Trần Thị Mai");
      principal.createCell(2).setCellValue("ht.30512@example.edu.vn");
      principal.createCell(3).setCellValue(30512);
      principal.createCell(4).setCellValue("Hiệu trưởng");
      workbook.write(out);
    }

    imports.importFiles(List.of(new ImportFile("so.xlsx", out.toByteArray())), OFFICER);

    assertThat(directory.unit("30512")).get().extracting(OrgUnit::name).isEqualTo("Trường Mầm non 30512");
    assertThat(ids(directory.principalsOf("30512"))).containsExactly("ht.30512");
  }

  @Test
  void semicolonSeparatedCsvWithByteOrderMarkIsRead() {
    List<String> units = UNITS.stream().map(l -> l.replace(',', ';')).toList();
    byte[] text = ("\uFEFF" + String.join("\r\n", units) + "\r\n").getBytes(StandardCharsets.UTF_8);

    ImportResult result = imports.importFiles(List.of(new ImportFile("don-vi.csv", text),
        csv("nhan-su.csv", PEOPLE)), OFFICER);

    assertThat(result.unitsCreated()).isEqualTo(6);
    assertThat(directory.unit("SO")).get().extracting(OrgUnit::name).isEqualTo("Sở Giáo dục và Đào tạo Thử nghiệm");
  }

  @Test
  void headersMatchWhateverTheCaseAndFilesAreRecognisedByTheirHeaderNotTheirName() {
    List<String> people = replace(PEOPLE, 1, "MÃ NGƯỜI, họ và tên ,EMAIL,Mã Đơn Vị,vai trò,Ghi chú");

    ImportResult result = imports.importFiles(List.of(csv("b.csv", people), csv("a.csv", UNITS)), OFFICER);

    assertThat(result.peopleCreated()).isEqualTo(8);
  }

  // ---- bad files: every error named, nothing changed

  static Stream<Arguments> badFiles() {
    return Stream.of(
        bad("unknown parent", replace(UNITS, 5, "THCS-A1,Trường THCS An Hòa 1,PGD-Z,THCS"), PEOPLE,
            "don-vi.csv", 5, "Mã đơn vị cấp trên", "không có đơn vị \"PGD-Z\""),
        bad("duplicate unit code", with(UNITS, "THCS-A1,Trường THCS trùng mã,PGD-A,THCS"), PEOPLE,
            "don-vi.csv", 8, "Mã đơn vị", "mã đơn vị \"THCS-A1\" đã có ở dòng 5"),
        bad("cycle of parents", with(UNITS, "K-1,Đơn vị khác 1,K-2,Khác", "K-2,Đơn vị khác 2,K-1,Khác"), PEOPLE,
            "don-vi.csv", 8, "Mã đơn vị cấp trên", "vòng lặp: K-1 → K-2 → K-1"),
        bad("bad email", UNITS, replace(PEOPLE, 5, "nv.a1,Nguyễn Thị Lan Anh,lan@@x,THCS-A1,Nhân viên thư viện"),
            "nhan-su.csv", 5, "Email", "địa chỉ email \"lan@@x\" không hợp lệ."),
        bad("email of another person", UNITS, replace(PEOPLE, 6, "ht.a1,Trần Văn Hải,NV.A1@example.edu.vn,THCS-A1,Hiệu trưởng"),
            "nhan-su.csv", 6, "Email", "email \"nv.a1@example.edu.vn\" đã dùng cho người khác: \"nv.a1\""),
        bad("participants without principal", UNITS, without(PEOPLE, 9),
            "nhan-su.csv", 7, "Mã đơn vị", "đơn vị \"TH-B1\" (Trường Tiểu học Bình Minh 1) có nhân viên hoặc giáo viên "
                + "kiêm nhiệm thư viện nhưng không có Hiệu trưởng"),
        bad("unknown role", UNITS, replace(PEOPLE, 5, "nv.a1,Nguyễn Thị Lan Anh,nv.a1@example.edu.vn,THCS-A1,Thủ thư"),
            "nhan-su.csv", 5, "Vai trò", "vai trò \"Thủ thư\" không có; dùng một trong: Nhân viên thư viện,"),
        bad("unknown level", replace(UNITS, 6, "TH-B1,Trường Tiểu học Bình Minh 1,PGD-B,Trung học"), PEOPLE,
            "don-vi.csv", 6, "Loại đơn vị", "loại đơn vị \"Trung học\" không có; dùng một trong: Sở GD&ĐT,"),
        bad("missing column", UNITS, PEOPLE.stream().map(l -> l.replaceFirst(",[^,]*@example\\.edu\\.vn|,Email", "")).toList(),
            "nhan-su.csv", 1, "Email", "thiếu cột \"Email\" ở dòng tiêu đề của bảng nhân sự"),
        bad("unknown unit of a person", UNITS, replace(PEOPLE, 5, "nv.a1,Nguyễn Thị Lan Anh,nv.a1@example.edu.vn,THCS-ZZ,Nhân viên thư viện"),
            "nhan-su.csv", 5, "Mã đơn vị", "không có đơn vị \"THCS-ZZ\""),
        bad("principal at a Phòng", UNITS, replace(PEOPLE, 6, "ht.a1,Trần Văn Hải,ht.a1@example.edu.vn,PGD-A,Hiệu trưởng"),
            "nhan-su.csv", 6, "Vai trò", "vai trò \"Hiệu trưởng\" chỉ dành cho người ở trường"),
        bad("district officer at a school", UNITS, replace(PEOPLE, 3, "pgd.a,Trần Văn Phòng,pgd.a@example.edu.vn,THCS-A1,Chuyên viên Phòng GD&ĐT"),
            "nhan-su.csv", 3, "Vai trò", "phải ở một đơn vị cấp trung gian (UBND xã, UBND phường, UBND đặc khu, Phòng GD&ĐT hoặc "
                + "\"Cấp trung gian: <tên loại>\"), nhưng \"THCS-A1\" là THCS"),
        bad("department officer at a Phòng", UNITS, replace(PEOPLE, 2, "khtc.an,Phạm Thị An,khtc.an@example.edu.vn,PGD-A,Chuyên viên Phòng KHTC"),
            "nhan-su.csv", 2, "Vai trò", "phải ở Sở GD&ĐT"),
        bad("school under a school", replace(UNITS, 6, "TH-B1,Trường Tiểu học Bình Minh 1,THCS-A1,Tiểu học"), PEOPLE,
            "don-vi.csv", 6, "Mã đơn vị cấp trên", "phải trực thuộc Sở GD&ĐT hoặc một đơn vị cấp trung gian (UBND xã/phường/đặc khu, Phòng GD&ĐT…), "
                + "nhưng đơn vị cấp trên \"THCS-A1\" là THCS"),
        bad("Phòng under a Phòng", replace(UNITS, 4, "PGD-B,Phòng GD&ĐT Bình Minh,PGD-A,Phòng GD&ĐT"), PEOPLE,
            "don-vi.csv", 4, "Mã đơn vị cấp trên", "Phòng GD&ĐT phải trực thuộc Sở GD&ĐT"),
        bad("second Sở", with(UNITS, "SO-2,Sở thứ hai,,Sở GD&ĐT"), PEOPLE,
            "don-vi.csv", 8, "Loại đơn vị", "chỉ có một Sở GD&ĐT"),
        bad("Sở with a parent", replace(UNITS, 2, "SO,Sở Giáo dục và Đào tạo Thử nghiệm,PGD-A,Sở GD&ĐT"), PEOPLE,
            "don-vi.csv", 2, "Mã đơn vị cấp trên", "Sở GD&ĐT là cấp cao nhất"),
        bad("missing value", replace(UNITS, 5, "THCS-A1,,PGD-A,THCS"), PEOPLE,
            "don-vi.csv", 5, "Tên đơn vị", "bắt buộc phải có giá trị"),
        bad("code with a space", UNITS, replace(PEOPLE, 5, "nv a1,Nguyễn Thị Lan Anh,nv.a1@example.edu.vn,THCS-A1,Nhân viên thư viện"),
            "nhan-su.csv", 5, "Mã người", "mã \"nv a1\" không hợp lệ"),
        bad("same person, another name", UNITS, replace(PEOPLE, 8, "gv.b1,Võ Văn Bê,gv.b1@example.edu.vn,THPT-X,Giáo viên kiêm nhiệm thư viện"),
            "nhan-su.csv", 8, "Họ và tên", "người \"gv.b1\" đã có ở dòng 7 với họ tên \"Võ Văn Bé\""),
        bad("duplicate person and role", UNITS, with(PEOPLE, PEOPLE.get(4)),
            "nhan-su.csv", 11, "Vai trò", "dòng này trùng với dòng 5"));
  }

  private static Arguments bad(String name, List<String> units, List<String> people, String file, int line,
      String column, String message) {
    return Arguments.of(name, units, people, file, line, column, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void badFileIsRejectedWithFileLineAndColumnAndChangesNothing(String name, List<String> units, List<String> people,
      String file, int line, String column, String message) {
    importBase();
    List<Object> before = snapshot();

    DirectoryImportException rejected = catchThrowableOfType(DirectoryImportException.class,
        () -> imports.importFiles(csvPair(units, people), OFFICER));

    assertThat(rejected).as(name).isNotNull();
    assertThat(rejected.getErrors()).as(name)
        .anySatisfy(error -> {
          assertThat(error.file()).isEqualTo(file);
          assertThat(error.line()).isEqualTo(line);
          assertThat(error.column()).isEqualTo(column);
          assertThat(error.message()).contains(message);
        });
    assertThat(rejected.getMessage()).contains(file + ", dòng " + line + ", cột \"" + column + "\": ");
    assertThat(snapshot()).as("directory and Camunda identities unchanged").isEqualTo(before);
    assertThat(imports.recentImports(OFFICER).get(0)).satisfies(entry -> {
      assertThat(entry.status()).isEqualTo(ImportLogEntry.REJECTED);
      assertThat(entry.errors()).hasSize(rejected.getErrors().size());
    });
  }

  @Test
  void everyErrorIsReportedAtOnceInFileAndLineOrder() {
    List<String> people = replace(replace(PEOPLE, 5, "nv.a1,Nguyễn Thị Lan Anh,lan@@x,THCS-A1,Thủ thư"),
        3, "pgd.a,,pgd.a@example.edu.vn,PGD-A,Chuyên viên Phòng GD&ĐT");

    assertThatThrownBy(() -> imports.importFiles(csvPair(UNITS, people), OFFICER))
        .isInstanceOf(DirectoryImportException.class)
        .hasMessage("Danh bạ không được nhập vì tệp có 3 lỗi; danh bạ giữ nguyên như trước.\n"
            + "nhan-su.csv, dòng 3, cột \"Họ và tên\": ô này để trống nhưng bắt buộc phải có giá trị.\n"
            + "nhan-su.csv, dòng 5, cột \"Email\": địa chỉ email \"lan@@x\" không hợp lệ.\n"
            + "nhan-su.csv, dòng 5, cột \"Vai trò\": vai trò \"Thủ thư\" không có; dùng một trong: "
            + "Nhân viên thư viện, Giáo viên kiêm nhiệm thư viện, Hiệu trưởng, Cán bộ phụ trách giáo dục, "
            + "Chuyên viên Phòng KHTC.");
    assertThat(directory.isEmpty()).isTrue();
    assertThat(identity.createUserQuery().count()).isZero();
  }

  @Test
  void workbookErrorsNameTheSheetAndTheExcelRow() {
    List<String> people = replace(PEOPLE, 4, "pgd.b,Lê Thị Bình,pgd.b@example.edu.vn,PGD-B,Trưởng phòng");

    DirectoryImportException rejected = catchThrowableOfType(DirectoryImportException.class,
        () -> imports.importFiles(List.of(workbook("danh-ba.xlsx", sheets(UNITS, people))), OFFICER));

    assertThat(rejected.getErrors()).extracting(ImportError::describe).containsExactly(
        "danh-ba.xlsx (trang \"Nhân sự\"), dòng 4, cột \"Vai trò\": vai trò \"Trưởng phòng\" không có; dùng một "
            + "trong: " + Role.labels() + ".");
  }

  @Test
  void unrecognisedAndBrokenFilesAreNamed() {
    DirectoryImportException rejected = catchThrowableOfType(DirectoryImportException.class,
        () -> imports.importFiles(List.of(csv("ghi-chu.csv", List.of("Ghi chú,Ngày", "a,b")),
            new ImportFile("cu.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2}),
            new ImportFile("latin1.csv", "Mã đơn vị,Tên đơn vị\nA,Tr\u01b0\u1eddng".getBytes(StandardCharsets.UTF_16LE)),
            csv("ngoac-kep.csv", List.of(UNITS_HEADER, "SO,\"Sở Giáo dục,,Sở GD&ĐT")),
            csv("trong.csv", List.of(PEOPLE_HEADER))),
            OFFICER));

    assertThat(rejected.getErrors()).extracting(ImportError::file)
        .containsExactly("ghi-chu.csv", "cu.xls", "latin1.csv", "ngoac-kep.csv", "trong.csv");
    assertThat(rejected.getErrors().get(0).message()).startsWith("không nhận ra bảng");
    assertThat(rejected.getErrors().get(1).message()).contains(".xls");
    assertThat(rejected.getErrors().get(2).message()).contains("UTF-8");
    assertThat(rejected.getErrors().get(3).message()).contains("dấu ngoặc kép");
    assertThat(rejected.getErrors().get(4).message()).contains("không có dòng dữ liệu nào");
  }

  @Test
  void unitsFileAloneMayNotDropAUnitWherePeopleStillWork() {
    importBase();

    DirectoryImportException rejected = catchThrowableOfType(DirectoryImportException.class,
        () -> imports.importFiles(List.of(csv("don-vi.csv", without(UNITS, 5))), OFFICER));

    assertThat(rejected.getErrors()).singleElement().satisfies(error -> {
      assertThat(error.file()).isEqualTo("don-vi.csv");
      assertThat(error.message()).contains("\"THCS-A1\"", "Nguyễn Thị Lan Anh (nv.a1)", "Trần Văn Hải (ht.a1)");
    });
  }

  // ---- idempotence, deactivation, normalisation

  @Test
  void reimportingTheSameFilesChangesNothing() {
    importBase();
    List<Object> before = snapshot();

    ImportResult again = importBase();

    assertThat(again).isEqualTo(new ImportResult("ALL", 0, 0, 0, 0, 0, 0));
    assertThat(again.message()).contains("không có gì thay đổi");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void removedPersonIsDeactivatedWithHistoryKeptAndComesBackWhenListedAgain() {
    importBase();
    engine.getRepositoryService().createDeployment().addModelInstance("library-task.bpmn",
        Bpmn.createExecutableProcess("libraryTask").camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_Catalogue").name("Phân loại sách").camundaAssignee("nv.a1").endEvent().done()).deploy();
    engine.getRuntimeService().startProcessInstanceByKey("libraryTask");

    ImportResult removed = imports.importFiles(csvPair(UNITS, without(PEOPLE, 5)), OFFICER);

    assertThat(removed).isEqualTo(new ImportResult("ALL", 0, 0, 0, 0, 0, 1));
    assertThat(directory.person("nv.a1")).get().satisfies(p -> {
      assertThat(p.active()).isFalse();
      assertThat(p.roles()).containsExactly(new PersonRole("THCS-A1", Role.LIBRARIAN));
    });
    assertThat(directory.personName("nv.a1")).isEqualTo("Nguyễn Thị Lan Anh");
    assertThat(directory.participantsOf("THCS-A1")).isEmpty();
    assertThat(identity.createUserQuery().userId("nv.a1").count()).as("Camunda user").isZero();
    HistoryService history = engine.getHistoryService();
    assertThat(history.createHistoricTaskInstanceQuery().taskAssignee("nv.a1").count()).as("history").isEqualTo(1);

    ImportResult back = importBase();

    assertThat(back).isEqualTo(new ImportResult("ALL", 0, 0, 0, 0, 1, 0));
    assertThat(directory.person("nv.a1")).get().extracting(Person::active).isEqualTo(true);
    assertThat(identity.checkPassword("nv.a1", INITIAL_PASSWORD)).isTrue();
    assertThat(groupsOf("nv.a1")).containsExactly(Groups.PARTICIPANTS);
  }

  @Test
  void removedUnitIsDeactivatedAndReactivated() {
    importBase();
    List<String> people = PEOPLE.stream().filter(l -> !l.contains("THCS-A1")).toList();

    ImportResult removed = imports.importFiles(csvPair(without(UNITS, 5), people), OFFICER);

    assertThat(removed).isEqualTo(new ImportResult("ALL", 0, 0, 1, 0, 0, 2));
    assertThat(directory.unit("THCS-A1")).get().extracting(OrgUnit::active).isEqualTo(false);
    assertThat(directory.schoolCodesOf("PGD-A")).isEmpty();

    assertThat(importBase()).isEqualTo(new ImportResult("ALL", 0, 1, 0, 0, 2, 0));
    assertThat(directory.schoolCodesOf("PGD-A")).containsExactly("THCS-A1");
  }

  @Test
  void decomposedVietnameseIsStoredComposed() {
    String decomposed = Normalizer.normalize("Nguyễn Thị Lan Anh", Normalizer.Form.NFD);
    assertThat(decomposed).isNotEqualTo("Nguyễn Thị Lan Anh");
    List<String> people = replace(PEOPLE, 5, "nv.a1,  " + decomposed + " ,nv.a1@example.edu.vn,THCS-A1,"
        + Normalizer.normalize("nhân viên thư viện", Normalizer.Form.NFD));

    imports.importFiles(csvPair(UNITS, people), OFFICER);

    String stored = directory.personName("nv.a1");
    assertThat(stored).isEqualTo("Nguyễn Thị Lan Anh");
    assertThat(Normalizer.isNormalized(stored, Normalizer.Form.NFC)).isTrue();
    assertThat(identity.createUserQuery().userId("nv.a1").singleResult().getFirstName()).isEqualTo("Nguyễn Thị Lan");
    assertThat(importBase().unchanged()).as("composed file afterwards").isTrue();
  }

  // ---- who may import what

  @Test
  void peopleWithoutAnImportRoleAreRefused() {
    importBase();
    CurrentUser librarian = new CurrentUser("nv.a1", List.of(Groups.PARTICIPANTS));

    assertThatThrownBy(() -> imports.importFiles(csvPair(UNITS, PEOPLE), librarian))
        .isInstanceOf(DirectoryAccessDeniedException.class)
        .hasMessageContaining("không có quyền nhập danh bạ");
    assertThatThrownBy(() -> imports.recentImports(librarian)).isInstanceOf(DirectoryAccessDeniedException.class);
    assertThat(imports.recentImports(OFFICER)).hasSize(1);
  }

  @Test
  void districtOfficerIsRefusedOutsideTheirPhong() {
    importBase();
    List<Object> before = snapshot();
    List<String> units = List.of(UNITS_HEADER, "TH-B2,Trường Tiểu học Bình Minh 2,PGD-B,Tiểu học");
    List<String> people = List.of(PEOPLE_HEADER, "ht.b1,Đỗ Thị Hoa,ht.b1@example.edu.vn,TH-B1,Hiệu trưởng");

    DirectoryImportException rejected = catchThrowableOfType(DirectoryImportException.class,
        () -> imports.importFiles(csvPair(units, people), DISTRICT_A));

    assertThat(rejected.getErrors()).extracting(ImportError::describe).contains(
        "don-vi.csv, dòng 2, cột \"Mã đơn vị cấp trên\": đơn vị \"TH-B2\" ngoài phạm vi Phòng GD&ĐT An Hòa: "
            + "mỗi đơn vị cấp trung gian chỉ nhập được các đơn vị trực thuộc mình.",
        "nhan-su.csv, dòng 2, cột \"Mã đơn vị\": đơn vị \"TH-B1\" ngoài phạm vi Phòng GD&ĐT An Hòa.");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(imports.recentImports(DISTRICT_A)).singleElement()
        .satisfies(entry -> assertThat(entry.scope()).isEqualTo("PGD-A"));
  }

  @Test
  void districtOfficerMaintainsTheirOwnSchoolsAndNothingElse() {
    importBase();
    // as ApiAuthenticationFilter leaves it: the engine works as the officer, who may not create users
    identity.setAuthentication(DISTRICT_A.userId(), DISTRICT_A.groupIds());
    List<String> units = List.of(UNITS_HEADER,
        "THCS-A2,Trường THCS An Hòa 2,PGD-A,THCS");
    List<String> people = List.of(PEOPLE_HEADER,
        "nv.a2,Phan Thị Thu,nv.a2@example.edu.vn,THCS-A2,Nhân viên thư viện",
        "ht.a2,Huỳnh Văn Tâm,ht.a2@example.edu.vn,THCS-A2,Hiệu trưởng");

    ImportResult result;
    try {
      assertThat(imports.scopeOf(DISTRICT_A)).isEqualTo(ImportScope.district("PGD-A", "Phòng GD&ĐT An Hòa"));
      result = imports.importFiles(csvPair(units, people), DISTRICT_A);
      assertThat(identity.getCurrentAuthentication().getUserId()).as("caller's authentication restored")
          .isEqualTo("pgd.a");
    } finally {
      identity.clearAuthentication();
    }

    assertThat(result).isEqualTo(new ImportResult("PGD-A", 1, 0, 1, 2, 0, 2));
    assertThat(directory.schoolCodesOf("PGD-A")).containsExactly("THCS-A2");
    assertThat(directory.person("nv.a1")).get().extracting(Person::active).isEqualTo(false);
    assertThat(directory.schoolCodesOf("PGD-B")).as("other Phòng untouched").containsExactly("TH-B1");
    assertThat(directory.directUnitCodes()).containsExactly("THPT-X");
    assertThat(ids(directory.principalsOf("TH-B1"))).containsExactly("ht.b1");
    assertThat(groupsOf("ht.a2")).containsExactlyInAnyOrder(Groups.PRINCIPALS, Groups.principalsOf("THCS-A2"));
    assertThat(imports.recentImports(DISTRICT_A)).extracting(ImportLogEntry::scope).containsExactly("PGD-A");
    assertThat(imports.recentImports(OFFICER)).hasSize(2);
  }

  @Test
  void districtImportKeepsTheRolesAPersonHoldsOutsideTheDistrict() {
    importBase();
    CurrentUser districtB = new CurrentUser("pgd.b", List.of(Groups.DISTRICT_OFFICERS));
    List<String> people = List.of(PEOPLE_HEADER,
        "nv.b1,Trịnh Thị Ngọc,nv.b1@example.edu.vn,TH-B1,Nhân viên thư viện",
        "ht.b1,Đỗ Thị Hoa,ht.b1@example.edu.vn,TH-B1,Hiệu trưởng");

    ImportResult result = imports.importFiles(List.of(csv("nhan-su.csv", people)), districtB);

    assertThat(result).isEqualTo(new ImportResult("PGD-B", 0, 0, 0, 1, 1, 0));
    assertThat(directory.person("gv.b1")).get().satisfies(p -> {
      assertThat(p.active()).isTrue();
      assertThat(p.roles()).containsExactly(new PersonRole("THPT-X", Role.TEACHER_LIBRARIAN));
    });
    assertThat(ids(directory.participantsOf("TH-B1"))).containsExactly("nv.b1");
  }

  @Test
  void systemImportsEverything() {
    ImportResult result = imports.importAsSystem(csvPair(UNITS, PEOPLE));

    assertThat(result.scope()).isEqualTo("ALL");
    assertThat(imports.recentImports(OFFICER)).singleElement()
        .satisfies(entry -> assertThat(entry.importedBy()).isEqualTo(DirectoryImportService.SYSTEM_USER));
  }

  // ---- helpers

  List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  private static List<String> ids(List<Person> people) {
    return people.stream().map(Person::id).toList();
  }

  /** Everything an import may change: the directory and Camunda's users, groups and memberships. */
  private List<Object> snapshot() {
    List<String> users = identity.createUserQuery().orderByUserId().asc().list().stream()
        .map(u -> u.getId() + "|" + u.getFirstName() + "|" + u.getLastName() + "|" + u.getEmail() + "|"
            + groupsOf(u.getId()).stream().sorted().toList())
        .toList();
    List<String> groups = identity.createGroupQuery().orderByGroupId().asc().list().stream()
        .map(g -> g.getId() + "|" + g.getName()).toList();
    return List.of(directory.allUnits(), directory.allPeople(), users, groups);
  }

  private static void row(Sheet sheet, int index, String... values) {
    Row row = sheet.createRow(index);
    for (int i = 0; i < values.length; i++) {
      row.createCell(i).setCellValue(values[i]);
    }
  }
}
