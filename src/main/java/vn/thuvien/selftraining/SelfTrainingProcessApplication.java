package vn.thuvien.selftraining;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.application.PostDeploy;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.spring.boot.starter.SpringBootProcessApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import vn.thuvien.selftraining.campaign.CampaignProcess;
import vn.thuvien.selftraining.campaign.DistrictProcess;
import vn.thuvien.selftraining.campaign.SchoolProcess;
import vn.thuvien.selftraining.concern.ConcernProcess;
import vn.thuvien.selftraining.training.StaffSelfTrainingProcess;

/**
 * The process application: deploys every model of {@code processes/} and every form of
 * {@code forms/} (packaged under {@code bpm/}, see pom.xml), named relative to {@code bpm/}, e.g.
 * {@code forms/prepare-plan.html}, which is what the models' {@code embedded:deployment:} keys say.
 *
 * <p>Why not Camunda's own process-archive scan ({@code resourceRootPath} in processes.xml): it
 * cannot read entries of the jar nested in Spring Boot's fat jar, so {@code java -jar} (and the
 * Docker image) deployed nothing while the IDE and the tests, running from {@code target/classes},
 * deployed everything. The archive's {@link #createDeployment} hook is called whatever the scan
 * found; the resources are added there through Spring's resolver, which reads a directory and a
 * nested jar alike. After the deployment, {@link #onPostDeploy} checks that every expected process
 * and decision is deployed and every form a model references loads from its deployment, and stops
 * the start otherwise: an application without its models must not look healthy.
 */
@Configuration
public class SelfTrainingProcessApplication extends SpringBootProcessApplication {

  private static final Logger LOG = LoggerFactory.getLogger(SelfTrainingProcessApplication.class);

  /** Where the build puts models and forms on the classpath. */
  static final String ROOT = "bpm/";

  static final Set<String> RESOURCE_SUFFIXES = Set.of(".bpmn", ".dmn", ".html");

  /** Every process the application runs; a start without one of them fails. */
  static final List<String> EXPECTED_PROCESSES = List.of(CampaignProcess.KEY, DistrictProcess.KEY,
      SchoolProcess.KEY, StaffSelfTrainingProcess.KEY, ConcernProcess.KEY);

  static final List<String> EXPECTED_DECISIONS = List.of(StaffSelfTrainingProcess.DECISION_CLASSIFICATION);

  private static final String EMBEDDED_FORM = "embedded:deployment:";

  @Override
  public void createDeployment(String processArchiveName, DeploymentBuilder deploymentBuilder) {
    Map<String, Resource> resources = resources(getProcessApplicationClassloader());
    if (resources.isEmpty()) {
      throw new IllegalStateException("No model or form found under classpath:" + ROOT
          + " (processes/ and forms/ are packaged there by the build): nothing to deploy");
    }
    resources.forEach((name, resource) -> {
      try (InputStream in = resource.getInputStream()) {
        deploymentBuilder.addInputStream(name, in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + name + " for deployment", e);
      }
    });
    LOG.info("Process archive '{}': {} resources to deploy: {}", processArchiveName, resources.size(),
        resources.keySet());
  }

  /** Camunda finds {@code @PostDeploy} on the method itself: an override must repeat it. */
  @Override
  @PostDeploy
  public void onPostDeploy(ProcessEngine defaultEngine) {
    // the application's own engine: Camunda passes the engine named "default", null when the
    // engine has another name (as in tests)
    List<String> problems = deploymentProblems(processEngine.getRepositoryService());
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The application's models are not all deployed: " + String.join("; ", problems));
    }
    LOG.info("Deployed and checked: processes {}, decisions {}, every referenced form", EXPECTED_PROCESSES,
        EXPECTED_DECISIONS);
    super.onPostDeploy(defaultEngine);
  }

  /**
   * Models and forms on the classpath under {@link #ROOT}, by their name relative to it. Each root
   * (a directory when run from classes, a jar entry when run from the fat jar) is searched on its
   * own, so the relative name never depends on how the application was started.
   */
  static Map<String, Resource> resources(ClassLoader classLoader) {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
    Map<String, Resource> found = new TreeMap<>();
    try {
      for (Resource root : resolver.getResources("classpath*:" + ROOT)) {
        String rootUrl = root.getURL().toString();
        for (Resource resource : resolver.getResources(rootUrl + "**/*")) {
          String url = resource.getURL().toString();
          if (!resource.isReadable() || !url.startsWith(rootUrl)) {
            continue;
          }
          String name = url.substring(rootUrl.length());
          if (RESOURCE_SUFFIXES.stream().anyMatch(name::endsWith)) {
            found.putIfAbsent(name, resource);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list classpath:" + ROOT, e);
    }
    return found;
  }

  /** What is missing from the engine: expected definitions, forms the models reference. Empty when all is there. */
  static List<String> deploymentProblems(RepositoryService repository) {
    List<String> problems = new ArrayList<>();
    for (String key : EXPECTED_PROCESSES) {
      ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult();
      if (definition == null) {
        problems.add("process '" + key + "' is not deployed");
        continue;
      }
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      List<String> formKeys = new ArrayList<>();
      model.getModelElementsByType(UserTask.class).forEach(task -> formKeys.add(task.getCamundaFormKey()));
      model.getModelElementsByType(StartEvent.class).forEach(event -> formKeys.add(event.getCamundaFormKey()));
      List<String> deployed = repository.getDeploymentResourceNames(definition.getDeploymentId());
      for (String formKey : formKeys) {
        if (formKey != null && formKey.startsWith(EMBEDDED_FORM)
            && !deployed.contains(formKey.substring(EMBEDDED_FORM.length()))) {
          problems.add("form '" + formKey + "' of process '" + key + "' is not in its deployment");
        }
      }
    }
    for (String key : EXPECTED_DECISIONS) {
      if (repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).count() == 0) {
        problems.add("decision '" + key + "' is not deployed");
      }
    }
    return problems;
  }
}
