package vn.healthgate.gateway.operations.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.healthgate.gateway.PostgresTestDatabase;

/**
 * The same audit-trail properties on PostgreSQL, where two nodes racing for the next sequence number meet at the primary key:
 * each test gets its own schema in the test database started by {@code .ci/postgres.sh} (another server with
 * {@code HEALTHGATE_TEST_POSTGRES_URL}, {@code _USER}, {@code _PASSWORD}).
 */
class AuditLogPostgresIT extends AuditLogTest {
  private static final String URL = PostgresTestDatabase.URL;
  private static final String USER = PostgresTestDatabase.USER;
  private static final String PASSWORD = PostgresTestDatabase.PASSWORD;

  private final JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(URL, USER, PASSWORD));
  private String schema;
  private HikariDataSource pool;

  @BeforeAll
  static void postgresIsThere() {
    PostgresTestDatabase.assertReachable();
  }

  @Override
  DataSource freshDatabase() {
    schema = "audit_" + UUID.randomUUID().toString().replace("-", "");
    admin.execute("create schema " + schema);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    config.setUsername(USER);
    config.setPassword(PASSWORD);
    config.setMaximumPoolSize(20);
    pool = new HikariDataSource(config);
    return pool;
  }

  @AfterEach
  void dropSchema() {
    if (pool != null) {
      pool.close();
      admin.execute("drop schema " + schema + " cascade");
    }
  }
}
