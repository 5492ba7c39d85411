package vn.healthgate.gateway.operations;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.healthgate.gateway.config.GatewayProperties;
import vn.healthgate.gateway.pki.FacilitySigningKeys;
import vn.healthgate.gateway.web.ProblemCodes;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.portal.PortalEndpoint;

/** {@code GET /api/v1/admin/overview}: everything the admin page shows, in one call. */
@RestController
@Tag(name = "Admin")
class AdminOverviewController {
  private final HealthEndpoint health;
  private final CamelContext camel;
  private final CircuitBreakerRegistry breakers;
  private final PortalActivity portal;
  private final OutboxStatistics outbox;
  private final FacilitySigningKeys keys;
  private final TrafficHistory traffic;
  private final GatewayProperties properties;
  private final Clock clock;

  AdminOverviewController(HealthEndpoint health, CamelContext camel, CircuitBreakerRegistry breakers, PortalActivity portal, OutboxStatistics outbox,
      FacilitySigningKeys keys, TrafficHistory traffic, GatewayProperties properties, Clock clock) {
    this.health = health;
    this.camel = camel;
    this.breakers = breakers;
    this.portal = portal;
    this.outbox = outbox;
    this.keys = keys;
    this.traffic = traffic;
    this.properties = properties;
    this.clock = clock;
  }

  /** What the admin page shows. */
  @Schema(name = "AdminOverview")
  record Overview(Instant generatedAt, Health health, List<RouteState> routes, List<PortalEndpointState> portal, List<Backlog> backlog, AtRisk atRisk,
      List<SigningCertificate> certificates, Traffic traffic) {}

  /** The overall status and each component's ({@code UP}, {@code DOWN}, {@code WARNING}…), by component name. */
  @Schema(name = "HealthSummary")
  record Health(String status, Map<String, String> components) {}

  /** A Camel route: {@code Started}, {@code Stopped}… */
  record RouteState(String id, String status, long uptimeSeconds) {}

  /** A portal endpoint's breaker ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}…) and last answers; {@code failureRate} -1 until enough calls. */
  record PortalEndpointState(String endpoint, String breaker, float failureRate, int bufferedCalls, Instant lastSuccess, Instant lastFailure,
      String lastFailureType) {}

  /** A facility's documents not yet delivered and dead letters. */
  record Backlog(String facilityCode, long pending, long oldestPendingAgeSeconds, long deadLetters) {}

  /** Documents pending longer than {@code olderThanSeconds} (at most 100, oldest first). */
  record AtRisk(long olderThanSeconds, List<OutboxStatistics.PendingDocument> items) {}

  /** A facility's signing certificate. */
  record SigningCertificate(String facilityCode, Instant notAfter, long daysLeft, @Schema(allowableValues = {"OK", "EXPIRING", "EXPIRED"}) String status) {}

  /** The last hour, one point per minute (oldest first). */
  record Traffic(List<TrafficHistory.Point> eligibility, List<TrafficHistory.Point> delivery) {}

  @GetMapping(path = "/api/v1/admin/overview", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Health, routes, portal breakers, backlog, documents at risk, signing certificates and the last hour's traffic")
  @ProblemCodes(ErrorCode.ADMIN_ONLY)
  Overview overview() {
    Instant now = clock.instant();
    HealthComponent root = health.health();
    Map<String, String> components = new TreeMap<>();
    if (root instanceof CompositeHealth composite) {
      composite.getComponents().forEach((name, component) -> components.put(name, component.getStatus().getCode()));
    }

    List<RouteState> routes = new ArrayList<>();
    for (Route route : camel.getRoutes()) {
      var status = camel.getRouteController().getRouteStatus(route.getRouteId());
      routes.add(new RouteState(route.getRouteId(), status == null ? "Unknown" : status.name(), route.getUptimeMillis() / 1000));
    }

    List<PortalEndpointState> portalEndpoints = new ArrayList<>();
    for (PortalEndpoint endpoint : PortalEndpoint.values()) {
      CircuitBreaker breaker = breakers.circuitBreaker(endpoint.id());
      PortalActivity.Endpoint activity = portal.endpoint(endpoint.id());
      portalEndpoints.add(new PortalEndpointState(endpoint.id(), breaker.getState().name(), breaker.getMetrics().getFailureRate(),
          breaker.getMetrics().getNumberOfBufferedCalls(), activity.lastSuccess(), activity.lastFailure(), activity.lastFailureType()));
    }

    List<Backlog> backlog = outbox.snapshot().byFacility().values().stream()
        .map(b -> new Backlog(b.facilityCode(), b.pending(), b.oldestPendingSince() == null ? 0 : Duration.between(b.oldestPendingSince(), now).toSeconds(),
            b.deadLetters()))
        .sorted(Comparator.comparing(Backlog::facilityCode)).toList();
    AtRisk atRisk = new AtRisk(properties.health().atRiskAge().toSeconds(), outbox.pendingOlderThan(now.minus(properties.health().atRiskAge()), 100));

    List<SigningCertificate> certificates = new ArrayList<>();
    keys.all().forEach((code, credential) -> {
      Instant notAfter = credential.certificate().getNotAfter().toInstant();
      long days = Duration.between(now, notAfter).toDays();
      certificates.add(new SigningCertificate(code, notAfter, days,
          now.isAfter(notAfter) ? "EXPIRED" : days < properties.health().certificateWarning().toDays() ? "EXPIRING" : "OK"));
    });
    certificates.sort(Comparator.comparingLong(SigningCertificate::daysLeft).thenComparing(SigningCertificate::facilityCode));
    Map<String, List<TrafficHistory.Point>> lastHour = traffic.lastHour();
    return new Overview(now, new Health(root.getStatus().getCode(), components), routes, portalEndpoints, backlog, atRisk, certificates,
        new Traffic(lastHour.get("eligibility"), lastHour.get("delivery")));
  }
}
