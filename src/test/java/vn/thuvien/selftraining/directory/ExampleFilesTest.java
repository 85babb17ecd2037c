package vn.thuvien.selftraining.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import vn.thuvien.selftraining.directory.Directory.OrgUnit;
import vn.thuvien.selftraining.directory.Directory.Person;
import vn.thuvien.selftraining.directory.Directory.PersonRole;
import vn.thuvien.selftraining.system.Groups;

/**
 * The files people start from, imported through the real import: the examples of
 * {@code examples/directory/} (and their copies on the import page), the demo directory of 2026
 * (Sở GD&ĐT Vĩnh Long, communes) that the demo profile loads, and the letter's three-level
 * directory of 2017 kept in {@code examples/ben-tre-2017/}.
 */
@SpringJUnitConfig(DirectoryTestConfig.class)
@TestPropertySource(properties = "self-training.directory.initial-password=" + DirectoryImportServiceTest.INITIAL_PASSWORD)
class ExampleFilesTest {

  @Autowired DirectoryImportService imports;
  @Autowired Directory directory;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void cleanSlate() {
    DirectoryFixtures.clean(jdbc, identity);
  }

  @Test
  void exampleCsvFilesImportAndTheWorkbookHoldsTheSame() throws IOException {
    ImportResult fromCsv = imports.importAsSystem(List.of(example("don-vi.csv"), example("nhan-su.csv")));
    assertThat(fromCsv).isEqualTo(new ImportResult("ALL", 7, 0, 0, 12, 0, 0));

    assertThat(imports.importAsSystem(List.of(example("danh-ba.xlsx"))).unchanged()).isTrue();
    assertThat(directory.person("gv.hanh")).get().extracting(Person::roles).asList().hasSize(2);
    // the shape of 2026: a phường and a xã between the Sở and its schools, the Sở's superior body
    assertThat(directory.department()).get().extracting(OrgUnit::superiorBody).isEqualTo("UBND tỉnh Vĩnh Long");
    assertThat(directory.districtOffices()).extracting(OrgUnit::kindLabel).containsExactly("UBND phường", "UBND xã");
    assertThat(ids(directory.districtOfficersOf("UBND-XCAUNGANG"))).containsExactly("cb.caungang");
  }

  @Test
  void importPageOffersTheSameExampleFiles() throws IOException {
    for (String file : ExampleWorkbook.FILES) {
      assertThat(Files.readAllBytes(ExampleWorkbook.DOWNLOADS.resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(ExampleWorkbook.EXAMPLES.resolve(file)));
    }
  }

  @Test
  void demoDirectoryOfVinhLong2026ImportsWithTheDocumentedAccounts() throws IOException {
    ImportResult result = imports.importAsSystem(ExampleDirectories.demo());

    // the Sở, 5 communes (3 phường, 2 xã) with 20 schools, 8 units directly under the Sở
    assertThat(result.unitsCreated()).isEqualTo(34);
    assertThat(directory.department()).get().extracting(OrgUnit::code, OrgUnit::name, OrgUnit::superiorBody)
        .containsExactly("SGDDT-VL", "Sở Giáo dục và Đào tạo Vĩnh Long", "UBND tỉnh Vĩnh Long");
    assertThat(directory.districtOffices()).extracting(OrgUnit::code, OrgUnit::kindLabel).containsExactly(
        tuple("UBND-PANHOI", "UBND phường"), tuple("UBND-PLONGCHAU", "UBND phường"),
        tuple("UBND-PPHUOCHAU", "UBND phường"), tuple("UBND-XCAUNGANG", "UBND xã"), tuple("UBND-XLONGHO", "UBND xã"));
    assertThat(directory.intermediateLevelName()).isEqualTo("UBND xã/phường");
    assertThat(directory.allUnits()).filteredOn(unit -> unit.type() != UnitType.DEPARTMENT)
        .allSatisfy(unit -> assertThat(unit.superiorBody()).as(unit.code()).isNull());
    assertThat(directory.unit("THCS-PHUHUNG")).get().satisfies(unit -> {
      assertThat(unit.name()).isEqualTo("Trường THCS Phú Hưng");
      assertThat(unit.parentCode()).isEqualTo("UBND-PANHOI");
      assertThat(unit.districtCode()).isEqualTo("UBND-PANHOI");
    });
    for (String communeCode : directory.districtCodes()) {
      List<UnitType> types = directory.schoolsOf(communeCode).stream().map(OrgUnit::type).toList();
      assertThat(types).as(communeCode).hasSize(4)
          .contains(UnitType.PRESCHOOL, UnitType.PRIMARY, UnitType.LOWER_SECONDARY)
          .doesNotContain(UnitType.UPPER_SECONDARY, UnitType.CONTINUING_EDUCATION);
      assertThat(directory.districtOfficersOf(communeCode)).as(communeCode).singleElement()
          .satisfies(officer -> assertThat(officer.hasRole(Role.DISTRICT_OFFICER, communeCode)).isTrue());
    }
    assertThat(directory.directUnits()).hasSize(8).extracting(OrgUnit::type)
        .containsOnly(UnitType.UPPER_SECONDARY, UnitType.CONTINUING_EDUCATION);
    assertThat(directory.directUnitCodes()).contains("THPT-CHUYENBT", "GDTX-VINHLONG");

    // the accounts the README, the guides and the tests use
    assertThat(ids(directory.participantsOf("THCS-PHUHUNG"))).containsExactly("gv.minh", "nv.lan");
    assertThat(ids(directory.principalsOf("THCS-PHUHUNG"))).containsExactly("ht.binh");
    assertThat(ids(directory.districtOfficersOf("UBND-PANHOI"))).containsExactly("cb.anhoi");
    assertThat(ids(directory.districtOfficersOf("UBND-PLONGCHAU"))).containsExactly("cb.longchau");
    assertThat(ids(directory.departmentOfficers())).containsExactly("khtc.hoa", "khtc.tuan");
    assertThat(ids(directory.participantsOf("THPT-CHUYENBT"))).contains("nv.thpt.chuyen");
    assertThat(ids(directory.principalsOf("THPT-CHUYENBT"))).containsExactly("ht.thpt.chuyen");
    assertThat(directory.person("nv.lan")).get().satisfies(p -> {
      assertThat(p.fullName()).isEqualTo("Nguyễn Thị Lan");
      assertThat(p.roles()).containsExactly(new PersonRole("THCS-PHUHUNG", Role.LIBRARIAN));
    });
    assertThat(directory.person("gv.hanh")).get().extracting(Person::roles).asList().containsExactlyInAnyOrder(
        new PersonRole("THCS-MYLONG", Role.LIBRARIAN), new PersonRole("TH-THUANHOA", Role.TEACHER_LIBRARIAN));
    assertThat(directory.personName("gv.minh")).isEqualTo("Lê Văn Minh");
    assertThat(directory.personName("ht.binh")).isEqualTo("Trần Văn Bình");
    assertThat(directory.personName("cb.anhoi")).isEqualTo("Huỳnh Thị Thu Trang");
    assertThat(directory.personName("khtc.hoa")).isEqualTo("Phạm Thị Hoa");

    assertThat(participants()).isEqualTo(50);
    assertThat(identity.checkPassword("nv.lan", DirectoryImportServiceTest.INITIAL_PASSWORD)).isTrue();
    assertThat(identity.createGroupQuery().groupMember("ht.binh").list()).extracting(Group::getId)
        .containsExactlyInAnyOrder(Groups.PRINCIPALS, "principal-THCS-PHUHUNG");
    assertThat(identity.createGroupQuery().groupMember("cb.anhoi").list()).extracting(Group::getId)
        .containsExactlyInAnyOrder(Groups.DISTRICT_OFFICERS, Groups.districtOfficersOf("UBND-PANHOI"));
  }

  @Test
  void letterOf2017ExampleImportsWithItsNinePhongGdDt() throws IOException {
    ImportResult result = imports.importAsSystem(ExampleDirectories.benTre2017());

    // the Sở, 9 Phòng GD&ĐT with 23 schools, 5 units directly under the Sở
    assertThat(result).isEqualTo(new ImportResult("ALL", 38, 0, 0, 84, 0, 0));
    assertThat(directory.department()).get().extracting(OrgUnit::code, OrgUnit::name, OrgUnit::superiorBody)
        .containsExactly("SGDDT-BT", "Sở Giáo dục và Đào tạo Bến Tre", "UBND tỉnh Bến Tre");
    assertThat(directory.districtOffices()).hasSize(9).extracting(OrgUnit::kindLabel).containsOnly("Phòng GD&ĐT");
    assertThat(directory.intermediateLevelName()).isEqualTo("Phòng GD&ĐT");
    for (String districtCode : directory.districtCodes()) {
      assertThat(directory.schoolCodesOf(districtCode)).as(districtCode).hasSizeBetween(2, 3);
      assertThat(directory.districtOfficersOf(districtCode)).as(districtCode).hasSize(1);
    }
    assertThat(directory.unit("THCS-PHUHUNG")).get().extracting(OrgUnit::districtCode).isEqualTo("PGD-TPBENTRE");
    assertThat(directory.directUnitCodes()).hasSize(5).contains("THPT-CHUYENBT", "GDTX-BENTRE");
    // "Chuyên viên Phòng GD&ĐT", as the letter's time called the officer, is the intermediate unit's officer role
    assertThat(ids(directory.districtOfficersOf("PGD-TPBENTRE"))).containsExactly("pgd.tpbentre");
    assertThat(ids(directory.participantsOf("THCS-PHUHUNG"))).containsExactly("gv.minh", "nv.lan");
    assertThat(ids(directory.departmentOfficers())).containsExactly("khtc.hoa", "khtc.tuan");
    assertThat(participants()).isEqualTo(45);
  }

  @Test
  void demoAndTheLetterOf2017ReplaceEachOtherByImport() throws IOException {
    imports.importAsSystem(ExampleDirectories.demo());

    // the example imported into the demo: the communes and the Sở of 2026 stop, the Phòng GD&ĐT start
    ImportResult toBenTre = imports.importAsSystem(ExampleDirectories.benTre2017());
    assertThat(directory.department()).get().extracting(OrgUnit::code).isEqualTo("SGDDT-BT");
    assertThat(directory.districtCodes()).hasSize(9).allMatch(code -> code.startsWith("PGD-"));
    assertThat(directory.unit("UBND-PANHOI")).get().extracting(OrgUnit::active).isEqualTo(false);
    assertThat(directory.person("cb.anhoi")).get().extracting(Person::active).isEqualTo(false);
    assertThat(toBenTre.unitsDeactivated()).isPositive();

    // and back: the demo's own files restore it
    imports.importAsSystem(ExampleDirectories.demo());
    assertThat(directory.department()).get().extracting(OrgUnit::code).isEqualTo("SGDDT-VL");
    assertThat(directory.unit("THCS-PHUHUNG")).get().extracting(OrgUnit::districtCode).isEqualTo("UBND-PANHOI");
    assertThat(directory.unit("PGD-TPBENTRE")).get().extracting(OrgUnit::active).isEqualTo(false);
    assertThat(directory.intermediateLevelName()).isEqualTo("UBND xã/phường");
    assertThat(participants()).isEqualTo(50);
  }

  private long participants() {
    return directory.allPeople().stream().filter(Person::active)
        .filter(p -> p.roles().stream().anyMatch(r -> r.role().isParticipant())).count();
  }

  private static ImportFile example(String name) throws IOException {
    Path path = ExampleWorkbook.EXAMPLES.resolve(name);
    return new ImportFile(name, Files.readAllBytes(path));
  }

  private static List<String> ids(List<Person> people) {
    return people.stream().map(Person::id).toList();
  }
}
