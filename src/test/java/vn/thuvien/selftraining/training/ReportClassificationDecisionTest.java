package vn.thuvien.selftraining.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of {@code processes/report-classification.dmn}, at and around its boundaries. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpm/report-classification.dmn")
class ReportClassificationDecisionTest {

  DecisionService decisions;

  @BeforeEach
  void setUp(ProcessEngine engine) {
    decisions = engine.getDecisionService();
  }

  @ParameterizedTest(name = "{0} điểm → {1}")
  @CsvSource({
      "10, Giỏi", "9, Giỏi",
      "8.99, Khá", "7, Khá",
      "6.99, Trung bình", "5, Trung bình",
      "4.99, Chưa hoàn thành", "0, Chưa hoàn thành"})
  void scoreIsClassified(double score, String classification) {
    String result = decisions.evaluateDecisionTableByKey(StaffSelfTrainingProcess.DECISION_CLASSIFICATION,
        Variables.putValue(StaffSelfTrainingProcess.VAR_SCORE, score)).getSingleEntry();
    assertThat(result).isEqualTo(classification);
  }

  @ParameterizedTest
  @CsvSource({"-1", "10.5"})
  void scoreOutsideTheScaleMatchesNoRule(double score) {
    assertThat(decisions.evaluateDecisionTableByKey(StaffSelfTrainingProcess.DECISION_CLASSIFICATION,
        Variables.putValue(StaffSelfTrainingProcess.VAR_SCORE, score)).getSingleResult()).isNull();
  }
}
