package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A two-minute portal outage is ridden out by the retry budget: everything ends ACCEPTED, once. The two minutes pass on
 * the clock the gateway, its breakers and the simulator share, in five-second steps, each step waiting until every
 * document due has been tried: the same retries as in real time, in a fraction of it.
 */
@TestPropertySource(properties = {
    "gateway.data-dir=./target/test-data-outage",
    "gateway.outbox.max-retry-delay=5s",
    "gateway.outbox.max-attempts=60"})
class LongOutageIT extends GatewayIT {
  private static final Duration OUTAGE = Duration.ofMinutes(2);
  private static final Duration STEP = Duration.ofSeconds(5);

  @Autowired JdbcTemplate jdbc;

  @Test
  void twoMinuteOutageEndsWithEverythingAcceptedExactlyOnce() throws Exception {
    jdbc.update("delete from outbox");
    Instant outageEnds = clock.instant().plus(OUTAGE); // the simulator's own end is a moment later
    sim("POST", "/sim/faults", "{\"endpoint\":\"*\",\"kind\":\"status\",\"value\":503,\"seconds\":" + OUTAGE.toSeconds() + "}");
    for (int i = 0; i < 10; i++) {
      String facility = i % 2 == 0 ? "70001" : "70011";
      assertThat(post("/api/v1/driver-health-certificates", "application/json", JSON.writeValueAsString(DocumentSamples.certificate(facility, 700 + i)), "dev-" + facility).status()).isEqualTo(202);
      assertThat(post("/api/v1/check-ins", "application/json", JSON.writeValueAsString(DocumentSamples.checkIn(facility, "OUTAGE-" + i)), "dev-" + facility).status()).isEqualTo(202);
    }
    // every document meets the outage (a 503, or a wait behind the open breaker, which spends no attempt), and some are retried
    await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from outbox where last_error is null", Long.class) == 0
        && jdbc.queryForObject("select max(attempts) from outbox", Integer.class) >= 2);

    while (clock.instant().plus(STEP).isBefore(outageEnds)) {
      ((MutableClock) clock).advance(STEP);
      await().atMost(Duration.ofSeconds(30)).until(this::everythingDueTried);
      assertThat(jdbc.queryForObject("select count(*) from outbox where status = 'ACCEPTED'", Long.class)).as("accepted during the outage").isZero();
    }
    ((MutableClock) clock).advance(Duration.between(clock.instant(), outageEnds).plus(STEP));

    await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from outbox where status = 'ACCEPTED'", Long.class) == 20);
    assertThat(jdbc.queryForObject("select count(*) from outbox where status in ('DEAD_LETTER', 'REJECTED')", Long.class)).isZero();
    assertThat(jdbc.queryForObject("select max(attempts) from outbox", Integer.class)).as("retries spread over the outage").isGreaterThanOrEqualTo(5);
    Map<String, Integer> arrivals = new HashMap<>();
    for (String kind : new String[] {"certificate", "check-in"}) {
      sim("GET", "/sim/received?kind=" + kind, null).body().forEach(n -> arrivals.put(n.get("id").asText(), n.get("arrivals").asInt()));
    }
    assertThat(arrivals).hasSize(20);
    assertThat(arrivals.values()).containsOnly(1);
  }

  /** No unfinished document is due now on the shared clock or held by a claim. */
  private boolean everythingDueTried() {
    return jdbc.queryForObject("select count(*) from outbox where status not in ('ACCEPTED', 'REJECTED', 'DEAD_LETTER')"
        + " and (next_attempt_at <= ? or claimed_by is not null)", Long.class, Timestamp.from(clock.instant())) == 0;
  }
}
