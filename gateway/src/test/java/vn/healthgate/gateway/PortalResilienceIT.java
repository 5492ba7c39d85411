package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The portal slow, down or refusing: the reception desk gets a fast, honest 503; the breaker opens and closes again. */
class PortalResilienceIT extends GatewayIT {
  @org.springframework.beans.factory.annotation.Autowired io.github.resilience4j.timelimiter.TimeLimiterRegistry timeLimiters;

  @Test
  void portalDownAnswers503WithRetryAfter() {
    sim("POST", "/sim/faults", "{\"endpoint\":\"card-lookup\",\"kind\":\"status\",\"value\":503}");
    JsonNode citizen = citizen("000");

    Reply reply = postEligibility(requestFor(citizen), apiKeyFor(citizen));

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.body().get("code").asText()).isEqualTo("GW-PORTAL-UNAVAILABLE");
    assertThat(reply.header("Retry-After")).matches("\\d+");
  }

  @Test
  void aSlowPortalIsCutOffByTheTimeLimiterAnd503IsAnswered() {
    sim("POST", "/sim/faults", "{\"endpoint\":\"card-lookup\",\"kind\":\"latency\",\"value\":10000,\"count\":1}");
    JsonNode citizen = citizen("000");
    AtomicInteger timeouts = new AtomicInteger();
    timeLimiters.timeLimiter("card-lookup").getEventPublisher().onTimeout(event -> timeouts.incrementAndGet());

    Reply reply = postEligibility(requestFor(citizen), apiKeyFor(citizen));

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.body().get("code").asText()).isEqualTo("GW-PORTAL-TIMEOUT");
    assertThat(reply.header("Retry-After")).matches("\\d+");
    assertThat(timeouts).as("the card-lookup time limiter cut the call off, rather than the portal answering late").hasValue(1);
  }

  @Test
  void connectionResetAnswers503() {
    sim("POST", "/sim/faults", "{\"endpoint\":\"card-lookup\",\"kind\":\"reset\",\"count\":1}");
    JsonNode citizen = citizen("000");

    Reply reply = postEligibility(requestFor(citizen), apiKeyFor(citizen));

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.body().get("code").asText()).isEqualTo("GW-PORTAL-UNAVAILABLE");
  }

  @Test
  void breakerOpensWhileThePortalFailsAndClosesAfterItRecovers() {
    JsonNode citizen = citizen("000");
    CircuitBreaker breaker = breakers.circuitBreaker("card-lookup");
    sim("POST", "/sim/faults", "{\"endpoint\":\"card-lookup\",\"kind\":\"status\",\"value\":500}");

    await().atMost(Duration.ofSeconds(20)).until(() -> {
      Reply reply = postEligibility(requestFor(citizen), apiKeyFor(citizen));
      return reply.status() == 503 && "GW-PORTAL-CIRCUIT-OPEN".equals(reply.body().get("code").asText());
    });
    assertThat(breaker.getState()).isIn(CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN);
    long lookupsWhileOpen = portalLookups();
    Reply refused = postEligibility(requestFor(citizen), apiKeyFor(citizen));
    if (breaker.getState() == CircuitBreaker.State.OPEN) {
      assertThat(refused.body().get("code").asText()).isEqualTo("GW-PORTAL-CIRCUIT-OPEN");
      assertThat(portalLookups()).isEqualTo(lookupsWhileOpen);
    }

    sim("DELETE", "/sim/faults", null);

    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
        postEligibility(requestFor(citizen), apiKeyFor(citizen)).status() == 200);
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void tokenExpiringBeforeTheNextLookupIsRenewedWithoutTheCallerNoticing() {
    JsonNode citizen = citizen("000");
    assertThat(postEligibility(requestFor(citizen), apiKeyFor(citizen)).status()).isEqualTo(200);
    long tokens = simulator.state().tokens().issuedCount();

    ((MutableClock) clock).advance(Duration.ofMinutes(9).plusSeconds(30));
    Reply reply = postEligibility(requestFor(citizen), apiKeyFor(citizen));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().get("portalCode").asText()).isEqualTo("000");
    assertThat(simulator.state().tokens().issuedCount()).isEqualTo(tokens + 1);
  }

  @Test
  void tokenRevokedByThePortalMidRunIsRenewedAndTheLookupRetriedOnce() {
    JsonNode citizen = citizen("000");
    assertThat(postEligibility(requestFor(citizen), apiKeyFor(citizen)).status()).isEqualTo(200);
    long tokens = simulator.state().tokens().issuedCount();
    long lookups = portalLookups();

    sim("POST", "/sim/tokens/expire", null);
    Reply reply = postEligibility(requestFor(citizen), apiKeyFor(citizen));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().get("portalCode").asText()).isEqualTo("000");
    assertThat(simulator.state().tokens().issuedCount()).isEqualTo(tokens + 1);
    assertThat(portalLookups()).isEqualTo(lookups + 2);
  }

  @Test
  void portalRefusingTokensAnswers503LoginRefused() {
    sim("POST", "/sim/tokens/expire", null);
    sim("POST", "/sim/faults", "{\"endpoint\":\"token\",\"kind\":\"refuse-token\",\"count\":5}");
    JsonNode citizen = citizen("000");

    Reply reply = postEligibility(requestFor(citizen), apiKeyFor(citizen));

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.body().get("code").asText()).isEqualTo("GW-PORTAL-LOGIN-REFUSED");
    assertThat(reply.header("Retry-After")).matches("\\d+");
  }

  @Test
  void fhirPortalDownIsA503OperationOutcome() {
    sim("POST", "/sim/faults", "{\"endpoint\":\"card-lookup\",\"kind\":\"status\",\"value\":503,\"count\":1}");
    JsonNode citizen = citizen("000");

    Reply reply = post("/fhir/CoverageEligibilityRequest/$submit", "application/fhir+json", FhirTestSupport.eligibilityRequest(citizen), apiKeyFor(citizen));

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.header("Retry-After")).matches("\\d+");
    assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isEqualTo("GW-PORTAL-UNAVAILABLE");
    assertThat(reply.body().at("/issue/0/code").asText()).isEqualTo("transient");
  }
}
