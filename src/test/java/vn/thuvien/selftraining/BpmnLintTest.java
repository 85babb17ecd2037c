package vn.thuvien.selftraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model is clean under bpmnlint's recommended rules plus the Camunda 7.24 compatibility plug-in
 * ({@code .bpmnlintrc}), read with the Camunda and Modeler extensions as Camunda Modeler reads it.
 * The same check on the command line: {@code npm run lint} in {@code tools/bpmnlint}.
 */
class BpmnLintTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path TOOLS = Path.of("tools/bpmnlint");

  static final ObjectMapper JSON = new ObjectMapper();

  static BpmnLint bpmnlint;

  @BeforeAll
  static void loadBundle() {
    bpmnlint = new BpmnLint();
  }

  @AfterAll
  static void closeBundle() {
    bpmnlint.close();
  }

  static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void modelIsClean(Path model) throws IOException {
    List<BpmnLint.Report> reports = bpmnlint.lint(model.toString(), Files.readString(model));

    if (!reports.isEmpty()) {
      fail(reports.size() + " bpmnlint report(s), fix the model (tools/bpmnlint: npm run lint shows the same):\n"
          + reports.stream().map(BpmnLint.Report::toString).collect(Collectors.joining("\n")));
    }
  }

  @Test
  void everyProcessModelIsLinted() throws IOException {
    assertThat(models()).extracting(path -> path.getFileName().toString()).contains(
        "self-training-campaign.bpmn", "district-self-training.bpmn", "school-self-training.bpmn",
        "staff-self-training.bpmn", "raise-concern.bpmn");
  }

  @Test
  void anUnnamedEndEventIsReported() {
    assertThat(lintFixture("unnamed-end-event.bpmn"))
        .extracting(BpmnLint.Report::elementId, BpmnLint.Report::rule, BpmnLint.Report::category)
        .containsExactly(tuple("EndEvent_Unnamed", "label-required", "error"));
  }

  @Test
  void anEscalationEndEventWithoutItsNameFailsTheModelWithFileElementRuleAndMessage() throws IOException {
    Path model = PROCESSES.resolve("staff-self-training.bpmn");
    String named = "<bpmn:endEvent id=\"EndEvent_PreparePlanChased\" name=\"Đã báo quá hạn\">";
    String xml = Files.readString(model);
    assertThat(xml).contains(named);

    List<BpmnLint.Report> reports = bpmnlint.lint(model.toString(),
        xml.replace(named, "<bpmn:endEvent id=\"EndEvent_PreparePlanChased\">"));

    assertThat(reports).map(BpmnLint.Report::toString).containsExactly(
        model + ": EndEvent_PreparePlanChased: label-required: Element is missing label/name");
  }

  @Test
  void aTaskNoFlowReachesIsReported() {
    assertThat(lintFixture("disconnected-task.bpmn"))
        .extracting(BpmnLint.Report::elementId, BpmnLint.Report::rule)
        .containsExactlyInAnyOrder(
            tuple("Task_Forgotten", "no-disconnected"),
            tuple("Task_Forgotten", "no-implicit-start"),
            tuple("Task_Forgotten", "no-implicit-end"));
  }

  @Test
  void camundaPropertiesAreCheckedAsCamundaModelerReadsThem() {
    assertThat(lintFixture("camunda-mistakes.bpmn"))
        .extracting(BpmnLint.Report::elementId, BpmnLint.Report::rule, BpmnLint.Report::message)
        .containsExactlyInAnyOrder(
            tuple("Task_Work", "import", "Import warning: unknown attribute <camunda:asyncBefor>"),
            tuple("lint-camunda-mistakes", "camunda-compat/history-time-to-live",
                "Property <historyTimeToLive> should be configured on <bpmn:Process> or engine level."));
  }

  /** Some rules remember what they saw (no-duplicate-sequence-flows): nothing may leak into the next model. */
  @Test
  void eachModelIsLintedAfresh() {
    List<BpmnLint.Report> first = lintFixture("unnamed-end-event.bpmn");

    assertThat(lintFixture("unnamed-end-event.bpmn")).isEqualTo(first);
  }

  @Test
  void aFileThatIsNotBpmnIsReported() {
    assertThat(bpmnlint.lint("broken.bpmn", "<bpmn:definitions"))
        .extracting(BpmnLint.Report::rule).containsExactly("parse");
  }

  /** A change to .bpmnlintrc or to a version in package.json needs tools/bpmnlint/build.sh run again. */
  @Test
  void theBundleIsBuiltFromPackageJsonAndBpmnlintrc() throws IOException {
    JsonNode build = bpmnlint.buildInfo();

    assertThat(build.get("bpmnlintrc")).as("the .bpmnlintrc the bundle compiled; run tools/bpmnlint/build.sh")
        .isEqualTo(JSON.readTree(Path.of(".bpmnlintrc").toFile()));

    Map<String, String> bundled = versions(build.get("versions"));
    Map<String, String> declared = versions(JSON.readTree(TOOLS.resolve("package.json").toFile()).get("devDependencies"));
    declared.remove("esbuild");
    assertThat(bundled).as("versions in the bundle; run tools/bpmnlint/build.sh").containsAllEntriesOf(declared);

    JsonNode locked = JSON.readTree(TOOLS.resolve("package-lock.json").toFile()).get("packages");
    bundled.forEach((name, version) -> assertThat(locked.path("node_modules/" + name).path("version").asText())
        .as("%s in package-lock.json", name).isEqualTo(version));

    assertThat(build.get("rules").fieldNames()).toIterable()
        .contains("label-required", "no-disconnected", "camunda-compat/history-time-to-live");
    assertThat(build.at("/rules/camunda-compat~1history-time-to-live/1/version").asText()).isEqualTo("7.24");
  }

  @Test
  void theNoticesNameEveryBundledPackage() throws IOException {
    String notices = resource("/bpmnlint/THIRD-PARTY-NOTICES.txt");

    versions(bpmnlint.buildInfo().get("versions"))
        .forEach((name, version) -> assertThat(notices).contains(name + " " + version + " (MIT)"));
  }

  static List<BpmnLint.Report> lintFixture(String name) {
    return bpmnlint.lint(name, resource("/bpmnlint/" + name));
  }

  static Map<String, String> versions(JsonNode node) {
    Map<String, String> versions = new TreeMap<>();
    node.fields().forEachRemaining(field -> versions.put(field.getKey(), field.getValue().asText()));
    return versions;
  }

  static String resource(String name) {
    try (InputStream in = BpmnLintTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
