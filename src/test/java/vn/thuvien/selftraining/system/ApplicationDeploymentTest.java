package vn.thuvien.selftraining.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;

import vn.thuvien.selftraining.AppTest;
import vn.thuvien.selftraining.training.StaffSelfTrainingProcess;
import vn.thuvien.selftraining.DueJobs;

/**
 * The application as it runs: every model of processes/ and every form a model references is
 * deployed and loads from the engine; the demo librarian finds their first task, and only theirs;
 * the REST API turns away anonymous callers.
 */
@AppTest
class ApplicationDeploymentTest {

  private static final String FORM_PREFIX = "embedded:deployment:";

  @Autowired RepositoryService repository;
  @Autowired FormService forms;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;

  @Autowired org.camunda.bpm.engine.ManagementService management;

  /** The demo campaign fans out through asynchronous jobs; the executor is off in tests. */
  @org.junit.jupiter.api.BeforeEach
  void runDemoJobs() {
    vn.thuvien.selftraining.DueJobs.run(management);
  }

  @AfterEach
  void logout() {
    identity.clearAuthentication();
  }

  @Test
  void everyModelInProcessesFolderIsDeployed() throws IOException {
    Set<String> deployed = deployedResourceNames();
    for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath:bpm/*.*")) {
      assertThat(deployed).as("deployed resources").contains(model.getFilename());
    }
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(StaffSelfTrainingProcess.KEY)
        .latestVersion().singleResult().getName()).isEqualTo("Tự bồi dưỡng nghiệp vụ thư viện – cá nhân");
    assertThat(repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(StaffSelfTrainingProcess.DECISION_CLASSIFICATION).count()).isEqualTo(1);
  }

  @Test
  void everyFormReferencedByAModelLoadsFromTheEngine() throws IOException {
    List<String> checked = new ArrayList<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      List<String> formKeys = new ArrayList<>();
      model.getModelElementsByType(UserTask.class).forEach(t -> formKeys.add(t.getCamundaFormKey()));
      model.getModelElementsByType(StartEvent.class).forEach(e -> formKeys.add(e.getCamundaFormKey()));
      for (String formKey : formKeys) {
        if (formKey == null) {
          continue;
        }
        assertThat(formKey).as("form key").startsWith(FORM_PREFIX);
        String resource = formKey.substring(FORM_PREFIX.length());
        try (InputStream form = repository.getResourceAsStream(definition.getDeploymentId(), resource)) {
          String html = new String(form.readAllBytes(), StandardCharsets.UTF_8);
          assertThat(html).as(resource).contains("<form").contains("cam-");
        }
        checked.add(resource);
      }
    }
    assertThat(checked).as("forms referenced by the models")
        .containsAll(java.util.Arrays.stream(new java.io.File("forms").list()).map(f -> "forms/" + f).toList());
  }

  @Test
  void demoLibrarianFindsTheFirstTaskWithItsFormAndSeesNobodyElses() throws IOException {
    identity.setAuthentication("nv.lan", List.of());
    List<Task> visible = tasks.createTaskQuery().list();

    assertThat(visible).singleElement().satisfies(task -> {
      assertThat(task.getName()).isEqualTo("Lập hồ sơ tự bồi dưỡng và kế hoạch");
      assertThat(task.getAssignee()).isEqualTo("nv.lan");
      assertThat(task.getDueDate()).isNotNull();
    });
    try (InputStream form = forms.getDeployedTaskForm(visible.get(0).getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("planMaterials");
    }
  }

  @Test
  void restApiRequiresAuthentication() {
    // the engine's name is unique per test context, so address it explicitly
    String tasksUrl = "/engine-rest/engine/" + engine.getName() + "/task";
    assertThat(rest.getForEntity(tasksUrl, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // another user than below: a failed login delays that user's next attempt (brute-force guard)
    assertThat(rest.withBasicAuth("ht.binh", "wrong").getForEntity(tasksUrl, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    var asLibrarian = rest.withBasicAuth("nv.lan", "demo").getForEntity(tasksUrl, String.class);
    assertThat(asLibrarian.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(asLibrarian.getBody()).contains("nv.lan").doesNotContain("gv.minh");
  }

  @Test
  @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
  void refusedFormAnswers400WithTheVietnameseMessageAlone(org.springframework.boot.test.system.CapturedOutput log) {
    identity.setAuthentication("nv.lan", List.of());
    String taskId = tasks.createTaskQuery().singleResult().getId();
    identity.clearAuthentication();
    String body = "{\"variables\":{\"planMaterials\":{\"value\":\"Sách nghiệp vụ\",\"type\":\"String\"}}}";
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);

    var answer = rest.withBasicAuth("nv.lan", "demo").postForEntity(
        "/engine-rest/engine/" + engine.getName() + "/task/" + taskId + "/submit-form",
        new org.springframework.http.HttpEntity<>(body, headers), String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody())
        .contains("Trường \\\"Thời gian thực hiện\\\" là bắt buộc.")
        .doesNotContain("Cannot").doesNotContain("ENGINE-");
    identity.setAuthentication("nv.lan", List.of());
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("task still open").isEqualTo(1);
    assertThat(tasks.getVariable(taskId, "planMaterials")).as("nothing stored").isNull();
    // a person's mistake is one line in the log, not a server failure with a stack trace
    assertThat(log.getOut()).contains("Input refused (POST /engine-rest/engine/" + engine.getName() + "/task/" + taskId
        + "/submit-form by nv.lan): Trường \"Thời gian thực hiện\" là bắt buộc.")
        .doesNotContain("ENGINE-16004").doesNotContain("HTTP500").doesNotContain("ENGINE-03051");
  }

  private Set<String> deployedResourceNames() {
    return repository.createDeploymentQuery().list().stream()
        .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream())
        .collect(Collectors.toSet());
  }
}
