package vn.thuvien.selftraining.system;

import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's planner statistics in step with bulk changes, and warns at start when the
 * application runs on a PostgreSQL server whose autovacuum is off. A campaign launch fills the
 * engine's tables from a few rows to hundreds of thousands within minutes; without autovacuum nobody
 * refreshes the planner's statistics, and PostgreSQL keeps planning for empty tables. The national
 * benchmark measured it at 10,000 participants: the engine's look-up of an execution's variables took
 * 14 ms instead of a tenth of one, through the wrong index, and the job executor's connections were
 * all busy with it. Even with autovacuum on, a campaign launched right after a national directory
 * import comes before autovacuum's next round: {@link #analyze} refreshes the directory's tables in
 * the import's own transaction.
 */
@Component
public class PostgresStatisticsCheck {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresStatisticsCheck.class);

  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  public PostgresStatisticsCheck(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnAtStart() {
    problem().ifPresent(LOG::warn);
  }

  /**
   * On PostgreSQL, analyses the given tables now, in the caller's transaction (ANALYZE counts the
   * transaction's own uncommitted rows); nothing on other databases. Measured at 50,000
   * participants: launched before the next autovacuum round, the statistics of a directory analysed
   * while still empty made the per-unit look-up of participants a nested loop of sequential scans,
   * ten of them running for over nine minutes each.
   */
  public void analyze(String... tables) {
    if (tables.length > 0 && isPostgres()) {
      jdbc.execute("ANALYZE " + String.join(", ", tables));
    }
  }

  private boolean isPostgres() {
    Boolean postgres = this.postgres;
    if (postgres == null) {
      postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>)
          connection -> "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())));
      this.postgres = postgres;
    }
    return postgres;
  }

  /** What is wrong with the database's statistics upkeep, if anything (never anything on H2). */
  public Optional<String> problem() {
    try {
      if (!isPostgres()) {
        return Optional.empty();
      }
      String autovacuum = jdbc.queryForObject("SHOW autovacuum", String.class);
      if ("off".equalsIgnoreCase(autovacuum)) {
        return Optional.of("PostgreSQL autovacuum is off on this server: after a campaign launch the planner's "
            + "statistics describe empty tables and the engine's queries take plans for them (measured: 14 ms "
            + "instead of 0.1 ms per variable look-up at 10,000 participants). Turn autovacuum on, or run ANALYZE "
            + "after every launch.");
      }
      return Optional.empty();
    } catch (DataAccessException e) {
      LOG.warn("Could not read PostgreSQL's autovacuum setting: {}", e.getMessage());
      return Optional.empty();
    }
  }
}
