package vn.thuvien.selftraining.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Three indexes the engine's schema lacks and a national campaign needs, created after the engine's
 * own schema on H2 and PostgreSQL alike ({@code CREATE INDEX IF NOT EXISTS}: a schema upgrade by
 * Camunda's scripts leaves them alone). All three were found by the national benchmark's statement
 * statistics, as full-table reads whose cost grows with the campaign:
 * <ul>
 *   <li>{@value #JOB_DUE_DATE}: job acquisition. A campaign keeps about three waiting timers per
 *   participant in {@code ACT_RU_JOB}, and the engine's acquisition query, run several times a second
 *   by every node, asks for {@code DUEDATE_ IS NULL OR DUEDATE_ <= now}, which no index serves (on H2
 *   at 50,000 participants the acquisition thread took 40% of the machine). Here every job gets a due
 *   date ({@code ensureJobDueDateNotNull}: an async continuation is due when it is created), the
 *   condition becomes {@code DUEDATE_ <= now}, and the index reads the due jobs only, oldest first
 *   ({@code jobExecutorAcquireByDueDate}). Jobs written by an earlier version without a due date are
 *   given the time of this start: they were due already, and stay acquirable.</li>
 *   <li>{@value #TASK_PARENT}: the engine looks for sub-tasks ({@code PARENT_TASK_ID_}) of every task
 *   it completes or deletes; without an index each look read the whole task table (39 ms a task with
 *   18,000 open tasks).</li>
 * </ul>
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  static final String JOB_DUE_DATE = "SELF_IDX_JOB_DUEDATE";
  static final String TASK_PARENT = "SELF_IDX_TASK_PARENT";
  static final String JOB_LOCK = "SELF_IDX_JOB_LOCK";
  /** Index name → table (without prefix) and columns. */
  static final Map<String, String[]> INDEXES = Map.of(
      JOB_DUE_DATE, new String[] {"ACT_RU_JOB", "DUEDATE_"},
      TASK_PARENT, new String[] {"ACT_RU_TASK", "PARENT_TASK_ID_"},
      JOB_LOCK, new String[] {"ACT_RU_JOB", "LOCK_EXP_TIME_"});

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnsureJobDueDateNotNull(true);
    configuration.setJobExecutorAcquireByDueDate(true);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    String prefix = configuration.getDatabaseTablePrefix();
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      for (Map.Entry<String, String[]> index : INDEXES.entrySet()) {
        // two nodes starting at once may both try: the loser's error is harmless, the index exists
        try {
          statement.execute("CREATE INDEX IF NOT EXISTS " + index.getKey() + " ON " + prefix + index.getValue()[0]
              + " (" + index.getValue()[1] + ")");
        } catch (SQLException raced) {
          LOG.warn("Index {} not created here ({}); another node creates it", index.getKey(), raced.getMessage());
        }
      }
      int updated;
      // "now" by the engine's clock, which decides when a job is due (not the database server's)
      try (PreparedStatement dueNow = connection.prepareStatement("UPDATE " + prefix + "ACT_RU_JOB SET DUEDATE_ = ? "
          + "WHERE DUEDATE_ IS NULL")) {
        dueNow.setTimestamp(1, new Timestamp(ClockUtil.getCurrentTime().getTime()));
        updated = dueNow.executeUpdate();
      }
      if (updated > 0) {
        LOG.info("Due date set on {} jobs written without one", updated);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Engine tables could not be given their indexes", e);
    }
  }
}
