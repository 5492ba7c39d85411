package vn.healthgate.routes.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.simulator.PortalSimulator;
import vn.healthgate.simulator.SimulatorSettings;
import vn.healthgate.simulator.data.Citizen;
import vn.healthgate.simulator.data.Facilities;

/** The portal client against the real simulator over loopback HTTP. */
class PortalClientIT {
  static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.now());
  static final Clock CLOCK = new Clock() {
    @Override public Instant instant() { return NOW.get(); }
    @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
  };
  static PortalSimulator simulator;
  static final PortalAccount ACCOUNT = new PortalAccount("70001_BV", PasswordHash.md5UpperHex(Facilities.devBvPassword("70001")));

  PortalClient client;

  @BeforeAll
  static void startSimulator() {
    simulator = PortalSimulator.start(SimulatorSettings.defaults().withPort(0).withClock(CLOCK));
  }

  @AfterAll
  static void stopSimulator() {
    simulator.close();
  }

  @BeforeEach
  void newClient() {
    simulator.state().reset();
    client = new PortalClient(new PortalSettings(URI.create(simulator.baseUrl()), Duration.ofSeconds(1), Duration.ofSeconds(3),
        Duration.ofSeconds(60), Duration.ofMinutes(50), Duration.ofSeconds(20)), CLOCK);
  }

  private static CardLookupRequest requestFor(Citizen citizen) {
    var officer = citizen.presented().officer();
    String birth = citizen.presented().birthDate();
    String portalBirth = birth.length() == 4 ? birth : birth.substring(8, 10) + "/" + birth.substring(5, 7) + "/" + birth.substring(0, 4);
    return new CardLookupRequest(citizen.registry().cccd(), citizen.presented().fullName(), portalBirth, officer.fullName(), officer.cccd());
  }

  private static Citizen citizen(String code) {
    return simulator.state().population().all().stream()
        .filter(c -> c.expectedCode().equals(code) && c.presented().facilityCode().equals("70001"))
        .findFirst().orElseThrow();
  }

  @Test
  void anEndpointIsPausedWhileItsBreakerIsOpenAndAskingKeepsNoHalfOpenPermission() {
    CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.custom()
        .waitDurationInOpenState(Duration.ofSeconds(30)).permittedNumberOfCallsInHalfOpenState(1).build());
    try (ResilientPortal portal = new ResilientPortal(client, breakers, TimeLimiterRegistry.ofDefaults())) {
      assertThat(portal.pausedFor(PortalEndpoint.CHECK_IN)).isEmpty();

      portal.breaker(PortalEndpoint.CHECK_IN).transitionToOpenState();
      assertThat(portal.pausedFor(PortalEndpoint.CHECK_IN)).contains(Duration.ofSeconds(30));
      assertThat(portal.pausedFor(PortalEndpoint.CERTIFICATE)).isEmpty();

      portal.breaker(PortalEndpoint.CHECK_IN).transitionToHalfOpenState();
      assertThat(portal.pausedFor(PortalEndpoint.CHECK_IN)).isEmpty();
      assertThat(portal.pausedFor(PortalEndpoint.CHECK_IN)).as("the one half-open call is still there for the real send").isEmpty();
      assertThat(portal.breaker(PortalEndpoint.CHECK_IN).tryAcquirePermission()).isTrue();
    }
  }

  @Test
  void reusesOneTokenForManyLookups() {
    for (int i = 0; i < 5; i++) {
      assertThat(client.lookupCard(ACCOUNT, requestFor(citizen("000"))).maKetQua()).isEqualTo("000");
    }
    assertThat(simulator.state().tokens().issuedCount()).isEqualTo(1);
  }

  @Test
  void concurrentFirstLookupsAskForASingleToken() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<CardLookupReply>> replies = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        replies.add(pool.submit(() -> client.lookupCard(ACCOUNT, requestFor(citizen("000")))));
      }
      for (Future<CardLookupReply> reply : replies) {
        assertThat(reply.get().maKetQua()).isEqualTo("000");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(simulator.state().tokens().issuedCount()).isEqualTo(1);
  }

  @Test
  void renewsTheTokenShortlyBeforeItExpires() {
    client.lookupCard(ACCOUNT, requestFor(citizen("000")));
    NOW.updateAndGet(t -> t.plus(Duration.ofMinutes(9).plusSeconds(1)));

    assertThat(client.lookupCard(ACCOUNT, requestFor(citizen("000"))).maKetQua()).isEqualTo("000");
    assertThat(simulator.state().tokens().issuedCount()).isEqualTo(2);
  }

  @Test
  void retriesOnceWithAFreshTokenWhenThePortalRefusesTheToken() {
    client.lookupCard(ACCOUNT, requestFor(citizen("000")));
    simulator.state().tokens().expireAll();

    assertThat(client.lookupCard(ACCOUNT, requestFor(citizen("000"))).maKetQua()).isEqualTo("000");
    assertThat(simulator.state().tokens().issuedCount()).isEqualTo(2);
    assertThat(simulator.state().requestCount("card-lookup")).isEqualTo(3);
  }

  @Test
  void wrongPasswordIsALoginRefusal() {
    PortalAccount wrong = new PortalAccount("70001_BV", PasswordHash.md5UpperHex("wrong"));
    assertThatThrownBy(() -> client.lookupCard(wrong, requestFor(citizen("000")))).isInstanceOf(PortalLoginRefusedException.class);
  }

  @Test
  void resilientPortalTurnsA503IntoARetryableGatewayError() {
    ResilientPortal portal = new ResilientPortal(client, CircuitBreakerRegistry.ofDefaults(),
        TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(2)).build()));
    simulator.state().faults().add("card-lookup", vn.healthgate.simulator.Faults.Kind.STATUS, 503, 1, null);

    assertThatThrownBy(() -> portal.lookupCard(ACCOUNT, requestFor(citizen("000"))))
        .isInstanceOfSatisfying(GatewayException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(ErrorCode.PORTAL_UNAVAILABLE);
          assertThat(e.retryAfter()).isPresent();
        });
    portal.close();
  }
}
