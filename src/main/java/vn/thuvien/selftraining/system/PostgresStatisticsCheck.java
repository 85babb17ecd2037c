package vn.thuvien.selftraining.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start when the application runs on a PostgreSQL server whose autovacuum is off. A
 * campaign launch fills the engine's tables from a few rows to hundreds of thousands within minutes;
 * without autovacuum nobody refreshes the planner's statistics, and PostgreSQL keeps planning for
 * empty tables. The national benchmark measured it at 10,000 participants: the engine's look-up of
 * an execution's variables took 14 ms instead of a tenth of one, through the wrong index, and the job
 * executor's connections were all busy with it.
 */
@Component
public class PostgresStatisticsCheck {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresStatisticsCheck.class);

  private final DataSource dataSource;

  public PostgresStatisticsCheck(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnAtStart() {
    problem().ifPresent(LOG::warn);
  }

  /** What is wrong with the database's statistics upkeep, if anything (never anything on H2). */
  public Optional<String> problem() {
    try (Connection connection = dataSource.getConnection()) {
      if (!"PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
        return Optional.empty();
      }
      try (Statement statement = connection.createStatement();
          ResultSet setting = statement.executeQuery("SHOW autovacuum")) {
        if (setting.next() && "off".equalsIgnoreCase(setting.getString(1))) {
          return Optional.of("PostgreSQL autovacuum is off on this server: after a campaign launch the planner's "
              + "statistics describe empty tables and the engine's queries take plans for them (measured: 14 ms "
              + "instead of 0.1 ms per variable look-up at 10,000 participants). Turn autovacuum on, or run ANALYZE "
              + "after every launch.");
        }
      }
      return Optional.empty();
    } catch (SQLException e) {
      LOG.warn("Could not read PostgreSQL's autovacuum setting: {}", e.getMessage());
      return Optional.empty();
    }
  }
}
