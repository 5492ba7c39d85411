package vn.healthgate.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.TestPropertySource;

/**
 * The delivery scenarios on a real PostgreSQL (the production database): started by
 * {@code .ci/postgres.sh}; another server with {@code HEALTHGATE_TEST_POSTGRES_URL}. Each run migrates a schema of its
 * own, so neither an earlier run's documents nor a build running beside it on the same database share its outbox.
 */
@TestPropertySource(properties = {
    "spring.datasource.username=${HEALTHGATE_TEST_POSTGRES_USER:healthgate}",
    "spring.datasource.password=${HEALTHGATE_TEST_POSTGRES_PASSWORD:healthgate}",
    // another database, another chain: its checkpoints must not land in the H2 tests' checkpoint file
    "gateway.audit.checkpoint-file=./target/test-data/audit-checkpoints-postgres.log"})
class DeliveryPostgresIT extends DeliveryScenarios {
  @BeforeAll
  static void postgresIsThere() {
    PostgresTestDatabase.assertReachable();
  }

  @DynamicPropertySource
  static void ownSchema(DynamicPropertyRegistry registry) {
    String url = PostgresTestDatabase.freshSchema("delivery");
    registry.add("spring.datasource.url", () -> url);
  }
}
