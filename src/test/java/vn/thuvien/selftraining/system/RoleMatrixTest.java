package vn.thuvien.selftraining.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
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
import vn.thuvien.selftraining.training.StaffSelfTrainingProcess;

/**
 * The role matrix over {@code /engine-rest} and {@code /api}, on the demo: nobody reads another
 * person's task, variables or history, nor another unit's processes or report; nobody below the
 * administrator deploys models or manages accounts and groups.
 */
@AppTest
class RoleMatrixTest {

  /** A librarian, a principal of another unit, the officer of another commune (phường), a Phòng KHTC officer. */
  static final List<String> BELOW_ADMIN = List.of("nv.lan", "ht.thpt.chuyen", "cb.longchau", "khtc.hoa");

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void runDemoJobs() {
    DueJobs.run(management);
  }

  @Test
  void nobodyReadsAnotherPersonsTaskVariablesOrHistory() throws Exception {
    // gv.minh's own task and process, at Trường THCS Phú Hưng
    ProcessInstance minh = runtime.createProcessInstanceQuery().processDefinitionKey(StaffSelfTrainingProcess.KEY)
        .processInstanceBusinessKeyLike("%/THCS-PHUHUNG/gv.minh").singleResult();
    Task task = tasks.createTaskQuery().processInstanceId(minh.getId()).singleResult();

    for (String user : List.of("nv.lan", "ht.thpt.chuyen", "cb.longchau")) {
      assertThat(get(user, "/task/" + task.getId()).getStatusCode()).as(user + " reads the task")
          .isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
      assertThat(get(user, "/task/" + task.getId() + "/variables").getStatusCode()).as(user + " task variables")
          .isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
      assertThat(get(user, "/task/" + task.getId() + "/form-variables").getStatusCode()).as(user + " form variables")
          .isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
      assertThat(get(user, "/process-instance/" + minh.getId() + "/variables").getStatusCode())
          .as(user + " instance variables").isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
      assertThat(list(user, "/task?processInstanceId=" + minh.getId())).as(user + " task list").isEmpty();
      assertThat(list(user, "/history/task?processInstanceId=" + minh.getId())).as(user + " task history").isEmpty();
      assertThat(list(user, "/history/variable-instance?processInstanceId=" + minh.getId()))
          .as(user + " variable history").isEmpty();
      assertThat(list(user, "/process-instance?businessKeyLike=" + "%25THCS-PHUHUNG%25")).as(user + " instances")
          .isEmpty();
    }
    // while he and his principal do see them
    assertThat(get("gv.minh", "/task/" + task.getId()).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list("ht.binh", "/process-instance?businessKey=" + minh.getBusinessKey())).hasSize(1);
  }

  @Test
  void anotherUnitsReportIsRefused() {
    String year = runtime.createProcessInstanceQuery().processDefinitionKey("self-training-campaign").singleResult()
        .getBusinessKey();
    ResponseEntity<String> report = rest.withBasicAuth("ht.binh", "demo")
        .getForEntity("/api/reports/" + year + "/bao-cao.xlsx?scope=unit:THPT-CHUYENBT", String.class);
    assertThat(report.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void nobodyBelowTheAdministratorDeploysOrManagesAccounts() {
    for (String user : BELOW_ADMIN) {
      assertThat(post(user, "/user/create", "{\"profile\":{\"id\":\"mallory\",\"firstName\":\"M\",\"lastName\":\"X\","
          + "\"email\":\"m@example.vn\"},\"credentials\":{\"password\":\"x\"}}").getStatusCode())
          .as(user + " creates a user").isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(post(user, "/group/create", "{\"id\":\"mallory-group\",\"name\":\"M\",\"type\":\"x\"}").getStatusCode())
          .as(user + " creates a group").isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(put(user, "/group/camunda-admin/members/" + user).getStatusCode())
          .as(user + " joins the administrators").isEqualTo(HttpStatus.FORBIDDEN);
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.MULTIPART_FORM_DATA);
      org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
      parts.add("deployment-name", "mallory");
      parts.add("model.bpmn", new org.springframework.core.io.ByteArrayResource(
          "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>".getBytes()) {
        @Override
        public String getFilename() {
          return "model.bpmn";
        }
      });
      assertThat(rest.withBasicAuth(user, "demo").postForEntity(url("/deployment/create"),
          new HttpEntity<>(parts, headers), String.class).getStatusCode()).as(user + " deploys")
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, "demo").getForEntity(url(path), String.class);
  }

  private JsonNode list(String user, String path) throws Exception {
    ResponseEntity<String> answer = get(user, path);
    assertThat(answer.getStatusCode()).as(user + " GET " + path).isEqualTo(HttpStatus.OK);
    return json.readTree(answer.getBody());
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").postForEntity(url(path), new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> put(String user, String path) {
    return rest.withBasicAuth(user, "demo").exchange(url(path), HttpMethod.PUT, HttpEntity.EMPTY, String.class);
  }

  private String url(String path) {
    return "/engine-rest/engine/" + engine.getName() + path;
  }
}
