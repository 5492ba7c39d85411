package vn.healthgate.gateway.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import vn.healthgate.gateway.pki.FacilitySigningKeys;
import vn.healthgate.routes.delivery.DeliveryEvents;
import vn.healthgate.routes.eligibility.EligibilityEvents;
import vn.healthgate.routes.delivery.DocumentKind;
import vn.healthgate.routes.portal.PortalEndpoint;

/**
 * The gateway's own metrics (Camel's route metrics and Resilience4j's breaker metrics come from
 * their Micrometer bindings). Labels are facility codes, portal endpoints, portal result codes,
 * outcomes and error codes: never a person. Names as Prometheus shows them are listed in
 * {@code docs/operations.md}. Delivery routes tell it how each attempt ended ({@link DeliveryEvents}), eligibility how each check was answered ({@link EligibilityEvents}).
 */
public class GatewayMetrics implements DeliveryEvents, EligibilityEvents {
  private final MeterRegistry registry;
  private final TrafficHistory history;

  public GatewayMetrics(MeterRegistry registry, TrafficHistory history) {
    this.registry = registry;
    this.history = history;
  }

  /** One eligibility check answered: {@code portalCode} null when the portal was not reached (input error, outage). */
  @Override
  public void checked(String facility, String portalCode, String outcome, Duration took) {
    Counter.builder("gateway.eligibility.checks").description("Eligibility checks by facility, portal result code and outcome")
        .tag("facility", facility == null ? "unknown" : facility).tag("portal_code", portalCode == null ? "none" : portalCode).tag("outcome", outcome)
        .register(registry).increment();
    Timer.builder("gateway.eligibility.latency").description("Time to answer an eligibility check").tag("outcome", outcome)
        .register(registry).record(took);
    history.record("eligibility", took.toMillis(), portalCode != null);
  }

  /**
   * One delivery attempt ended: {@code ACCEPTED}, {@code REJECTED}, {@code RETRY}, {@code DEFERRED} (the endpoint's breaker
   * was open: nothing sent) or {@code DEAD_LETTER}; {@code kind} {@code CHECK_IN} or {@code CERTIFICATE} (ADR 0015: the Java names).
   */
  @Override
  public void attemptEnded(DocumentKind kind, String facility, Outcome outcome, Duration took) {
    Counter.builder("gateway.deliveries").description("Delivery attempts by kind, facility and outcome")
        .tag("kind", kind.name()).tag("facility", facility).tag("outcome", outcome.name()).register(registry).increment();
    history.record("delivery", took.toMillis(), outcome == Outcome.ACCEPTED || outcome == Outcome.REJECTED);
  }

  /** Gauges read when scraped: backlog and dead letters per facility, the oldest pending age, certificate expiry, portal silence. */
  public void bindGauges(Collection<String> facilities, OutboxStatistics statistics, FacilitySigningKeys keys, PortalActivity portal, Clock clock) {
    for (String facility : facilities) {
      Gauge.builder("gateway.outbox.pending", statistics, s -> backlog(s, facility).pending()).description("Documents not yet delivered")
          .tag("facility", facility).register(registry);
      Gauge.builder("gateway.outbox.dead.letters", statistics, s -> backlog(s, facility).deadLetters()).description("Dead-lettered documents")
          .tag("facility", facility).register(registry);
      keys.certificate(facility).ifPresent(certificate -> Gauge.builder("gateway.signing.certificate.expiry.seconds", clock,
              c -> Duration.between(c.instant(), certificate.getNotAfter().toInstant()).toSeconds())
          .description("Seconds until the facility's signing certificate expires").tag("facility", facility).register(registry));
    }
    Gauge.builder("gateway.outbox.oldest.pending.age.seconds", statistics, s -> s.snapshot().oldestPendingAge().toSeconds())
        .description("Age of the oldest document not yet delivered").register(registry);
    for (PortalEndpoint endpoint : PortalEndpoint.values()) {
      Gauge.builder("gateway.portal.last.success.age.seconds", portal, p -> {
        Instant last = p.endpoint(endpoint.id()).lastSuccess();
        return last == null ? Double.NaN : Duration.between(last, clock.instant()).toSeconds();
      }).description("Seconds since the portal endpoint last answered successfully (NaN: not since start)").tag("endpoint", endpoint.id()).register(registry);
    }
  }

  private static OutboxStatistics.FacilityBacklog backlog(OutboxStatistics statistics, String facility) {
    return statistics.snapshot().byFacility().getOrDefault(facility, new OutboxStatistics.FacilityBacklog(facility, 0, null, 0));
  }
}
