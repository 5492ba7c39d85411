package vn.healthgate.gateway.operations;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import vn.healthgate.gateway.config.GatewayProperties;
import vn.healthgate.gateway.pki.FacilitySigningKeys;
import vn.healthgate.routes.portal.PortalClient;
import vn.healthgate.routes.portal.PortalEndpoint;

/**
 * The gateway's own health components (beside Spring's {@code db} and Resilience4j's
 * {@code circuitBreakers}); what each means and what to do is in {@code docs/operations.md}.
 * Each is a small function of the state it reads, so it can be tested with a fixed clock.
 */
public final class GatewayHealthIndicators {
  /** Up, but an admin should act soon (a certificate close to expiry). Answered with HTTP 200. */
  public static final Status WARNING = new Status("WARNING");

  private GatewayHealthIndicators() {}

  /** {@code camelRoutes}: every Camel route started. */
  public static HealthIndicator camelRoutes(CamelContext camel) {
    return () -> {
      Map<String, Object> routes = new LinkedHashMap<>();
      boolean allStarted = !camel.getRoutes().isEmpty();
      for (Route route : camel.getRoutes()) {
        ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
        routes.put(route.getRouteId(), status == null ? "Unknown" : status.name());
        allStarted &= status == ServiceStatus.Started;
      }
      return (allStarted ? Health.up() : Health.down()).withDetail("routes", routes).build();
    };
  }

  /** {@code outbox}: documents waiting, and the oldest against {@code gateway.health.backlog-age-down}. */
  public static HealthIndicator outbox(OutboxStatistics statistics, GatewayProperties.Health thresholds) {
    return () -> {
      OutboxStatistics.Snapshot snapshot = statistics.snapshot();
      Duration oldest = snapshot.oldestPendingAge();
      Map<String, Long> byFacility = new LinkedHashMap<>();
      snapshot.byFacility().values().stream().filter(b -> b.pending() > 0).forEach(b -> byFacility.put(b.facilityCode(), b.pending()));
      return (oldest.compareTo(thresholds.backlogAgeDown()) > 0 ? Health.down() : Health.up())
          .withDetail("pending", snapshot.pending())
          .withDetail("oldestPendingAgeSeconds", oldest.toSeconds())
          .withDetail("downWhenOlderThanSeconds", thresholds.backlogAgeDown().toSeconds())
          .withDetail("pendingByFacility", byFacility)
          .build();
    };
  }

  /** {@code deadLetters}: documents that exhausted their retries and wait for an admin. */
  public static HealthIndicator deadLetters(OutboxStatistics statistics, GatewayProperties.Health thresholds) {
    return () -> {
      OutboxStatistics.Snapshot snapshot = statistics.snapshot();
      Map<String, Long> byFacility = new LinkedHashMap<>();
      snapshot.byFacility().values().stream().filter(b -> b.deadLetters() > 0).forEach(b -> byFacility.put(b.facilityCode(), b.deadLetters()));
      boolean down = thresholds.deadLettersDown() > 0 && snapshot.deadLetters() >= thresholds.deadLettersDown();
      return (down ? Health.down() : Health.up()).withDetail("deadLetters", snapshot.deadLetters()).withDetail("byFacility", byFacility).build();
    };
  }

  /** {@code signingCertificates}: each facility's signing certificate; WARNING within {@code certificate-warning} of expiry, DOWN once expired. */
  public static HealthIndicator signingCertificates(FacilitySigningKeys keys, Clock clock, GatewayProperties.Health thresholds) {
    return () -> {
      Instant now = clock.instant();
      Status worst = Status.UP;
      Map<String, Object> facilities = new LinkedHashMap<>();
      for (Map.Entry<String, vn.healthgate.certs.ca.IssuedCredential> entry : keys.all().entrySet()) {
        X509Certificate certificate = entry.getValue().certificate();
        Instant notAfter = certificate.getNotAfter().toInstant();
        Status status = now.isAfter(notAfter) ? Status.DOWN : now.plus(thresholds.certificateWarning()).isAfter(notAfter) ? WARNING : Status.UP;
        facilities.put(entry.getKey(), Map.of("notAfter", notAfter.toString(), "daysLeft", Duration.between(now, notAfter).toDays(), "status", status.getCode()));
        worst = status == Status.DOWN || worst == Status.DOWN ? Status.DOWN : status == WARNING || worst == WARNING ? WARNING : Status.UP;
      }
      return Health.status(worst).withDetail("facilities", facilities).withDetail("warningDays", thresholds.certificateWarning().toDays()).build();
    };
  }

  /** {@code portalToken}: the token endpoint's last answer, and the cached tokens' validity. */
  public static HealthIndicator portalToken(PortalActivity activity, PortalClient client, Clock clock, GatewayProperties.Health thresholds) {
    return () -> {
      PortalActivity.Endpoint token = activity.endpoint(PortalEndpoint.TOKEN.id());
      Instant now = clock.instant();
      Map<String, Object> accounts = new LinkedHashMap<>();
      client.cachedTokens().forEach((account, t) -> accounts.put(account, Map.of("usableUntil", t.usableUntil().toString(), "fresh", now.isBefore(t.usableUntil()))));
      return (token.failing() ? Health.down() : Health.up())
          .withDetail("lastSuccess", String.valueOf(token.lastSuccess()))
          .withDetail("lastFailure", String.valueOf(token.lastFailure()))
          .withDetail("lastFailureReason", String.valueOf(token.lastFailureReason()))
          .withDetail("accounts", accounts)
          .build();
    };
  }

  /**
   * {@code portalRoundTrip}: time since the last successful exchange with the portal. DOWN when the
   * latest call failed and the last success is older than {@code portal-silence-down} (a quiet
   * night with no calls is not a failure).
   */
  public static HealthIndicator portalRoundTrip(PortalActivity activity, Clock clock, GatewayProperties.Health thresholds) {
    return () -> {
      Instant now = clock.instant();
      Instant last = activity.lastRoundTrip();
      boolean failing = activity.endpoints().values().stream()
          .map(PortalActivity.Endpoint::lastFailure).filter(java.util.Objects::nonNull)
          .anyMatch(failure -> last == null || failure.isAfter(last));
      boolean silent = last == null || Duration.between(last, now).compareTo(thresholds.portalSilenceDown()) > 0;
      Map<String, Object> endpoints = new LinkedHashMap<>();
      activity.endpoints().forEach((id, e) -> endpoints.put(id, Map.of("lastSuccess", String.valueOf(e.lastSuccess()), "lastFailure", String.valueOf(e.lastFailure()))));
      return (failing && silent ? Health.down() : Health.up())
          .withDetail("lastSuccessfulRoundTrip", String.valueOf(last))
          .withDetail("secondsSinceLastSuccess", last == null ? -1 : Duration.between(last, now).toSeconds())
          .withDetail("endpoints", endpoints)
          .build();
    };
  }
}
