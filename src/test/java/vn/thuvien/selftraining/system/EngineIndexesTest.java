package vn.thuvien.selftraining.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.thuvien.selftraining.CampaignTest;

/**
 * The statements whose cost grew with the campaign (found by the national benchmark) read through an
 * index: job acquisition (every job has a due date, the engine acquires by it, the database uses the
 * due-date index for the due condition, a job written without a due date by an earlier version is
 * given one at start and stays executable), the engine's sub-task look-up, and the reminders'
 * "already recorded?" question to the outbox. The indexes on PostgreSQL: {@code cluster.PostgresCampaignTest}.
 */
@CampaignTest
public class EngineIndexesTest {

  static final String KEY = "test-engine-indexes";

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired EngineIndexes plugin;
  @Autowired PostgresStatisticsCheck statisticsCheck;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  final List<String> deployments = new ArrayList<>();

  @AfterEach
  void removeModel() {
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  @Test
  void engineAcquiresByDueDateAndTheIndexServesTheDueCondition() throws SQLException {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    assertThat(indexedColumns(dataSource, "ACT_RU_JOB", EngineIndexes.JOB_DUE_DATE)).containsExactly("DUEDATE_");

    String plan = jdbc.queryForObject("EXPLAIN SELECT ID_ FROM ACT_RU_JOB RES WHERE RES.RETRIES_ > 0 "
        + "AND RES.DUEDATE_ <= ? AND (RES.LOCK_OWNER_ IS NULL OR RES.LOCK_EXP_TIME_ < ?) AND RES.SUSPENSION_STATE_ = 1 "
        + "ORDER BY RES.DUEDATE_", String.class, new Date(), new Date());
    assertThat(plan).as("plan of the due condition").containsIgnoringCase(EngineIndexes.JOB_DUE_DATE);
  }

  /** The acquisition's "a job of this instance is locked" sub-query reads the locked jobs only. */
  @Test
  void lockedJobsAreFoundThroughAnIndex() throws SQLException {
    assertThat(indexedColumns(dataSource, "ACT_RU_JOB", EngineIndexes.JOB_LOCK)).containsExactly("LOCK_EXP_TIME_");
    String plan = jdbc.queryForObject("EXPLAIN SELECT J2.ID_ FROM ACT_RU_JOB J2 WHERE J2.EXCLUSIVE_ = TRUE "
        + "AND J2.LOCK_OWNER_ IS NOT NULL AND J2.LOCK_EXP_TIME_ >= ?", String.class, new Date());
    assertThat(plan).as("plan of the locked-job condition").containsIgnoringCase(EngineIndexes.JOB_LOCK);
  }

  @Test
  void subTaskLookUpAndRecordedNoticeQuestionReadThroughAnIndex() throws SQLException {
    assertThat(indexedColumns(dataSource, "ACT_RU_TASK", EngineIndexes.TASK_PARENT)).containsExactly("PARENT_TASK_ID_");
    // the engine's statement (Task.xml, selectTasksByParentTaskId)
    assertThat(jdbc.queryForObject("EXPLAIN select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?", String.class, "t1"))
        .containsIgnoringCase(EngineIndexes.TASK_PARENT);
    assertThat(jdbc.queryForObject("EXPLAIN SELECT 1 FROM mail_outbox WHERE process_instance_id = ? "
        + "AND task_definition_key = ? AND kind = ? FETCH FIRST 1 ROWS ONLY", String.class, "p1", "Task_X", "OPENED"))
        .containsIgnoringCase("IX_MAIL_OUTBOX_INSTANCE");
  }

  @Test
  void asyncContinuationIsDueWhenCreatedAndAJobWithoutDueDateGetsOneAtStart() {
    deployments.add(repository.createDeployment().name(KEY).addModelInstance(KEY + ".bpmn",
        Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent().serviceTask("Work")
            .camundaAsyncBefore().camundaExpression("${true}").userTask("Wait").endEvent().done()).deploy().getId());
    Date before = ClockUtil.getCurrentTime();
    String instance = runtime.startProcessInstanceByKey(KEY).getId();
    Job job = management.createJobQuery().processInstanceId(instance).singleResult();
    assertThat(job.getDuedate()).as("due date of a new async continuation").isNotNull()
        .isBetween(new Date(before.getTime() - 1000), new Date(ClockUtil.getCurrentTime().getTime() + 1000));

    // as an earlier version of the application wrote it
    assertThat(jdbc.update("UPDATE ACT_RU_JOB SET DUEDATE_ = NULL WHERE ID_ = ?", job.getId())).isEqualTo(1);
    plugin.postProcessEngineBuild(engine);

    Job migrated = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(migrated.getDuedate()).as("due date given at start").isNotNull();
    assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).isEqualTo(1);
    management.executeJob(job.getId());
    assertThat(runtime.createExecutionQuery().processInstanceId(instance).activityId("Wait").count()).isEqualTo(1);
  }

  /** Columns of the named index on the table, in order; empty when there is no such index. */
  public static List<String> indexedColumns(DataSource dataSource, String table, String index) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      for (String name : List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
        try (ResultSet rs = meta.getIndexInfo(null, connection.getSchema(), name, false, false)) {
          while (rs.next()) {
            if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
              columns.add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
          }
        }
      }
    }
    return columns;
  }

  /** The PostgreSQL autovacuum check has nothing to say about the embedded H2 database. */
  @Test
  void noStatisticsWarningOnH2() {
    assertThat(statisticsCheck.problem()).isEmpty();
  }
}
