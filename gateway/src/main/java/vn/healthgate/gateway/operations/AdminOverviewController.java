package vn.healthgate.gateway.operations;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.healthgate.gateway.web.ProblemCodes;
import vn.healthgate.routes.error.ErrorCode;
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
import vn.healthgate.routes.portal.PortalEndpoint;

/** {@code GET /api/v1/admin/overview}: everything the admin page shows, in one call. */
@RestController
@Tag(name = "Admin")
class AdminOverviewController {
  /** The most documents at risk and dead letters listed. */
  static final int LISTED = 100;
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

  @GetMapping(path = "/api/v1/admin/overview", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Health, routes, portal breakers, backlog, documents at risk, dead letters, signing certificates and the last hour's traffic")
  @ProblemCodes(ErrorCode.ADMIN_ONLY)
  AdminOverview overview() {
    Instant now = clock.instant();
    HealthComponent root = health.health();
    Map<String, String> components = new TreeMap<>();
    if (root instanceof CompositeHealth composite) {
      composite.getComponents().forEach((name, component) -> components.put(name, component.getStatus().getCode()));
    }

    List<AdminOverview.RouteState> routes = new ArrayList<>();
    for (Route route : camel.getRoutes()) {
      var status = camel.getRouteController().getRouteStatus(route.getRouteId());
      routes.add(new AdminOverview.RouteState(route.getRouteId(), status == null ? "Unknown" : status.name(), route.getUptimeMillis() / 1000));
    }

    List<AdminOverview.PortalState> portalEndpoints = new ArrayList<>();
    for (PortalEndpoint endpoint : PortalEndpoint.values()) {
      CircuitBreaker breaker = breakers.circuitBreaker(endpoint.id());
      PortalActivity.Endpoint activity = portal.endpoint(endpoint.id());
      portalEndpoints.add(new AdminOverview.PortalState(endpoint.id(), breaker.getState().name(), breaker.getMetrics().getFailureRate(),
          breaker.getMetrics().getNumberOfBufferedCalls(), activity.lastSuccess(), activity.lastFailure(),
          activity.lastFailureReason() == null ? null : activity.lastFailureReason().describe(null)));
    }

    OutboxStatistics.Snapshot snapshot = outbox.snapshot();
    List<AdminOverview.Backlog> backlog = snapshot.byFacility().values().stream().map(b -> new AdminOverview.Backlog(b.facilityCode(), b.pending(),
        b.oldestPendingSince() == null ? 0 : Duration.between(b.oldestPendingSince(), now).toSeconds(), b.deadLetters())).sorted(Comparator.comparing(AdminOverview.Backlog::facilityCode)).toList();
    AdminOverview.AtRisk atRisk = new AdminOverview.AtRisk(properties.health().atRiskAge().toSeconds(),
        outbox.pendingOlderThan(now.minus(properties.health().atRiskAge()), LISTED).stream().map(AdminOverview.Document::of).toList());
    AdminOverview.DeadLetters deadLetters = new AdminOverview.DeadLetters(snapshot.deadLetters(),
        outbox.deadLetters(LISTED).stream().map(AdminOverview.Document::of).toList());

    List<AdminOverview.SigningCertificate> certificates = new ArrayList<>();
    keys.all().forEach((code, credential) -> {
      Instant notAfter = credential.certificate().getNotAfter().toInstant();
      long days = Duration.between(now, notAfter).toDays();
      certificates.add(new AdminOverview.SigningCertificate(code, notAfter, days,
          now.isAfter(notAfter) ? "EXPIRED" : days < properties.health().certificateWarning().toDays() ? "EXPIRING" : "OK"));
    });
    certificates.sort(Comparator.comparingLong(AdminOverview.SigningCertificate::daysLeft).thenComparing(AdminOverview.SigningCertificate::facilityCode));
    Map<String, List<TrafficHistory.Point>> lastHour = traffic.lastHour();
    AdminOverview.Traffic trafficView = new AdminOverview.Traffic(lastHour.get("eligibility"), lastHour.get("delivery"));
    return new AdminOverview(now, new AdminOverview.Health(root.getStatus().getCode(), components), routes, portalEndpoints, backlog, atRisk, deadLetters,
        certificates, trafficView);
  }
}
