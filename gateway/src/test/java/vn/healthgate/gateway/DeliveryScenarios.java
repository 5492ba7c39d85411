package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.healthgate.gateway.pki.FacilitySigningKeys;

/**
 * Check-ins and certificates: stored, signed, delivered exactly once, through portal faults, to a
 * visible end state. Run on H2 ({@link DeliveryIT}) and on PostgreSQL ({@link DeliveryPostgresIT}). Each test sends its own
 * documents ({@link TestIds}) and looks only at them: the outbox is never emptied, nothing waits for another test's delivery.
 */
abstract class DeliveryScenarios extends GatewayIT {
  private static final List<String> FACILITIES = List.of("70001", "70002", "70003", "70011", "70100");

  @Autowired JdbcTemplate jdbc;
  @Autowired FacilitySigningKeys keys;
  @TempDir Path work;

  @AfterEach
  void restoreRegistrations() {
    keys.all().forEach((code, credential) -> simulator.state().certificates().register(code, credential.certificate()));
  }

  private Reply submit(String path, Map<String, Object> body, String facility) {
    try {
      return post(path, "application/json", JSON.writeValueAsString(body), "dev-" + facility);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode getWithKey(String path, String facility) {
    try {
      var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).header("X-Api-Key", "dev-" + facility).GET().build();
      return JSON.readTree(HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Integer> arrivals(String kind) {
    Map<String, Integer> arrivals = new HashMap<>();
    sim("GET", "/sim/received?kind=" + kind, null).body().forEach(n -> arrivals.put(n.get("id").asText(), n.get("arrivals").asInt()));
    return arrivals;
  }

  private Map<String, Integer> arrivalsOf(String kind, Set<String> ids) {
    Map<String, Integer> arrivals = arrivals(kind);
    arrivals.keySet().retainAll(ids);
    return arrivals;
  }

  private String status(String id) {
    return jdbc.queryForObject("select status from outbox where id = ?", String.class, id);
  }

  private void awaitStatus(Duration atMost, String status, String id) {
    await().atMost(atMost).until(() -> status.equals(status(id)));
  }

  /** How many of {@code ids} have {@code status}. */
  private long count(String status, List<String> ids) {
    String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    List<Object> args = new ArrayList<>(ids);
    args.add(0, status);
    return jdbc.queryForObject("select count(*) from outbox where status = ? and id in (" + in + ")", Long.class, args.toArray());
  }

  private String id(Reply reply) {
    assertThat(reply.status()).as(reply.text()).isIn(200, 202);
    return reply.body().get("id").asText();
  }

  @Test
  void twoHundredCertificatesAndTwoHundredCheckInsFromSixteenClientsAreAllAcceptedExactlyOnceAndVerifyWithXmlsec1() throws Exception {
    int perKind = 200;
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Reply>> replies = new ArrayList<>();
    Set<String> certificates = new HashSet<>();
    Set<String> checkIns = new HashSet<>();
    for (int i = 0; i < perKind; i++) {
      String facility = FACILITIES.get(i % FACILITIES.size());
      Map<String, Object> certificate = DocumentSamples.certificate(facility, TestIds.serial());
      Map<String, Object> checkIn = DocumentSamples.checkIn(facility, TestIds.episode(facility + "-LK"));
      certificates.add((String) certificate.get("number"));
      checkIns.add((String) checkIn.get("episodeId"));
      replies.add(pool.submit(() -> submit("/api/v1/driver-health-certificates", certificate, facility)));
      replies.add(pool.submit(() -> submit("/api/v1/check-ins", checkIn, facility)));
    }
    List<String> ids = new ArrayList<>();
    for (Future<Reply> reply : replies) {
      assertThat(reply.get().status()).as(reply.get().text()).isEqualTo(202);
      ids.add(reply.get().body().get("id").asText());
    }
    pool.shutdown();

    await().atMost(Duration.ofSeconds(120)).until(() -> count("ACCEPTED", ids) == 2L * perKind);

    assertThat(arrivalsOf("certificate", certificates)).hasSize(perKind).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
    assertThat(arrivalsOf("check-in", checkIns)).hasSize(perKind).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
    Path pki = Path.of("target", "test-data", "pki", "ca");
    for (String id : ids) {
      String signed = jdbc.queryForObject("select signed_document from outbox where id = ?", String.class, id);
      Path file = Files.createTempFile(work, "signed", ".xml");
      Files.writeString(file, signed, StandardCharsets.UTF_8);
      Process xmlsec1 = new ProcessBuilder("xmlsec1", "--verify", "--trusted-pem", pki.resolve("root.pem").toString(),
          "--untrusted-pem", pki.resolve("issuing.pem").toString(), file.toString()).redirectErrorStream(true).start();
      String output = new String(xmlsec1.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(xmlsec1.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(xmlsec1.exitValue()).as(output).isZero();
    }
  }

  @Test
  void portalFaultsAreRetriedUntilEverythingIsAcceptedOnce() {
    sim("POST", "/sim/faults", "{\"endpoint\":\"certificate\",\"kind\":\"status\",\"value\":503,\"count\":4}");
    sim("POST", "/sim/faults", "{\"endpoint\":\"check-in\",\"kind\":\"reset\",\"count\":3}");
    sim("POST", "/sim/tokens/expire", null);
    sim("POST", "/sim/faults", "{\"endpoint\":\"token\",\"kind\":\"refuse-token\",\"count\":2}");
    List<String> ids = new ArrayList<>();
    Set<String> numbers = new HashSet<>();
    Set<String> episodes = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      Map<String, Object> certificate = DocumentSamples.certificate("70001", TestIds.serial());
      Map<String, Object> checkIn = DocumentSamples.checkIn("70002", TestIds.episode("70002-FAULT"));
      numbers.add((String) certificate.get("number"));
      episodes.add((String) checkIn.get("episodeId"));
      ids.add(id(submit("/api/v1/driver-health-certificates", certificate, "70001")));
      ids.add(id(submit("/api/v1/check-ins", checkIn, "70002")));
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> count("ACCEPTED", ids) == 6);

    assertThat(arrivalsOf("certificate", numbers)).hasSize(3).allSatisfy((number, n) -> assertThat(n).as(number).isEqualTo(1));
    assertThat(arrivalsOf("check-in", episodes)).hasSize(3).allSatisfy((episode, n) -> assertThat(n).as(episode).isEqualTo(1));
    String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    assertThat(jdbc.queryForObject("select max(attempts) from outbox where id in (" + in + ")", Integer.class, ids.toArray())).isGreaterThan(1);
  }

  @Test
  void anOpenBreakerDefersDeliveryWithoutSpendingTheAttemptBudget() {
    breakers.circuitBreaker("check-in").transitionToForcedOpenState();
    String episode = TestIds.episode("70001-OPEN");
    String id = id(submit("/api/v1/check-ins", DocumentSamples.checkIn("70001", episode), "70001"));
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> String.valueOf(jdbc.queryForObject("select last_error from outbox where id = ?", String.class, id))
          .startsWith("GW-PORTAL-CIRCUIT-OPEN"));
      // longer than the test profile's whole retry budget (6 attempts, 100 ms doubling to 1 s): still waiting, nothing spent,
      // and never shown as SENT (nothing went out)
      await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8)).until(() ->
          jdbc.queryForObject("select attempts from outbox where id = ?", Integer.class, id) == 0
              && "SIGNED".equals(jdbc.queryForObject("select status from outbox where id = ?", String.class, id)));
    } finally {
      breakers.circuitBreaker("check-in").transitionToClosedState();
    }
    awaitStatus(Duration.ofSeconds(20), "ACCEPTED", id);
    assertThat(jdbc.queryForObject("select attempts from outbox where id = ?", Integer.class, id)).isEqualTo(1);
    assertThat(arrivals("check-in")).containsEntry(episode, 1);
  }

  @Test
  void aSlowPortalWithinTheDeliveryTimeLimitStillAccepts() {
    // slower than any eligibility lookup may take (3 s), well within a delivery's own time limit (25 s)
    sim("POST", "/sim/faults", "{\"endpoint\":\"check-in\",\"kind\":\"latency\",\"value\":5000,\"count\":1}");
    String episode = TestIds.episode("70001-SLOW");
    String id = id(submit("/api/v1/check-ins", DocumentSamples.checkIn("70001", episode), "70001"));

    awaitStatus(Duration.ofSeconds(40), "ACCEPTED", id);

    assertThat(arrivals("check-in")).containsEntry(episode, 1);
    assertThat(getWithKey("/api/v1/submissions/" + id, "70001").get("attempts").asInt()).isEqualTo(1);
  }

  @Test
  void aContentRefusalEndsRejectedWithTheReasonAndIsNotRetried() {
    sim("DELETE", "/sim/certificates?facilityCode=70003", null);
    String id = id(submit("/api/v1/driver-health-certificates", DocumentSamples.certificate("70003", TestIds.serial()), "70003"));

    awaitStatus(Duration.ofSeconds(30), "REJECTED", id);

    JsonNode status = getWithKey("/api/v1/submissions/" + id, "70003");
    assertThat(status.get("status").asText()).isEqualTo("REJECTED");
    assertThat(status.get("attempts").asInt()).isEqualTo(1);
    assertThat(status.get("lastError").asText()).contains("UNKNOWN_SIGNER");
  }

  @Test
  void aLongOutageDeadLettersAndAReplayDelivers() {
    sim("POST", "/sim/faults", "{\"endpoint\":\"certificate\",\"kind\":\"status\",\"value\":503}");
    Map<String, Object> certificate = DocumentSamples.certificate("70011", TestIds.serial());
    String id = id(submit("/api/v1/driver-health-certificates", certificate, "70011"));
    awaitStatus(Duration.ofSeconds(60), "DEAD_LETTER", id);
    JsonNode dead = getWithKey("/api/v1/submissions/" + id, "70011");
    assertThat(dead.get("lastError").asText()).isNotBlank();
    assertThat(jdbc.queryForObject("select signed_document from outbox where id = ?", String.class, id)).contains("<ds:Signature");

    sim("DELETE", "/sim/faults", null);
    breakers.getAllCircuitBreakers().forEach(io.github.resilience4j.circuitbreaker.CircuitBreaker::reset);
    Reply dryRun = post("/api/v1/admin/dead-letters/replay", "application/json", "{\"facilityCode\":\"70011\"}", "dev-admin");
    assertThat(dryRun.body().get("dryRun").asBoolean()).isTrue();
    assertThat(dryRun.body().get("ids")).extracting(JsonNode::asText).contains(id);
    assertThat(status(id)).as("a dry run changes nothing").isEqualTo("DEAD_LETTER");
    Reply replay = post("/api/v1/admin/dead-letters/" + id + "/replay", "application/json", "", "dev-admin");
    assertThat(replay.status()).as(replay.text()).isEqualTo(200);

    awaitStatus(Duration.ofSeconds(30), "ACCEPTED", id);
    assertThat(arrivals("certificate")).containsEntry((String) certificate.get("number"), 1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void certificatesOnTheCurrentMapWithoutADistrictAndWithTheCodesOfBeforeAreBothAccepted() {
    Map<String, Object> current = DocumentSamples.certificate("70001", TestIds.serial());
    ((Map<String, Object>) current.get("person")).put("address", Map.of("line", "Ấp 2, xã Đồng Phú, Đồng Nai", "provinceCode", "75", "communeCode", "25261"));
    Map<String, Object> before = DocumentSamples.certificate("70001", TestIds.serial());

    Reply currentReply = submit("/api/v1/driver-health-certificates", current, "70001");
    Reply beforeReply = submit("/api/v1/driver-health-certificates", before, "70001");

    awaitStatus(Duration.ofSeconds(30), "ACCEPTED", id(currentReply));
    awaitStatus(Duration.ofSeconds(30), "ACCEPTED", id(beforeReply));
    assertThat(currentReply.body().has("warnings")).as(currentReply.text()).isFalse();
    assertThat(beforeReply.body().get("warnings").toString()).contains("70 → 75", "697 dropped");
    String signed = jdbc.queryForObject("select signed_document from outbox where id = ?", String.class, id(beforeReply));
    assertThat(signed).as("the portal gets the current codes").contains("<MATINH_THUONGTRU>75</MATINH_THUONGTRU>").doesNotContain("697");
  }

  @Test
  void twoFacilitiesMayUseTheSameEpisodeIdAndEachCheckInIsAcceptedOnce() {
    String episode = TestIds.episode("SHARED");
    String first = id(submit("/api/v1/check-ins", DocumentSamples.checkIn("70001", episode), "70001"));
    String second = id(submit("/api/v1/check-ins", DocumentSamples.checkIn("70002", episode), "70002"));

    assertThat(second).isNotEqualTo(first);
    awaitStatus(Duration.ofSeconds(30), "ACCEPTED", first);
    awaitStatus(Duration.ofSeconds(30), "ACCEPTED", second);
    List<JsonNode> atThePortal = new ArrayList<>();
    sim("GET", "/sim/received?kind=check-in", null).body().forEach(n -> {
      if (n.get("id").asText().equals(episode)) {
        atThePortal.add(n);
      }
    });
    assertThat(atThePortal).extracting(n -> n.get("facilityCode").asText()).containsExactlyInAnyOrder("70001", "70002");
    assertThat(atThePortal).allSatisfy(n -> {
      assertThat(n.get("arrivals").asInt()).isEqualTo(1);
      assertThat(n.get("accepted").asInt()).isEqualTo(1);
    });
  }

  @Test
  void theSameDocumentTwiceReturnsTheFirstAndADifferentOneWithTheSameNumberConflicts() {
    Map<String, Object> certificate = DocumentSamples.certificate("70001", TestIds.serial());
    Reply first = submit("/api/v1/driver-health-certificates", certificate, "70001");
    Reply again = submit("/api/v1/driver-health-certificates", certificate, "70001");
    certificate.put("licenceClass", "C");
    Reply different = submit("/api/v1/driver-health-certificates", certificate, "70001");

    assertThat(first.status()).isEqualTo(202);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().get("id").asText()).isEqualTo(first.body().get("id").asText());
    assertThat(different.status()).isEqualTo(409);
    assertThat(different.body().get("code").asText()).isEqualTo("GW-DUPLICATE-CONFLICT");
  }

  @Test
  void anIdempotencyKeyReusedForAnotherDocumentConflicts() throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/check-ins"))
        .header("Content-Type", "application/json").header("X-Api-Key", "dev-70001").header("Idempotency-Key", TestIds.episode("his-req"));
    var first = HTTP.send(request.POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(DocumentSamples.checkIn("70001", TestIds.episode("IDEM"))))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    var other = HTTP.send(request.POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(DocumentSamples.checkIn("70001", TestIds.episode("IDEM"))))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(other.body()).get("code").asText()).isEqualTo("GW-IDEMPOTENCY-CONFLICT");
  }

  @Test
  void anAcceptedCertificateIsCorrectedWithEdit() {
    Map<String, Object> certificate = DocumentSamples.certificate("70002", TestIds.serial());
    String id = id(submit("/api/v1/driver-health-certificates", certificate, "70002"));
    awaitStatus(Duration.ofSeconds(30), "ACCEPTED", id);

    certificate.put("drugTest", "POSITIVE");
    Reply correction;
    try {
      var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/driver-health-certificates/" + id))
          .header("Content-Type", "application/json").header("X-Api-Key", "dev-70002")
          .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(certificate))).build();
      var response = HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      correction = new Reply(response.statusCode(), Map.of(), JSON.readTree(response.body()), response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }

    assertThat(correction.status()).as(correction.text()).isEqualTo(202);
    String edit = correction.body().get("id").asText();
    awaitStatus(Duration.ofSeconds(30), "ACCEPTED", edit);
    assertThat(arrivals("certificate")).containsEntry(certificate.get("number").toString(), 2);
    assertThat(jdbc.queryForObject("select operation from outbox where id = ?", String.class, edit)).isEqualTo("EDIT");
  }

  @Test
  void anotherFacilitysEligibilityCheckNeverFillsACheckInsCard() throws Exception {
    JsonNode citizen = citizen("000");
    Reply eligibility = postEligibility(requestFor(citizen), apiKeyFor(citizen));
    assertThat(eligibility.status()).isEqualTo(200);
    String other = citizen.get("facilityCode").asText().equals("70001") ? "70002" : "70001";
    Map<String, Object> checkIn = DocumentSamples.checkIn(other, TestIds.episode("NOT-MINE"));
    checkIn.remove("cardNumber");
    checkIn.put("cccd", citizen.get("cccd").asText());
    checkIn.put("birthDate", citizen.get("birthDate").asText());
    checkIn.put("sex", citizen.get("sex").asText());

    Reply reply = submit("/api/v1/check-ins", checkIn, other);

    assertThat(reply.status()).as(reply.text()).isEqualTo(202);
    assertThat(reply.body().has("warnings")).as(reply.text()).isFalse();
    awaitStatus(Duration.ofSeconds(30), "ACCEPTED", id(reply));
    assertThat(jdbc.queryForObject("select signed_document from outbox where id = ?", String.class, id(reply)))
        .as("the card of another facility's check is not in it").doesNotContain(eligibility.body().at("/card/number").asText());
  }

  @Test
  void aCheckInWithoutCardFieldsTakesThemFromTheLatestEligibilityCheck() throws Exception {
    JsonNode citizen = citizen("000");
    String facility = citizen.get("facilityCode").asText();
    Reply eligibility = postEligibility(requestFor(citizen), apiKeyFor(citizen));
    assertThat(eligibility.status()).isEqualTo(200);
    String episode = TestIds.episode("AUTOFILL");
    Map<String, Object> checkIn = DocumentSamples.checkIn(facility, episode);
    checkIn.remove("cardNumber");
    // the citizen's own CCCD, birth date and sex: a CCCD is checked against the other two
    checkIn.put("cccd", citizen.get("cccd").asText());
    checkIn.put("fullName", citizen.get("fullName").asText());
    checkIn.put("birthDate", citizen.get("birthDate").asText());
    checkIn.put("sex", citizen.get("sex").asText());

    Reply reply = submit("/api/v1/check-ins", checkIn, facility);
    assertThat(reply.status()).as(reply.text()).isEqualTo(202);
    awaitStatus(Duration.ofSeconds(30), "ACCEPTED", id(reply));

    assertThat(reply.body().get("warnings").get(0).asText()).contains("latest eligibility check");
    String signed = jdbc.queryForObject("select signed_document from outbox where id = ?", String.class, id(reply));
    assertThat(signed).contains("<MA_THE_BHYT>" + eligibility.body().at("/card/number").asText() + "</MA_THE_BHYT>")
        .contains("<MA_DKBD>" + eligibility.body().at("/card/registeredFacility").asText() + "</MA_DKBD>");
  }

  @Test
  void aFacilityCannotSubmitOrReadForAnother() {
    Reply forOther = submit("/api/v1/check-ins", DocumentSamples.checkIn("70002", TestIds.episode("OTHER")), "70001");
    String mine = TestIds.episode("MINE");
    String id = id(submit("/api/v1/check-ins", DocumentSamples.checkIn("70001", mine), "70001"));

    assertThat(forOther.status()).isEqualTo(403);
    assertThat(getWithKey("/api/v1/submissions/" + id, "70002").get("code").asText()).isEqualTo("GW-FACILITY-FORBIDDEN");
    assertThat(getWithKey("/api/v1/submissions/" + java.util.UUID.randomUUID(), "70002").get("code").asText()).isEqualTo("GW-SUBMISSION-NOT-FOUND");
    assertThat(getWithKey("/api/v1/submissions/" + id, "70001").get("episodeId").asText()).isEqualTo(mine);
  }

  @Test
  void adminEndpointsRefuseFacilityKeys() {
    Reply reply = post("/api/v1/admin/dead-letters/replay", "application/json", "{}", "dev-70001");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.body().get("code").asText()).isEqualTo("GW-ADMIN-ONLY");
  }
}
