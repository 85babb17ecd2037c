package vn.thuvien.selftraining.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.thuvien.selftraining.AppTest;
import vn.thuvien.selftraining.DueJobs;
import vn.thuvien.selftraining.concern.ConcernProcess;

/**
 * Issue 17's first findings, each reproduced as the probe sent it: process data a participant
 * cannot forge through Camunda's REST API (routing variables with her own form, a concern in
 * someone else's name, variables outside a form), and tasks she cannot hand to strangers. The
 * demo's state is left as found: every refused request stores nothing.
 */
@AppTest
class EngineRequestGuardTest {

  static final String LIBRARIAN = "nv.lan";
  static final Pattern CAM_VARIABLE = Pattern.compile("cam-variable-name=\"([^\"]+)\"");
  static final Pattern DATA_FIELDS = Pattern.compile("<form\\b[^>]*\\sdata-fields=\"([^\"]*)\"");

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired org.camunda.bpm.engine.ManagementService management;

  private final ObjectMapper json = new ObjectMapper();

  @org.junit.jupiter.api.BeforeEach
  void runDemoJobs() {
    DueJobs.run(management);
  }

  @AfterEach
  void logout() {
    identity.clearAuthentication();
  }

  @Test
  void aParticipantsFormCannotCarryTheVariablesThatRouteHerWork() throws IOException {
    Task plan = librariansTask();
    String unitBefore = (String) runtime.getVariable(plan.getProcessInstanceId(), "unitCode");
    String body = "{\"variables\":{"
        + "\"planMaterials\":{\"value\":\"Sách\",\"type\":\"String\"},"
        + "\"planSchedule\":{\"value\":\"Thứ Năm\",\"type\":\"String\"},"
        + "\"planMethod\":{\"value\":\"Tự học\",\"type\":\"String\"},"
        + "\"unitCode\":{\"value\":\"THCS-PHUHUNG,participants\",\"type\":\"String\"},"
        + "\"personId\":{\"value\":\"gv.minh\",\"type\":\"String\"}}}";

    ResponseEntity<String> answer = post("/task/" + plan.getId() + "/submit-form", body);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(answer.getBody()).path("message").asText()).isEqualTo("Các trường \"unitCode\", "
        + "\"personId\" không thuộc biểu mẫu của việc này; yêu cầu bị từ chối, không có gì được lưu.");
    assertThat(tasks.createTaskQuery().taskId(plan.getId()).count()).as("task still open").isEqualTo(1);
    assertThat(runtime.getVariable(plan.getProcessInstanceId(), "unitCode")).isEqualTo(unitBefore);
    assertThat(runtime.getVariable(plan.getProcessInstanceId(), "planMaterials")).as("nothing stored").isNull();
    // the same through /complete
    assertThat(post("/task/" + plan.getId() + "/complete", body).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void aConcernCannotBeFiledInSomeoneElsesName() throws IOException {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(ConcernProcess.KEY).count();
    String body = "{\"variables\":{"
        + "\"concernSubject\":{\"value\":\"Thiếu tài liệu\",\"type\":\"String\"},"
        + "\"concernDescription\":{\"value\":\"Trường chưa có bộ tài liệu.\",\"type\":\"String\"},"
        + "\"schoolYear\":{\"value\":\"2026-2027\",\"type\":\"String\"},"
        + "\"raisedBy\":{\"value\":\"ht.thpt.chuyen\",\"type\":\"String\"}}}";

    ResponseEntity<String> answer = post("/process-definition/key/" + ConcernProcess.KEY + "/submit-form", body);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(answer.getBody()).path("message").asText())
        .startsWith("Trường \"raisedBy\" không thuộc biểu mẫu");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ConcernProcess.KEY).count()).isEqualTo(before);
  }

  @Test
  void aFileOverTheLimitIsRefusedNamingFileAndLimit() throws IOException {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(ConcernProcess.KEY).count();
    // 15 MB, as Tasklist sends a file: base64 in the JSON body
    String base64 = java.util.Base64.getEncoder().encodeToString(new byte[15 * 1024 * 1024]);
    String body = "{\"variables\":{"
        + "\"concernSubject\":{\"value\":\"Thiếu tài liệu\",\"type\":\"String\"},"
        + "\"concernDescription\":{\"value\":\"Xem tệp đính kèm.\",\"type\":\"String\"},"
        + "\"schoolYear\":{\"value\":\"2026-2027\",\"type\":\"String\"},"
        + "\"concernAttachment\":{\"value\":\"" + base64 + "\",\"type\":\"File\","
        + "\"valueInfo\":{\"filename\":\"tai-lieu.pdf\",\"mimetype\":\"application/pdf\"}}}}";

    ResponseEntity<String> answer = post("/process-definition/key/" + ConcernProcess.KEY + "/submit-form", body);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(answer.getBody()).path("message").asText())
        .isEqualTo("Tệp \"tai-lieu.pdf\" có dung lượng khoảng 15,0 MB, vượt quá giới hạn 10,0 MB; không có gì được lưu.");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ConcernProcess.KEY).count()).isEqualTo(before);
  }

  @Test
  void anImportOverTheUploadLimitIsAnsweredInVietnamese() throws IOException {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
    parts.add("files", new org.springframework.core.io.ByteArrayResource(new byte[21 * 1024 * 1024]) {
      @Override
      public String getFilename() {
        return "don-vi.csv";
      }
    });

    ResponseEntity<String> answer = rest.withBasicAuth("khtc.hoa", "demo")
        .postForEntity("/api/directory/import", new HttpEntity<>(parts, headers), String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(json.readTree(answer.getBody()).path("message").asText()).isEqualTo(
        "Tệp tải lên quá lớn: mỗi tệp tối đa 20 MB, cả lần tải tối đa 25 MB. Không có gì được nhập.");
  }

  @Test
  void variablesOutsideAFormAndTaskIdentityLinksAreForAdministratorsOnly() throws IOException {
    Task plan = librariansTask();
    String variableBody = "{\"value\":\"THCS-PHUHUNG,participants\",\"type\":\"String\"}";

    ResponseEntity<String> taskVariable = exchange(HttpMethod.PUT, LIBRARIAN, "demo",
        "/task/" + plan.getId() + "/variables/unitCode", variableBody);
    ResponseEntity<String> instanceVariables = exchange(HttpMethod.POST, LIBRARIAN, "demo",
        "/process-instance/" + plan.getProcessInstanceId() + "/variables",
        "{\"modifications\":{\"unitCode\":" + variableBody + "}}");
    ResponseEntity<String> candidateGroup = exchange(HttpMethod.POST, LIBRARIAN, "demo",
        "/task/" + plan.getId() + "/identity-links", "{\"groupId\":\"participants\",\"type\":\"candidate\"}");

    for (ResponseEntity<String> answer : List.of(taskVariable, instanceVariables, candidateGroup)) {
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(json.readTree(answer.getBody()).path("message").asText())
          .startsWith("Chỉ quản trị hệ thống được thay đổi dữ liệu của quy trình ngoài biểu mẫu");
    }
    assertThat(runtime.getVariable(plan.getProcessInstanceId(), "unitCode")).isEqualTo("THCS-PHUHUNG");
    assertThat(tasks.getIdentityLinksForTask(plan.getId())).extracting(IdentityLink::getGroupId)
        .doesNotContain(Groups.PARTICIPANTS);

    // an administrator still repairs data by hand
    ResponseEntity<String> byAdmin = exchange(HttpMethod.PUT, "admin", "test-admin-secret",
        "/task/" + plan.getId() + "/localVariables/repairNote", "{\"value\":\"kiểm tra\",\"type\":\"String\"}");
    assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    tasks.removeVariableLocal(plan.getId(), "repairNote");
  }

  @Test
  void anAssigneeMayWorkOnHerTaskButNotHandItToOthers() {
    Task plan = librariansTask();
    identity.setAuthentication(LIBRARIAN, List.of(Groups.PARTICIPANTS));

    assertThatThrownBy(() -> tasks.addCandidateGroup(plan.getId(), Groups.PARTICIPANTS))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> tasks.addCandidateUser(plan.getId(), "gv.minh"))
        .isInstanceOf(AuthorizationException.class);
    assertThat(tasks.getVariable(plan.getId(), "personId")).as("her own task stays readable").isEqualTo(LIBRARIAN);
  }

  @Test
  void everyFormDeclaresEveryFieldItBindsAndNoForeignOne() throws IOException {
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        String html = Files.readString(form, StandardCharsets.UTF_8);
        Matcher declared = DATA_FIELDS.matcher(html);
        assertThat(declared.find()).as(form + " declares its fields (data-fields)").isTrue();
        Set<String> fields = new LinkedHashSet<>(List.of(declared.group(1).trim().split("\\s+")));
        Matcher bound = CAM_VARIABLE.matcher(html);
        while (bound.find()) {
          assertThat(fields).as(form + " fields").contains(bound.group(1));
        }
        assertThat(fields).as(form + ": routing data is never a form field")
            .doesNotContain("unitCode", "personId", "districtCode", "raisedBy", "receiverGroup", "receiverLevel");
      }
    }
  }

  private Task librariansTask() {
    identity.setAuthentication(LIBRARIAN, List.of());
    try {
      return tasks.createTaskQuery().taskAssignee(LIBRARIAN).singleResult();
    } finally {
      identity.clearAuthentication();
    }
  }

  private ResponseEntity<String> post(String path, String body) {
    return exchange(HttpMethod.POST, LIBRARIAN, "demo", path, body);
  }

  private ResponseEntity<String> exchange(HttpMethod method, String user, String password, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, password).exchange("/engine-rest/engine/" + engine.getName() + path, method,
        new HttpEntity<>(body, headers), String.class);
  }
}
