package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/v1/admin/submissions?q=}: one submission by its id, MA_LK or SO, in every facility, with its evidence,
 * its failure in words and its history (the audit entries naming it, the times its outbox row keeps); admins only.
 */
class AdminSubmissionLookupIT extends GatewayIT {
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void clearFaults() {
    sim("DELETE", "/sim/faults", null);
  }

  private JsonNode lookUp(String q) {
    Reply reply = getAsAdmin("/api/v1/admin/submissions?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return reply.body();
  }

  private String status(String id) {
    return jdbc.queryForObject("select status from outbox where id = ?", String.class, id);
  }

  private String checkIn(String facility, String episode) throws Exception {
    Reply reply = post("/api/v1/check-ins", "application/json", JSON.writeValueAsString(DocumentSamples.checkIn(facility, episode)), "dev-" + facility);
    assertThat(reply.status()).as(reply.text()).isEqualTo(202);
    return reply.body().get("id").asText();
  }

  private static List<String> ids(JsonNode found) {
    List<String> ids = new ArrayList<>();
    found.get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  @Test
  void byEpisodeIdAnAdminSeesTheCheckInsOfEveryFacilityThatUsesItWithEvidenceAndHistory() throws Exception {
    String episode = TestIds.episode("lookup");
    String first = checkIn("70001", episode);
    String second = checkIn("70002", episode);
    await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(status(first)) && "ACCEPTED".equals(status(second)));
    Reply read = request("GET", "/api/v1/submissions/" + first, "dev-70001");
    assertThat(read.status()).isEqualTo(200);

    JsonNode found = lookUp(episode);
    assertThat(found.get("query").asText()).isEqualTo(episode);
    assertThat(ids(found)).containsExactly(first, second);
    JsonNode item = found.get("items").get(0);
    assertThat(item.get("kind").asText()).isEqualTo("CHECK_IN");
    assertThat(item.get("facilityCode").asText()).isEqualTo("70001");
    assertThat(item.get("episodeId").asText()).isEqualTo(episode);
    assertThat(item.get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(item.get("attempts").asInt()).isEqualTo(1);
    assertThat(item.at("/portalReceipt/transactionId").asText()).isNotBlank();
    assertThat(item.at("/portalReceipt/receivedAt").asText()).isNotBlank();
    assertThat(item.at("/evidence/payloadSha256").asText()).hasSize(64);
    assertThat(item.at("/evidence/signedDocumentSha256").asText()).hasSize(64);
    assertThat(item.at("/evidence/signedDocument").asText()).isEqualTo("/api/v1/submissions/" + first + "/signed-document");
    assertThat(getAsAdmin(item.at("/evidence/signedDocument").asText()).text()).contains("<ds:Signature");

    List<String> history = new ArrayList<>();
    item.get("history").forEach(e -> history.add(e.get("type").asText() + " " + e.path("action").asText("") + " " + e.path("result").asText("")));
    assertThat(history.get(0)).startsWith("STORED");
    assertThat(history).contains("REQUEST POST /api/v1/check-ins 202", "REQUEST GET /api/v1/submissions/" + first + " 200");
    assertThat(history).anyMatch(e -> e.startsWith("PORTAL_RECEIVED")).anyMatch(e -> e.equals("LAST_CHANGE  ACCEPTED"));
    item.get("history").forEach(e -> assertThat(e.get("at").asText()).as("every event has its time").isNotBlank());
    JsonNode request = null;
    for (JsonNode event : item.get("history")) {
      if (request == null && "REQUEST".equals(event.get("type").asText())) {
        request = event;
      }
    }
    assertThat(request).as("the intake's audit entry").isNotNull();
    assertThat(request.get("actor").asText()).isNotBlank();
    assertThat(request.get("correlationId").asText()).isNotBlank();

    assertThat(ids(lookUp(first))).as("by id").containsExactly(first);
    assertThat(ids(lookUp("  " + second + " "))).as("spaces around the key are no part of it").containsExactly(second);
  }

  @Test
  void byCertificateNumberADeadLetterShowsItsFailureInWordsAndItsReplayInTheHistory() throws Exception {
    sim("POST", "/sim/faults", "{\"endpoint\":\"certificate\",\"kind\":\"status\",\"value\":503,\"count\":1000}");
    var certificate = DocumentSamples.certificate("70003", TestIds.serial());
    String number = (String) certificate.get("number");
    String id = post("/api/v1/driver-health-certificates", "application/json", JSON.writeValueAsString(certificate), "dev-70003").body().get("id").asText();
    await().atMost(Duration.ofSeconds(30)).until(() -> "DEAD_LETTER".equals(status(id)));
    sim("DELETE", "/sim/faults", null);
    breakers.getAllCircuitBreakers().forEach(io.github.resilience4j.circuitbreaker.CircuitBreaker::reset);

    JsonNode dead = lookUp(number).get("items").get(0);
    assertThat(dead.get("id").asText()).isEqualTo(id);
    assertThat(dead.get("number").asText()).isEqualTo(number);
    assertThat(dead.get("status").asText()).isEqualTo("DEAD_LETTER");
    assertThat(dead.get("lastError").asText()).as("the stored text stays the evidence").contains("HTTP 503");
    assertThat(dead.at("/lastFailure/code").asText()).isEqualTo("PORTAL_SERVER_ERROR");
    assertThat(dead.at("/lastFailure/vietnamese").asText()).isEqualTo("Cổng giám định báo lỗi máy chủ (HTTP 5xx); hồ sơ sẽ được gửi lại sau.");
    assertThat(dead.at("/lastFailure/english").asText()).doesNotContain("Exception");

    Reply replay = post("/api/v1/admin/dead-letters/" + id + "/replay", "application/json", "", "dev-admin");
    assertThat(replay.status()).as(replay.text()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(status(id)));
    JsonNode accepted = lookUp(number).get("items").get(0);
    assertThat(accepted.at("/portalReceipt/uuid").asText()).isNotBlank();
    assertThat(accepted.has("lastFailure")).isFalse();
    List<String> actions = new ArrayList<>();
    accepted.get("history").forEach(e -> actions.add(e.path("action").asText("")));
    assertThat(actions).contains("POST /api/v1/driver-health-certificates", "POST /api/v1/admin/dead-letters/" + id + "/replay");
  }

  @Test
  void anUnknownKeyFindsNothingAndAMissingOneOrAFacilityIsRefused() {
    assertThat(lookUp("no-such-episode-" + TestIds.episode("none")).get("items")).isEmpty();
    Reply missing = getAsAdmin("/api/v1/admin/submissions");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().get("code").asText()).isEqualTo("GW-PARAMETER-INVALID");
    assertThat(missing.body().get("field").asText()).isEqualTo("q");
    assertThat(getAsAdmin("/api/v1/admin/submissions?q=%20").status()).isEqualTo(400);
    Reply facility = request("GET", "/api/v1/admin/submissions?q=x", "dev-70001");
    assertThat(facility.status()).isEqualTo(403);
    assertThat(facility.body().get("code").asText()).isEqualTo("GW-ADMIN-ONLY");
  }
}
