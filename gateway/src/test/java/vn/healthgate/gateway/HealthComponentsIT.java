package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.healthgate.gateway.config.GatewayProperties;
import vn.healthgate.gateway.operations.GatewayHealthIndicators;
import vn.healthgate.gateway.pki.FacilitySigningKeys;
import vn.healthgate.routes.delivery.OutboxRoutes;

/** Each health component: a fault in the simulator (or the state it watches) turns it DOWN, clearing the fault brings it back UP. */
class HealthComponentsIT extends GatewayIT {
  @Autowired JdbcTemplate jdbc;
  @Autowired CamelContext camel;
  @Autowired FacilitySigningKeys keys;
  @Autowired GatewayProperties properties;

  @BeforeEach
  void emptyOutbox() {
    jdbc.update("delete from outbox");
  }

  @AfterEach
  void clearFaults() throws Exception {
    sim("DELETE", "/sim/faults", null);
    camel.getRouteController().startRoute(OutboxRoutes.POLL_ROUTE_ID);
  }

  private JsonNode component(String name) {
    Reply reply = getAsAdmin("/actuator/health/" + name);
    assertThat(reply.body()).as(reply.text()).isNotNull();
    return reply.body();
  }

  private String status(String name) {
    return component(name).get("status").asText();
  }

  private void awaitStatus(String name, String status, Runnable meanwhile) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
      meanwhile.run();
      return status.equals(status(name));
    });
  }

  private void checkOnce() {
    JsonNode citizen = citizen("000");
    postEligibility(requestFor(citizen), apiKeyFor(citizen));
  }

  private String submitCheckIn(String episode) throws Exception {
    return post("/api/v1/check-ins", "application/json", JSON.writeValueAsString(DocumentSamples.checkIn("70001", episode)), "dev-70001").body().get("id").asText();
  }

  @Test
  void everyComponentIsListedAndOnlyAdminsSeeDetails() {
    JsonNode asAdmin = getAsAdmin("/actuator/health").body();
    assertThat(asAdmin.get("components").fieldNames()).toIterable()
        .contains("camelRoutes", "circuitBreakers", "outbox", "deadLetters", "signingCertificates", "portalToken", "portalRoundTrip", "db", "livenessState", "readinessState");
    assertThat(asAdmin.at("/components/outbox/details").isMissingNode()).isFalse();
    JsonNode anonymous = get("/actuator/health").body();
    assertThat(anonymous.at("/components/outbox/status").asText()).isNotEmpty();
    assertThat(anonymous.at("/components/outbox/details").isMissingNode()).as("no details without an admin identity").isTrue();
    assertThat(get("/actuator/health/readiness").body().get("components").fieldNames()).toIterable().containsExactlyInAnyOrder("camelRoutes", "db", "readinessState");
    assertThat(status("db")).isEqualTo("UP");
  }

  @Test
  void aStoppedRouteTurnsCamelRoutesAndReadinessDown() throws Exception {
    assertThat(status("camelRoutes")).isEqualTo("UP");
    camel.getRouteController().stopRoute(OutboxRoutes.POLL_ROUTE_ID);
    assertThat(status("camelRoutes")).isEqualTo("DOWN");
    assertThat(component("camelRoutes").at("/details/routes/" + OutboxRoutes.POLL_ROUTE_ID).asText()).isEqualTo("Stopped");
    Reply readiness = get("/actuator/health/readiness");
    assertThat(readiness.status()).as(readiness.text()).isEqualTo(503);

    camel.getRouteController().startRoute(OutboxRoutes.POLL_ROUTE_ID);
    assertThat(status("camelRoutes")).isEqualTo("UP");
    assertThat(get("/actuator/health/readiness").status()).isEqualTo(200);
  }

  @Test
  void aFailingCardLookupOpensItsBreakerAndTurnsCircuitBreakersDown() {
    sim("POST", "/sim/faults", "{\"endpoint\":\"card-lookup\",\"kind\":\"status\",\"value\":503,\"count\":1000}");
    awaitStatus("circuitBreakers", "DOWN", this::checkOnce);
    assertThat(component("circuitBreakers").at("/details/card-lookup/details/state").asText()).as(component("circuitBreakers").toString()).isEqualTo("OPEN");

    sim("DELETE", "/sim/faults", null);
    awaitStatus("circuitBreakers", "UP", this::checkOnce);
  }

  @Test
  void aDeliveryHeldUpLongerThanTheThresholdTurnsOutboxDown() throws Exception {
    assertThat(status("outbox")).isEqualTo("UP");
    sim("POST", "/sim/faults", "{\"endpoint\":\"check-in\",\"kind\":\"latency\",\"value\":8000,\"count\":1}");
    submitCheckIn("HEALTH-SLOW-" + System.nanoTime());

    awaitStatus("outbox", "DOWN", () -> {});
    assertThat(component("outbox").at("/details/pendingByFacility/70001").asLong()).isEqualTo(1);

    awaitStatus("outbox", "UP", () -> {});
    assertThat(component("outbox").at("/details/pending").asLong()).isZero();
  }

  @Test
  void aDeadLetterTurnsDeadLettersDownAndItsReplayBringsItBack() throws Exception {
    assertThat(status("deadLetters")).isEqualTo("UP");
    sim("POST", "/sim/faults", "{\"endpoint\":\"check-in\",\"kind\":\"status\",\"value\":503,\"count\":1000}");
    String id = submitCheckIn("HEALTH-DL-" + System.nanoTime());

    awaitStatus("deadLetters", "DOWN", () -> {});
    assertThat(component("deadLetters").at("/details/byFacility/70001").asLong()).isEqualTo(1);

    sim("DELETE", "/sim/faults", null);
    breakers.getAllCircuitBreakers().forEach(io.github.resilience4j.circuitbreaker.CircuitBreaker::reset);
    assertThat(post("/api/v1/admin/dead-letters/" + id + "/replay", "application/json", "", "dev-admin").status()).isEqualTo(200);
    awaitStatus("deadLetters", "UP", () -> {});
  }

  @Test
  void refusedTokensTurnPortalTokenDown() {
    checkOnce();
    assertThat(status("portalToken")).isEqualTo("UP");
    sim("POST", "/sim/tokens/expire", null);
    sim("POST", "/sim/faults", "{\"endpoint\":\"token\",\"kind\":\"refuse-token\",\"count\":1000}");
    awaitStatus("portalToken", "DOWN", this::checkOnce);
    assertThat(component("portalToken").at("/details/lastFailure").asText()).isNotEqualTo("null");

    sim("DELETE", "/sim/faults", null);
    breakers.getAllCircuitBreakers().forEach(io.github.resilience4j.circuitbreaker.CircuitBreaker::reset);
    awaitStatus("portalToken", "UP", this::checkOnce);
  }

  @Test
  void aPortalThatStopsAnsweringTurnsPortalRoundTripDownAfterTheSilenceThreshold() {
    checkOnce();
    assertThat(status("portalRoundTrip")).isEqualTo("UP");
    sim("POST", "/sim/faults", "{\"endpoint\":\"*\",\"kind\":\"status\",\"value\":502,\"count\":100000}");
    awaitStatus("portalRoundTrip", "DOWN", this::checkOnce);
    assertThat(component("portalRoundTrip").at("/details/secondsSinceLastSuccess").asLong())
        .isGreaterThanOrEqualTo(properties.health().portalSilenceDown().toSeconds());

    sim("DELETE", "/sim/faults", null);
    breakers.getAllCircuitBreakers().forEach(io.github.resilience4j.circuitbreaker.CircuitBreaker::reset);
    awaitStatus("portalRoundTrip", "UP", this::checkOnce);
  }

  @Test
  void signingCertificatesWarnThirtyDaysBeforeExpiryAndGoDownAfter() {
    assertThat(status("signingCertificates")).isEqualTo("UP");
    Duration untilExpiry = Duration.between(clock.instant(), keys.all().values().stream()
        .map(c -> c.certificate().getNotAfter().toInstant()).min(java.time.Instant::compareTo).orElseThrow());

    var inTwentyDays = GatewayHealthIndicators.signingCertificates(keys, Clock.offset(clock, untilExpiry.minusDays(20)), properties.health()).health();
    var afterExpiry = GatewayHealthIndicators.signingCertificates(keys, Clock.offset(clock, untilExpiry.plusDays(1)), properties.health()).health();

    assertThat(inTwentyDays.getStatus()).isEqualTo(GatewayHealthIndicators.WARNING);
    assertThat(afterExpiry.getStatus()).isEqualTo(Status.DOWN);
    assertThat(((Map<?, ?>) afterExpiry.getDetails().get("facilities")).keySet()).map(Object::toString).contains("70001", "70002");
  }
}
