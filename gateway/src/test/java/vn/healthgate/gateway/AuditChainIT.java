package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import vn.healthgate.gateway.operations.audit.AuditVerifyCommand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every API call leaves a keyed, hash-chained audit entry; a one-byte change in one entry makes verification (endpoint and command,
 * with the node's checkpoints) fail naming that entry.
 */
class AuditChainIT extends GatewayIT {
  @Autowired JdbcTemplate jdbc;

  private JsonNode verify() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/admin/audit/verify"))
        .header("X-Api-Key", "dev-admin").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Value("${spring.datasource.url}") String databaseUrl;
  @Value("${gateway.audit.key-file}") String keyFile;
  @Value("${gateway.audit.checkpoint-file}") String checkpointFile;

  /** The audit-verify command over the same database: its exit code and output. */
  private String command() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = AuditVerifyCommand.run(new String[] {"--url", databaseUrl, "--user", "sa", "--password", "", "--key-file", keyFile,
        "--checkpoints", checkpointFile},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of());
    return exit + " " + out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theChainVerifiesAndAOneByteChangeIsFoundAtItsEntry() throws Exception {
    JsonNode citizen = citizen("000");
    postEligibility(requestFor(citizen), apiKeyFor(citizen));
    String checkIn = post("/api/v1/check-ins", "application/json", JSON.writeValueAsString(DocumentSamples.checkIn("70001", "AUDIT-" + System.nanoTime())), "dev-70001")
        .body().get("id").asText();
    // let the delivery finish so it cannot reach the portal during another test
    await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(jdbc.queryForObject("select status from outbox where id = ?", String.class, checkIn)));
    post("/api/v1/eligibility-checks", "application/json", "{", "dev-70001");
    post("/api/v1/eligibility-checks", "application/json", "{}", null);

    JsonNode before = verify();
    assertThat(before.get("valid").asBoolean()).isTrue();
    assertThat(before.get("entries").asLong()).isGreaterThanOrEqualTo(4);
    assertThat(before.get("checkpoints").asLong()).as("at least the start-up checkpoint").isPositive();
    assertThat(before.get("legacyEntries").isNumber()).isTrue();
    assertThat(before.get("findings")).isEmpty();
    Long intake = jdbc.queryForObject("select max(seq) from audit_log where action = 'POST /api/v1/check-ins' and result = '202'", Long.class);
    assertThat(jdbc.queryForObject("select document_id from audit_log where seq = ?", String.class, intake)).hasSize(36);
    assertThat(jdbc.queryForObject("select count(*) from audit_log where actor = 'unidentified' and result = '401'", Long.class)).isPositive();
    String logged = String.join(" ", jdbc.queryForList("select action || ' ' || coalesce(document_id, '') from audit_log", String.class));
    assertThat(logged).doesNotContain(citizen.get("cccd").asText());

    assertThat(command()).startsWith("0 audit chain VALID");

    jdbc.update("update audit_log set result = '203' where seq = ?", intake);
    try {
      JsonNode after = verify();
      assertThat(after.get("valid").asBoolean()).isFalse();
      assertThat(after.get("firstBroken").asLong()).isEqualTo(intake);
      assertThat(after.get("reason").asText()).startsWith("entry seq " + intake + ": its hash does not match its fields");
      assertThat(after.get("findings").get(0).get("kind").asText()).isEqualTo("ALTERED");
      assertThat(command()).startsWith("1 audit chain BROKEN at entry seq " + intake + " ");
    } finally {
      jdbc.update("update audit_log set result = '202' where seq = ?", intake);
    }
    assertThat(verify().get("valid").asBoolean()).isTrue();
  }
}
