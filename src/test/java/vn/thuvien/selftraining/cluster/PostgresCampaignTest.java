package vn.thuvien.selftraining.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import vn.thuvien.selftraining.CampaignTest;
import vn.thuvien.selftraining.report.SmallCampaignScenario;
import vn.thuvien.selftraining.system.EngineIndexesTest;
import vn.thuvien.selftraining.system.PostgresStatisticsCheck;

/**
 * The small campaign end to end on PostgreSQL, with the production profile: a fresh database,
 * the engine's schema and the Flyway migrations created on it, the exact figures at every level.
 */
@CampaignTest
@ActiveProfiles({"test", "postgres"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresCampaignTest extends SmallCampaignScenario {

  static PostgresDatabase database;

  @Autowired DataSource dataSource;
  @Autowired ProcessEngine engine;
  @Autowired PostgresStatisticsCheck statisticsCheck;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    database = PostgresDatabase.create("campaign");
    registry.add("spring.datasource.url", database::url);
    registry.add("spring.datasource.username", database::user);
    registry.add("spring.datasource.password", database::password);
    // closed after the class: its Camunda web apps would leave the JVM-wide webapp registry pointing
    // at a closed context, breaking Cockpit for the browser tests' context
    registry.add("camunda.bpm.webapp.enabled", () -> "false");
  }

  /** The indexes of EngineIndexes and of the outbox migration, on PostgreSQL too. */
  @Test
  void theIndexesFoundByTheBenchmarkExistOnPostgres() throws SQLException {
    assertThat(EngineIndexesTest.indexedColumns(dataSource, "act_ru_job", "self_idx_job_duedate"))
        .containsExactly("DUEDATE_");
    assertThat(EngineIndexesTest.indexedColumns(dataSource, "act_ru_task", "self_idx_task_parent"))
        .containsExactly("PARENT_TASK_ID_");
    assertThat(EngineIndexesTest.indexedColumns(dataSource, "act_ru_job", "self_idx_job_lock"))
        .containsExactly("LOCK_EXP_TIME_");
    assertThat(EngineIndexesTest.indexedColumns(dataSource, "mail_outbox", "ix_mail_outbox_instance"))
        .containsExactly("PROCESS_INSTANCE_ID", "TASK_DEFINITION_KEY", "KIND");
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isEnsureJobDueDateNotNull())
        .isTrue();
  }

  /**
   * The start-up warning follows the server's autovacuum setting, read here on a connection of the
   * test's own (the build machine's server has it off: the warning's branch is the one exercised there).
   */
  @Test
  void warnsAtStartWhenTheServersAutovacuumIsOff() throws SQLException {
    String autovacuum;
    try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
        Statement statement = connection.createStatement();
        ResultSet setting = statement.executeQuery("SELECT setting FROM pg_settings WHERE name = 'autovacuum'")) {
      assertThat(setting.next()).isTrue();
      autovacuum = setting.getString(1);
    }
    if (autovacuum.equals("off")) {
      assertThat(statisticsCheck.problem()).hasValueSatisfying(warning -> assertThat(warning)
          .startsWith("PostgreSQL autovacuum is off on this server").contains("ANALYZE"));
    } else {
      assertThat(statisticsCheck.problem()).isEmpty();
    }
  }

  /** The tables a directory import fills are analysed in its transaction, on PostgreSQL. */
  @Test
  void tablesAreAnalysedOnRequestInTheCallersTransaction() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
      statisticsCheck.analyze("org_unit", "person_role");
      // ANALYZE ran on the transaction's connection: its statistics time is visible before the commit
      assertThat(jdbc.queryForObject("SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables "
          + "WHERE relname = 'org_unit'", Boolean.class)).isTrue();
    });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_stat_user_tables WHERE relname IN ('org_unit', "
        + "'person_role') AND last_analyze IS NOT NULL", Integer.class)).isEqualTo(2);
  }
}
