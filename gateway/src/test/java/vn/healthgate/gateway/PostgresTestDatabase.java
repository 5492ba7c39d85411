package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL the integration tests use: the one {@code .ci/postgres.sh} installs and starts, or another one named by
 * {@code HEALTHGATE_TEST_POSTGRES_URL}, {@code _USER} and {@code _PASSWORD}.
 */
public final class PostgresTestDatabase {
  public static final String URL = env("HEALTHGATE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/healthgate_test");
  public static final String USER = env("HEALTHGATE_TEST_POSTGRES_USER", "healthgate");
  public static final String PASSWORD = env("HEALTHGATE_TEST_POSTGRES_PASSWORD", "healthgate");

  private PostgresTestDatabase() {}

  /** Fails with what to do, instead of a page of Spring context errors, when the test database cannot be reached. */
  public static void assertReachable() {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
      connection.isValid(5);
    } catch (SQLException e) {
      fail("PostgreSQL for the tests is not reachable at " + URL + " (" + e.getMessage() + "). Start it with `sudo bash .ci/postgres.sh`"
          + " (installs it if needed; .ci/run does this), or point HEALTHGATE_TEST_POSTGRES_URL/_USER/_PASSWORD at another server.");
    }
  }

  /** A new, empty schema in the test database, as a JDBC URL whose connections use it (left behind: a test database). */
  public static String freshSchema(String prefix) {
    String schema = prefix + "_" + java.util.UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
      connection.createStatement().execute("create schema " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + schema + " in " + URL, e);
    }
    return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
