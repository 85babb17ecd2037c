package vn.thuvien.selftraining.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, one node at a time builds its engine, schema check included: docker compose starts
 * the replicas at once, and on a fresh database both created the engine's tables together; one of
 * them died on {@code duplicate key value violates unique constraint "pg_type_typname_nsp_index"}.
 * A session advisory lock is taken once the engine knows its data source and released when the
 * engine is built (or when the connection holding it closes, e.g. the node dies). H2 runs one
 * process per database: nothing to do there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EngineSchemaLock extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineSchemaLock.class);

  /** Any number the application's nodes agree on; "selftrn" in ASCII. */
  static final long LOCK_KEY = 0x73656c667472616eL;

  private Connection holder;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    try {
      Connection connection = configuration.getDataSource().getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      long start = System.nanoTime();
      try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
        lock.setLong(1, LOCK_KEY);
        lock.execute();
      }
      holder = connection;
      LOG.info("Engine schema lock held after {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the engine schema lock", e);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    if (holder == null) {
      return;
    }
    try (Connection connection = holder; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      unlock.setLong(1, LOCK_KEY);
      unlock.execute();
    } catch (SQLException e) {
      LOG.warn("Engine schema lock not released cleanly ({}); closing its connection releases it", e.getMessage());
    } finally {
      holder = null;
    }
  }
}
