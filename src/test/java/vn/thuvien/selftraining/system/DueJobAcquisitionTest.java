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
 * Job acquisition reads due jobs through an index: every job has a due date, the engine is set to
 * acquire by it, the index exists and the database uses it for the due condition, and a job written
 * without a due date (as versions before this one did) is given one at start and stays executable.
 * The index on PostgreSQL: {@code cluster.PostgresCampaignTest}.
 */
@CampaignTest
public class DueJobAcquisitionTest {

  static final String KEY = "test-due-job-acquisition";

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired DueJobAcquisition plugin;
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
    assertThat(indexedColumns(dataSource, DueJobAcquisition.INDEX)).containsExactly("DUEDATE_");

    String plan = jdbc.queryForObject("EXPLAIN SELECT ID_ FROM ACT_RU_JOB RES WHERE RES.RETRIES_ > 0 "
        + "AND RES.DUEDATE_ <= ? AND (RES.LOCK_OWNER_ IS NULL OR RES.LOCK_EXP_TIME_ < ?) AND RES.SUSPENSION_STATE_ = 1 "
        + "ORDER BY RES.DUEDATE_", String.class, new Date(), new Date());
    assertThat(plan).as("plan of the due condition").containsIgnoringCase(DueJobAcquisition.INDEX);
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

  /** Columns of the named index on the job table, in order; empty when there is no such index. */
  public static List<String> indexedColumns(DataSource dataSource, String index) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      for (String table : List.of("ACT_RU_JOB", "act_ru_job")) {
        try (ResultSet rs = meta.getIndexInfo(null, connection.getSchema(), table, false, false)) {
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
}
