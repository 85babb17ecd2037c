package vn.thuvien.selftraining.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thuvien.selftraining.directory.DirectoryFixtures.PEOPLE;
import static vn.thuvien.selftraining.directory.DirectoryFixtures.UNITS;
import static vn.thuvien.selftraining.directory.DirectoryFixtures.csvPair;
import static vn.thuvien.selftraining.directory.DirectoryFixtures.replace;
import static vn.thuvien.selftraining.directory.DirectoryImportServiceTest.INITIAL_PASSWORD;
import static vn.thuvien.selftraining.directory.DirectoryImportServiceTest.OFFICER;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import vn.thuvien.selftraining.system.Groups;

/**
 * Camunda's users, groups and memberships after an import, with the real IdentityService: what
 * candidate groups, authorizations and Tasklist filters rely on.
 */
@SpringJUnitConfig(DirectoryTestConfig.class)
// chunks of three: the eight people and eight groups of the fixtures take several engine commands
@TestPropertySource(properties = {"self-training.directory.initial-password=" + INITIAL_PASSWORD,
    "self-training.directory.sync-chunk=3"})
class DirectoryIdentitySyncTest {

  @Autowired DirectoryImportService imports;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void cleanSlate() {
    DirectoryFixtures.clean(jdbc, identity);
  }

  ImportResult importBase() {
    return imports.importFiles(csvPair(UNITS, PEOPLE), OFFICER);
  }

  @Test
  void everyActivePersonHasOneUserWithTheirGroups() {
    importBase();

    assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactlyInAnyOrder(
        "khtc.an", "pgd.a", "pgd.b", "nv.a1", "ht.a1", "gv.b1", "ht.b1", "ht.x");
    User lan = identity.createUserQuery().userId("nv.a1").singleResult();
    assertThat(lan.getFirstName()).isEqualTo("Nguyễn Thị Lan");
    assertThat(lan.getLastName()).isEqualTo("Anh");
    assertThat(lan.getEmail()).isEqualTo("nv.a1@example.edu.vn");
    assertThat(identity.checkPassword("nv.a1", INITIAL_PASSWORD)).isTrue();

    assertThat(groupsOf("nv.a1")).containsExactly(Groups.PARTICIPANTS);
    assertThat(groupsOf("gv.b1")).as("two roles, one user").containsExactly(Groups.PARTICIPANTS);
    assertThat(groupsOf("ht.a1")).containsExactlyInAnyOrder(Groups.PRINCIPALS, "principal-THCS-A1");
    assertThat(groupsOf("pgd.a")).containsExactlyInAnyOrder(Groups.DISTRICT_OFFICERS, "district-PGD-A");
    assertThat(groupsOf("khtc.an")).containsExactly(Groups.DEPARTMENT_OFFICERS);

    Group principals = identity.createGroupQuery().groupId("principal-THCS-A1").singleResult();
    assertThat(principals.getName()).isEqualTo("Hiệu trưởng – Trường THCS An Hòa 1");
    assertThat(principals.getType()).isEqualTo("WORKFLOW");
    assertThat(identity.createGroupQuery().groupId("district-PGD-B").singleResult().getName())
        .isEqualTo("Phòng GD&ĐT Bình Minh");
    assertThat(identity.createGroupQuery().groupId(Groups.PARTICIPANTS).singleResult().getName())
        .isEqualTo("Nhân viên, giáo viên kiêm nhiệm thư viện");
  }

  @Test
  void membershipsFollowRolesAndOtherGroupsAndUsersAreLeftAlone() {
    importBase();
    group(Groups.ADMINS);
    group("reviewers");
    identity.createMembership("khtc.an", Groups.ADMINS);
    identity.createMembership("khtc.an", "reviewers");
    identity.createMembership("ht.a1", Groups.DISTRICT_OFFICERS); // added by hand in Camunda Admin
    User outsider = identity.newUser("outsider");
    identity.saveUser(outsider);
    identity.createMembership("outsider", Groups.PARTICIPANTS);
    // nv.a1 becomes the principal of THCS-A1, ht.a1 its librarian
    List<String> people = replace(replace(PEOPLE, 5, "nv.a1,Nguyễn Thị Lan Anh,nv.a1@example.edu.vn,THCS-A1,Hiệu trưởng"),
        6, "ht.a1,Trần Văn Hải,ht.a1@example.edu.vn,THCS-A1,Nhân viên thư viện");

    imports.importFiles(csvPair(UNITS, people), OFFICER);

    assertThat(groupsOf("nv.a1")).containsExactlyInAnyOrder(Groups.PRINCIPALS, "principal-THCS-A1");
    assertThat(groupsOf("ht.a1")).containsExactly(Groups.PARTICIPANTS);
    assertThat(groupsOf("khtc.an")).containsExactlyInAnyOrder(Groups.DEPARTMENT_OFFICERS, Groups.ADMINS, "reviewers");
    assertThat(groupsOf("outsider")).containsExactly(Groups.PARTICIPANTS);
  }

  @Test
  void renamedPersonAndUnitAreRenamedInCamunda() {
    importBase();
    List<String> units = replace(UNITS, 5, "THCS-A1,Trường THCS Nguyễn Trãi,PGD-A,THCS");
    List<String> people = replace(PEOPLE, 6, "ht.a1,Trần Văn Hải Đăng,ht.a1@example.edu.vn,THCS-A1,Hiệu trưởng");

    assertThat(imports.importFiles(csvPair(units, people), OFFICER))
        .isEqualTo(new ImportResult("ALL", 0, 1, 0, 0, 1, 0));

    assertThat(identity.createGroupQuery().groupId("principal-THCS-A1").singleResult().getName())
        .isEqualTo("Hiệu trưởng – Trường THCS Nguyễn Trãi");
    User principal = identity.createUserQuery().userId("ht.a1").singleResult();
    assertThat(principal.getFirstName() + " " + principal.getLastName()).isEqualTo("Trần Văn Hải Đăng");
    assertThat(identity.checkPassword("ht.a1", INITIAL_PASSWORD)).as("password untouched").isTrue();
  }

  @Test
  void vietnameseNamesSplitIntoFamilyAndMiddleNameAndGivenName() {
    assertThat(DirectoryIdentitySync.splitName("Nguyễn Thị Lan")).containsExactly("Nguyễn Thị", "Lan");
    assertThat(DirectoryIdentitySync.splitName(" Lan ")).containsExactly("", "Lan");
  }

  private void group(String id) {
    Group group = identity.newGroup(id);
    group.setName(id);
    identity.saveGroup(group);
  }

  private List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }
}
