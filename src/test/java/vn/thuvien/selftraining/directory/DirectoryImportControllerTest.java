package vn.thuvien.selftraining.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import vn.thuvien.selftraining.AppTest;
import vn.thuvien.selftraining.system.CurrentUser;
import vn.thuvien.selftraining.system.Groups;

/**
 * {@code POST /api/directory/import} as the README's curl command calls it: multipart parts named
 * {@code files}, HTTP Basic. Runs in the shared application context whose demo profile has loaded
 * the demo directory, so the accepted import is the demo directory itself (nothing else changes
 * for the other tests) and the rejected ones change nothing by design.
 */
@AppTest
class DirectoryImportControllerTest {

  private static final String OFFICER = "test.directory.officer";
  private static final String OFFICER_PASSWORD = "officer-secret-7";
  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired Directory directory;

  /** A Phòng KHTC officer outside the directory: the directory sync never touches them. */
  @BeforeEach
  void createOfficer() {
    if (identity.createGroupQuery().groupId(Groups.DEPARTMENT_OFFICERS).count() == 0) {
      Group group = identity.newGroup(Groups.DEPARTMENT_OFFICERS);
      group.setName("Chuyên viên Phòng KHTC – Sở GD&ĐT");
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
    if (identity.createUserQuery().userId(OFFICER).count() == 0) {
      User user = identity.newUser(OFFICER);
      user.setFirstName("Chuyên viên");
      user.setLastName("Kiểm thử");
      user.setPassword(OFFICER_PASSWORD);
      identity.saveUser(user);
      identity.createMembership(OFFICER, Groups.DEPARTMENT_OFFICERS);
    }
  }

  @AfterEach
  void removeOfficer() {
    identity.deleteUser(OFFICER);
  }


  @Test
  void anonymousCallerIsAskedToLogIn() throws IOException {
    ResponseEntity<String> answer = rest.postForEntity("/api/directory/import", multipart(demoFiles()), String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(answer.getBody()).contains("Vui lòng đăng nhập");
  }

  @Test
  void librarianMayNotImport() throws IOException {
    ResponseEntity<Map<String, Object>> answer = rest.withBasicAuth("nv.lan", "demo")
        .exchange("/api/directory/import", HttpMethod.POST, multipart(demoFiles()), JSON);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) answer.getBody().get("message")).contains("\"nv.lan\" không có quyền nhập danh bạ");
  }

  @Test
  void rejectedFileAnswers400WithEveryErrorAndChangesNothing() {
    List<Object> before = List.of(directory.allUnits(), directory.allPeople());
    String people = "Mã người,Họ và tên,Email,Mã đơn vị,Vai trò\n"
        + "nv.lan,Nguyễn Thị Lan,lan@@x,THCS-PHUHUNG,Thủ thư\n";
    ImportFile bad = new ImportFile("nhan-su.csv", people.getBytes(StandardCharsets.UTF_8));

    ResponseEntity<Map<String, Object>> answer = rest.withBasicAuth(OFFICER, OFFICER_PASSWORD)
        .exchange("/api/directory/import", HttpMethod.POST, multipart(List.of(bad)), JSON);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) answer.getBody().get("message")).contains("2 lỗi");
    assertThat(answer.getBody().get("errors")).asList().containsExactly(
        Map.of("file", "nhan-su.csv", "line", 2, "column", "Email",
            "message", "địa chỉ email \"lan@@x\" không hợp lệ."),
        Map.of("file", "nhan-su.csv", "line", 2, "column", "Vai trò",
            "message", "vai trò \"Thủ thư\" không có; dùng một trong: " + Role.labels() + "."));
    assertThat(List.<Object>of(directory.allUnits(), directory.allPeople())).isEqualTo(before);
  }

  @Test
  void departmentOfficerImportsOverHttpBasicAndSeesTheLog() throws IOException {
    ResponseEntity<Map<String, Object>> answer = rest.withBasicAuth(OFFICER, OFFICER_PASSWORD)
        .exchange("/api/directory/import", HttpMethod.POST, multipart(demoFiles()), JSON);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody()).containsEntry("scope", "ALL").containsKeys("units", "people");
    assertThat((String) answer.getBody().get("message")).startsWith("Đã nhập danh bạ");
    assertThat(directory.unit("THCS-PHUHUNG")).isPresent();
    assertThat(directory.personName("nv.lan")).isEqualTo("Nguyễn Thị Lan");

    ResponseEntity<List<Map<String, Object>>> log = rest.withBasicAuth(OFFICER, OFFICER_PASSWORD)
        .exchange("/api/directory/imports", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
        });
    assertThat(log.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(log.getBody()).anySatisfy(entry -> {
      assertThat(entry).containsEntry("importedBy", OFFICER).containsEntry("status", "SUCCEEDED")
          .containsEntry("fileNames", "don-vi.csv, nhan-su.csv");
    });
  }

  private static List<ImportFile> demoFiles() throws IOException {
    return List.of(classpath("demo/don-vi.csv"), classpath("demo/nhan-su.csv"));
  }

  private static ImportFile classpath(String path) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return new ImportFile(path.substring(path.lastIndexOf('/') + 1), in.readAllBytes());
    }
  }

  /** What {@code curl -F files=@don-vi.csv -F files=@nhan-su.csv} sends. */
  private static HttpEntity<MultiValueMap<String, Object>> multipart(List<ImportFile> files) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    for (ImportFile file : files) {
      body.add("files", new ByteArrayResource(file.content()) {
        @Override
        public String getFilename() {
          return file.fileName();
        }
      });
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(body, headers);
  }
}
