package vn.thuvien.selftraining.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.thuvien.selftraining.CampaignTest;
import vn.thuvien.selftraining.report.SmallCampaignScenario;
import vn.thuvien.selftraining.system.EngineIndexesTest;

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
    assertThat(EngineIndexesTest.indexedColumns(dataSource, "mail_outbox", "ix_mail_outbox_instance"))
        .containsExactly("PROCESS_INSTANCE_ID", "TASK_DEFINITION_KEY", "KIND");
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isEnsureJobDueDateNotNull())
        .isTrue();
  }
}
