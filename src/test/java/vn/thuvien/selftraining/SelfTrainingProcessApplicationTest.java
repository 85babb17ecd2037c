package vn.thuvien.selftraining;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.Resource;

/**
 * What the process application deploys and how it notices a deployment that lacks something. The
 * packaged jar itself is started by {@code shipped/ShippedJarIT}.
 */
class SelfTrainingProcessApplicationTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void undeploy() {
    RepositoryService repository = engine.getRepositoryService();
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  @Test
  void findsEveryModelAndFormOfTheRepositoryNamedAsTheModelsReferenceThem() throws IOException {
    Map<String, Resource> found = SelfTrainingProcessApplication.resources(getClass().getClassLoader());

    List<String> expected = new ArrayList<>(names(Path.of("processes"), ""));
    expected.addAll(names(Path.of("forms"), "forms/"));
    assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(expected)
        .contains("staff-self-training.bpmn", "report-classification.dmn", "forms/prepare-plan.html");
  }

  @Test
  void everythingFoundDeploysWithoutAProblem() {
    deployments.add(deploy(SelfTrainingProcessApplication.resources(getClass().getClassLoader())));

    assertThat(SelfTrainingProcessApplication.deploymentProblems(engine.getRepositoryService())).isEmpty();
  }

  @Test
  void aMissingProcessDecisionOrFormIsNamed() {
    Map<String, Resource> all = SelfTrainingProcessApplication.resources(getClass().getClassLoader());
    // only the concern model, without its forms
    deployments.add(deploy(Map.of("raise-concern.bpmn", all.get("raise-concern.bpmn"))));

    assertThat(SelfTrainingProcessApplication.deploymentProblems(engine.getRepositoryService())).contains(
        "process 'self-training-campaign' is not deployed",
        "process 'staff-self-training' is not deployed",
        "decision 'ReportClassification' is not deployed",
        "form 'embedded:deployment:forms/raise-concern.html' of process 'raise-concern' is not in its deployment");
  }

  @Test
  void everyModelKeepsItsHistoryAsLongAsTheConfigurationSays() throws IOException {
    Map<String, Object> yaml = new org.yaml.snakeyaml.Yaml().load(Files.readString(
        Path.of("src/main/resources/application.yaml")));
    String configured = (String) dig(yaml, "camunda", "bpm", "generic-properties", "properties", "history-time-to-live");
    java.util.regex.Pattern ttl = java.util.regex.Pattern.compile("historyTimeToLive=\"([^\"]+)\"");
    for (String model : names(Path.of("processes"), "")) {
      java.util.regex.Matcher matcher = ttl.matcher(Files.readString(Path.of("processes", model)));
      int found = 0;
      while (matcher.find()) {
        assertThat(matcher.group(1)).as(model).isEqualTo(configured);
        found++;
      }
      assertThat(found).as(model + " states its history time to live").isPositive();
    }
  }

  @SuppressWarnings("unchecked")
  private static Object dig(Map<String, Object> yaml, String... keys) {
    Object node = yaml;
    for (String key : keys) {
      node = ((Map<String, Object>) node).get(key);
    }
    return node;
  }

  private String deploy(Map<String, Resource> resources) {
    DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name("test");
    resources.forEach((name, resource) -> {
      try {
        builder.addInputStream(name, resource.getInputStream());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    return builder.deploy().getId();
  }

  private static List<String> names(Path folder, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> prefix + file.getFileName()).toList();
    }
  }
}
