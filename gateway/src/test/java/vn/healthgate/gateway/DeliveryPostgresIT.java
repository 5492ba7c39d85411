package vn.healthgate.gateway;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.TestPropertySource;

/**
 * The delivery scenarios on a real PostgreSQL (the production database): started by
 * {@code .ci/postgres.sh}; another server with {@code HEALTHGATE_TEST_POSTGRES_URL}.
 */
@TestPropertySource(properties = {
    "spring.datasource.url=${HEALTHGATE_TEST_POSTGRES_URL:jdbc:postgresql://127.0.0.1:5432/healthgate_test}",
    "spring.datasource.username=${HEALTHGATE_TEST_POSTGRES_USER:healthgate}",
    "spring.datasource.password=${HEALTHGATE_TEST_POSTGRES_PASSWORD:healthgate}",
    // another database, another chain: its checkpoints must not land in the H2 tests' checkpoint file
    "gateway.audit.checkpoint-file=./target/test-data/audit-checkpoints-postgres.log"})
class DeliveryPostgresIT extends DeliveryScenarios {
  @BeforeAll
  static void postgresIsThere() {
    PostgresTestDatabase.assertReachable();
  }
}
