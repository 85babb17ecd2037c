package vn.thuvien.selftraining.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database on the PostgreSQL server of the build machine (127.0.0.1:5432, trust auth,
 * database {@code test}), one per test class, dropped afterwards. Elsewhere: {@code PGTEST_HOST},
 * {@code PGTEST_PORT}, {@code PGTEST_USER}, {@code PGTEST_PASSWORD}. Without a reachable server the
 * tests are skipped, saying so.
 */
public final class PostgresDatabase implements AutoCloseable {

  static final String HOST = env("PGTEST_HOST", "127.0.0.1");
  static final String PORT = env("PGTEST_PORT", "5432");
  static final String USER = env("PGTEST_USER", "postgres");
  static final String PASSWORD = env("PGTEST_PASSWORD", "");

  private final String name;

  private PostgresDatabase(String name) {
    this.name = name;
  }

  /** Creates the database, or skips the calling test when no server answers. */
  public static PostgresDatabase create(String purpose) {
    String name = ("st_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    try (Connection admin = DriverManager.getConnection(url("test"), USER, PASSWORD);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      Assumptions.abort("PostgreSQL tests skipped: no server reachable at " + HOST + ":" + PORT + " as " + USER
          + " (" + e.getMessage() + "). Start PostgreSQL there, or set PGTEST_HOST/PGTEST_PORT/PGTEST_USER/"
          + "PGTEST_PASSWORD, to run them.");
    }
    PostgresDatabase database = new PostgresDatabase(name);
    // dropped when the JVM ends, after the Spring contexts using it have closed
    Runtime.getRuntime().addShutdownHook(new Thread(database::close, "drop-" + name));
    return database;
  }

  public String url() {
    return url(name);
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  public String name() {
    return name;
  }

  @Override
  public void close() {
    try (Connection admin = DriverManager.getConnection(url("test"), USER, PASSWORD);
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("Could not drop test database " + name + ": " + e.getMessage());
    }
  }

  private static String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
