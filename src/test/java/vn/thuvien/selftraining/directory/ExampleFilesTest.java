package vn.thuvien.selftraining.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import vn.thuvien.selftraining.directory.Directory.OrgUnit;
import vn.thuvien.selftraining.directory.Directory.Person;
import vn.thuvien.selftraining.directory.Directory.PersonRole;

/**
 * The files people start from: the examples of {@code examples/directory/} (and their copies on
 * the import page) and the demo directory of Bến Tre that the demo profile loads.
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
  }

  @Test
  void importPageOffersTheSameExampleFiles() throws IOException {
    for (String file : ExampleWorkbook.FILES) {
      assertThat(Files.readAllBytes(ExampleWorkbook.DOWNLOADS.resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(ExampleWorkbook.EXAMPLES.resolve(file)));
    }
  }

  @Test
  void demoDirectoryOfBenTreImportsWithTheDocumentedAccounts() throws IOException {
    ImportResult result = imports.importAsSystem(List.of(demo("don-vi.csv"), demo("nhan-su.csv")));

    assertThat(result.unitsCreated()).isEqualTo(38);
    assertThat(directory.department()).get().extracting(OrgUnit::code, OrgUnit::name)
        .containsExactly("SGDDT-BT", "Sở Giáo dục và Đào tạo Bến Tre");
    assertThat(directory.districtOffices()).hasSize(9);
    assertThat(directory.unit("THCS-PHUHUNG")).get().satisfies(unit -> {
      assertThat(unit.name()).isEqualTo("Trường THCS Phú Hưng");
      assertThat(unit.parentCode()).isEqualTo("PGD-TPBENTRE");
      assertThat(unit.districtCode()).isEqualTo("PGD-TPBENTRE");
    });
    assertThat(directory.directUnitCodes()).contains("THPT-CHUYENBT").hasSizeGreaterThanOrEqualTo(4);
    assertThat(ids(directory.participantsOf("THCS-PHUHUNG"))).containsExactly("gv.minh", "nv.lan");
    assertThat(ids(directory.principalsOf("THCS-PHUHUNG"))).containsExactly("ht.binh");
    assertThat(ids(directory.districtOfficersOf("PGD-TPBENTRE"))).contains("pgd.tpbentre");
    assertThat(ids(directory.departmentOfficers())).contains("khtc.hoa");
    assertThat(ids(directory.participantsOf("THPT-CHUYENBT"))).contains("nv.thpt.chuyen");
    assertThat(ids(directory.principalsOf("THPT-CHUYENBT"))).containsExactly("ht.thpt.chuyen");
    assertThat(directory.person("nv.lan")).get().satisfies(p -> {
      assertThat(p.fullName()).isEqualTo("Nguyễn Thị Lan");
      assertThat(p.roles()).containsExactly(new PersonRole("THCS-PHUHUNG", Role.LIBRARIAN));
    });
    assertThat(directory.personName("gv.minh")).isEqualTo("Lê Văn Minh");
    assertThat(directory.personName("ht.binh")).isEqualTo("Trần Văn Bình");
    assertThat(directory.personName("khtc.hoa")).isEqualTo("Phạm Thị Hoa");

    long participants = directory.allPeople().stream().filter(p -> p.roles().stream()
        .anyMatch(r -> r.role().isParticipant())).count();
    assertThat(participants).isBetween(40L, 60L);
    for (String districtCode : directory.districtCodes()) {
      assertThat(directory.schoolCodesOf(districtCode)).as(districtCode).hasSizeBetween(2, 3);
      assertThat(directory.districtOfficersOf(districtCode)).as(districtCode).hasSize(1);
    }
    assertThat(identity.checkPassword("nv.lan", DirectoryImportServiceTest.INITIAL_PASSWORD)).isTrue();
    assertThat(identity.createGroupQuery().groupMember("ht.binh").list()).extracting(Group::getId)
        .containsExactlyInAnyOrder(Groups.PRINCIPALS, "principal-THCS-PHUHUNG");
  }

  private static ImportFile example(String name) throws IOException {
    Path path = ExampleWorkbook.EXAMPLES.resolve(name);
    return new ImportFile(name, Files.readAllBytes(path));
  }

  private static ImportFile demo(String name) throws IOException {
    try (InputStream in = new ClassPathResource("demo/" + name).getInputStream()) {
      return new ImportFile(name, in.readAllBytes());
    }
  }

  private static List<String> ids(List<Person> people) {
    return people.stream().map(Person::id).toList();
  }
}
