package vn.thuvien.selftraining;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conventions of the models that no linter knows and that only show at scale.
 */
class ModelConventionsTest {

  static List<Path> models() throws IOException {
    return BpmnLintTest.models();
  }

  /**
   * A parallel multi-instance call activity (the campaign's intermediate units and direct units, an
   * intermediate unit's units, a unit's participants) must end each inner instance in a job of the
   * parent ({@code camunda:asyncAfter} on the loop characteristics). Otherwise a child's last
   * transaction updates the parent's completion counters itself, and 1,200 units whose cut-off passes at
   * the same moment fail on optimistic locking against each other, over and over (measured with the
   * national benchmark's {@code direct} shape: 117 s and thousands of failed attempts on PostgreSQL,
   * against 82 s and none).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void multiInstanceCallActivitiesJoinInAJobOfTheParent(Path model) {
    BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
    List<String> joiningInTheChild = bpmn.getModelElementsByType(CallActivity.class).stream()
        .filter(call -> call.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop
            && !loop.isSequential() && !loop.isCamundaAsyncAfter())
        .map(CallActivity::getId)
        .toList();
    assertThat(joiningInTheChild).as("multi-instance call activities without asyncAfter on their loop characteristics")
        .isEmpty();
  }
}
