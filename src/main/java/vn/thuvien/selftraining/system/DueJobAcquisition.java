package vn.thuvien.selftraining.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Job acquisition that reads only the jobs that are due. A campaign keeps about three waiting
 * timers per participant in {@code ACT_RU_JOB} (150,000 for a national campaign), and the engine's
 * acquisition query, run several times a second by every node, asks for
 * {@code DUEDATE_ IS NULL OR DUEDATE_ <= now}: no index serves that condition, so each acquisition
 * reads the whole table, and job throughput falls as the campaign grows (measured: on H2 at 50,000
 * participants the acquisition thread took 40% of the machine).
 *
 * <p>Here every job gets a due date ({@code ensureJobDueDateNotNull}: an async continuation is due
 * when it is created), the query becomes {@code DUEDATE_ <= now}, and an index on the due date
 * ({@value #INDEX}, created after the engine's own schema, on H2 and PostgreSQL alike) lets it read
 * the due jobs only. Jobs oldest-due first ({@code jobExecutorAcquireByDueDate}), which the same
 * index serves. Jobs written by an earlier version without a due date are given the time of this
 * start: they were due already, so nothing changes for them but that they stay acquirable.
 */
@Component
public class DueJobAcquisition extends AbstractProcessEnginePlugin {

  static final String INDEX = "SELF_IDX_JOB_DUEDATE";

  private static final Logger LOG = LoggerFactory.getLogger(DueJobAcquisition.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnsureJobDueDateNotNull(true);
    configuration.setJobExecutorAcquireByDueDate(true);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      // two nodes starting at once may both try: the loser's error is harmless, the index exists
      try {
        statement.execute("CREATE INDEX IF NOT EXISTS " + INDEX + " ON " + table + " (DUEDATE_)");
      } catch (SQLException raced) {
        LOG.warn("Index {} not created here ({}); another node creates it", INDEX, raced.getMessage());
      }
      int updated = statement.executeUpdate("UPDATE " + table + " SET DUEDATE_ = CURRENT_TIMESTAMP WHERE DUEDATE_ IS NULL");
      if (updated > 0) {
        LOG.info("Due date set on {} jobs written without one", updated);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Job table " + table + " could not be prepared for due-date acquisition", e);
    }
  }
}
