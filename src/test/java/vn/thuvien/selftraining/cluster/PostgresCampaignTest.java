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
import vn.thuvien.selftraining.system.DueJobAcquisitionTest;

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

  /** The due-date index the job acquisition reads through (DueJobAcquisition), on PostgreSQL too. */
  @Test
  void jobAcquisitionReadsDueJobsThroughTheDueDateIndex() throws SQLException {
    assertThat(DueJobAcquisitionTest.indexedColumns(dataSource, "self_idx_job_duedate")).containsExactly("DUEDATE_");
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isEnsureJobDueDateNotNull())
        .isTrue();
  }
}
