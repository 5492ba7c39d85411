package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.healthgate.gateway.operations.audit.AuditLog;
import vn.healthgate.gateway.config.GatewayProperties;
import vn.healthgate.gateway.operations.RetentionJob;

/** The retention job purges the bodies of finished documents and old eligibility checks; status and evidence hashes stay. */
class RetentionIT extends GatewayIT {
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditLog audit;
  @Autowired GatewayProperties properties;

  @BeforeEach
  void emptyOutbox() {
    jdbc.update("delete from outbox");
  }

  private String submit(String path, Map<String, Object> body) throws Exception {
    Reply reply = post(path, "application/json", JSON.writeValueAsString(body), "dev-70001");
    assertThat(reply.status()).as(reply.text()).isIn(200, 202);
    return reply.body().get("id").asText();
  }

  private String status(String id) {
    return jdbc.queryForObject("select status from outbox where id = ?", String.class, id);
  }

  private RetentionJob jobAt(Duration later) {
    return new RetentionJob(jdbc, Clock.offset(clock, later), properties.retention(), audit);
  }

  private JsonNode getAsFacility(String path) throws Exception {
    return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-Api-Key", "dev-70001").GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body());
  }

  @Test
  void finishedDocumentsLoseTheirBodiesAfterTheRetentionAgeAndKeepStatusAndEvidence() throws Exception {
    JsonNode citizen = citizen("000");
    postEligibility(requestFor(citizen), apiKeyFor(citizen));
    Map<String, Object> checkInBody = DocumentSamples.checkIn("70001", "RETAIN-" + System.nanoTime());
    String checkIn = submit("/api/v1/check-ins", checkInBody);
    String certificate = submit("/api/v1/driver-health-certificates", DocumentSamples.certificate("70001", 777));
    String deadLetter = submit("/api/v1/check-ins", DocumentSamples.checkIn("70001", "RETAIN-DL-" + System.nanoTime()));
    await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(status(checkIn)) && "ACCEPTED".equals(status(certificate)) && "ACCEPTED".equals(status(deadLetter)));
    jdbc.update("update outbox set status = 'DEAD_LETTER' where id = ?", deadLetter);
    String signed = jdbc.queryForObject("select signed_document from outbox where id = ?", String.class, checkIn);
    String payloadHash = jdbc.queryForObject("select payload_hash from outbox where id = ?", String.class, checkIn);
    Duration age = properties.retention().documentBodies();

    assertThat(jobAt(age.minusDays(1)).purge().documents()).as("younger than the age: kept").isZero();
    RetentionJob.Purged purged = jobAt(age.plusDays(1)).purge();

    assertThat(purged.documents()).isEqualTo(2);
    assertThat(purged.eligibilityChecks()).isPositive();
    assertThat(jdbc.queryForObject("select count(*) from eligibility_check where cccd = ?", Long.class, citizen.get("cccd").asText())).isZero();
    Map<String, Object> row = jdbc.queryForMap("select status, payload, signed_document, payload_hash, signed_hash, receipt, purged_at from outbox where id = ?", checkIn);
    assertThat(row.get("status")).isEqualTo("ACCEPTED");
    assertThat(row.get("payload")).isNull();
    assertThat(row.get("signed_document")).isNull();
    assertThat(row.get("payload_hash")).isEqualTo(payloadHash);
    assertThat(row.get("signed_hash")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signed.getBytes(StandardCharsets.UTF_8))));
    assertThat(row.get("receipt")).isNotNull();
    assertThat(row.get("purged_at")).isNotNull();
    assertThat(jdbc.queryForObject("select payload from outbox where id = ?", String.class, deadLetter)).as("dead letters keep their body").isNotNull();

    JsonNode view = getAsFacility("/api/v1/submissions/" + checkIn);
    assertThat(view.get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(view.at("/evidence/signedDocumentSha256").asText()).isEqualTo(row.get("signed_hash"));
    assertThat(view.at("/evidence/bodiesPurgedAt").isMissingNode()).isFalse();
    assertThat(getAsFacility("/api/v1/submissions/" + checkIn + "/signed-document").get("code").asText()).isEqualTo("GW-DOCUMENT-PURGED");

    Reply again = post("/api/v1/check-ins", "application/json", JSON.writeValueAsString(checkInBody), "dev-70001");
    assertThat(again.status()).as("the same document again is still recognised by its hash").isEqualTo(200);
    assertThat(again.body().get("id").asText()).isEqualTo(checkIn);
    assertThat(jdbc.queryForObject("select count(*) from audit_log where actor = 'system' and action like 'RETENTION%'", Long.class)).isPositive();
    assertThat(audit.verify().valid()).isTrue();
  }
}
