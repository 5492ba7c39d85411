package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A request whose audit entry cannot be committed is not answered as if it had been: the caller
 * gets 503 GW-AUDIT-UNAVAILABLE instead of its normal answer, and the requests around it are
 * answered and audited as usual. The database refuses the one row by a constraint on its
 * correlation id, the way a full disk or a broken column would refuse it.
 */
class AuditUnavailableIT extends GatewayIT {
  private static final String RUN = java.util.UUID.randomUUID().toString().substring(0, 8);
  private static final String REFUSED = "audit-refused-" + RUN;

  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void allowAgain() {
    jdbc.execute("alter table audit_log drop constraint if exists audit_test_refusal");
  }

  private Reply list(String correlationId) {
    try {
      return sendTls(HTTP, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/submissions?size=1"))
          .header("X-Api-Key", "dev-70001").header("X-Correlation-Id", correlationId).GET().build());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aRequestWhoseAuditEntryCannotBeWrittenIsAnswered503InsteadOfItsAnswer() {
    jdbc.execute("alter table audit_log add constraint audit_test_refusal check (correlation_id is null or correlation_id <> '" + REFUSED + "')");

    Reply before = list("audit-before-" + RUN);
    Reply refused = list(REFUSED);
    Reply after = list("audit-after-" + RUN);

    assertThat(before.status()).isEqualTo(200);
    assertThat(after.status()).isEqualTo(200);
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.body().get("code").asText()).isEqualTo("GW-AUDIT-UNAVAILABLE");
    assertThat(refused.header("Retry-After")).isNotBlank();
    assertThat(refused.text()).as("the normal answer is withheld").doesNotContain("\"items\"");
    assertThat(jdbc.queryForList("select correlation_id from audit_log where correlation_id like ?", String.class, "audit-%-" + RUN))
        .containsExactlyInAnyOrder("audit-before-" + RUN, "audit-after-" + RUN);
    assertThat(getAsAdmin("/api/v1/admin/audit/verify").body().get("valid").asBoolean()).isTrue();
  }
}
