package vn.thuvien.selftraining.directory;

import java.time.Clock;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import vn.thuvien.selftraining.training.CampaignCalendar;
import vn.thuvien.selftraining.system.PostgresStatisticsCheck;

/**
 * The directory's real beans on a database of their own, without the rest of the application:
 * in-memory H2 migrated by the real Flyway scripts, a Camunda engine on the same database and the
 * same Spring transactions (as in the application, so an import and its identity sync commit or
 * roll back together), authorization on. Starts in about a second.
 */
@TestConfiguration // not @Configuration: the application's component scan must not pick it up
@EnableTransactionManagement
@Import({Directory.class, DirectoryImportLog.class, DirectoryIdentitySync.class, DirectoryImportService.class,
    PostgresStatisticsCheck.class})
class DirectoryTestConfig {

  static final String ENGINE_NAME = "directory-tests";

  static {
    // Without Spring Boot nobody configures Logback, whose default prints every DEBUG line of the
    // engine and MyBatis; keep the directory's own INFO lines (one per import) and warnings.
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
        && logback.getObject(LoggingSystem.class.getName()) == null) {
      logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
      logback.getLogger("vn.thuvien.selftraining.directory").setLevel(Level.INFO);
    }
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:directory-tests;DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(5);
    return new HikariDataSource(config);
  }

  @Bean
  Flyway flyway(DataSource dataSource) {
    Flyway flyway = Flyway.configure().dataSource(dataSource).load();
    flyway.migrate();
    return flyway;
  }

  @Bean
  PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new DataSourceTransactionManager(dataSource);
  }

  @Bean
  JdbcTemplate jdbcTemplate(DataSource dataSource, Flyway migrated) {
    return new JdbcTemplate(dataSource);
  }

  @Bean
  Clock clock() {
    return Clock.system(CampaignCalendar.ZONE);
  }

  @Bean
  SpringProcessEngineConfiguration engineConfiguration(DataSource dataSource,
      PlatformTransactionManager transactionManager, Flyway migrated) {
    SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
    configuration.setProcessEngineName(ENGINE_NAME);
    configuration.setDataSource(dataSource);
    configuration.setTransactionManager(transactionManager);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    configuration.setAuthorizationEnabled(true);
    configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9._-]+|camunda-admin");
    return configuration;
  }

  @Bean
  ProcessEngineFactoryBean processEngine(SpringProcessEngineConfiguration configuration) {
    ProcessEngineFactoryBean factory = new ProcessEngineFactoryBean();
    factory.setProcessEngineConfiguration(configuration);
    return factory;
  }

  @Bean
  IdentityService identityService(ProcessEngine engine) {
    return engine.getIdentityService();
  }
}
