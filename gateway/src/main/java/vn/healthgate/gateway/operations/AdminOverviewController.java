package vn.healthgate.gateway.operations;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  @GetMapping(path = "/api/v1/admin/overview", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> overview() {
    Instant now = clock.instant();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("generatedAt", now.toString());
    HealthComponent root = health.health();
    Map<String, String> components = new LinkedHashMap<>();
    if (root instanceof CompositeHealth composite) {
      composite.getComponents().forEach((name, component) -> components.put(name, component.getStatus().getCode()));
    }
    body.put("health", Map.of("status", root.getStatus().getCode(), "components", components));

    List<Map<String, Object>> routes = new ArrayList<>();
    for (Route route : camel.getRoutes()) {
      var status = camel.getRouteController().getRouteStatus(route.getRouteId());
      routes.add(Map.of("id", route.getRouteId(), "status", status == null ? "Unknown" : status.name(),
          "uptimeSeconds", route.getUptimeMillis() / 1000));
    }
    body.put("routes", routes);

    List<Map<String, Object>> portalEndpoints = new ArrayList<>();
    for (PortalEndpoint endpoint : PortalEndpoint.values()) {
      CircuitBreaker breaker = breakers.circuitBreaker(endpoint.id());
      PortalActivity.Endpoint activity = portal.endpoint(endpoint.id());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("endpoint", endpoint.id());
      row.put("breaker", breaker.getState().name());
      row.put("failureRate", breaker.getMetrics().getFailureRate());
      row.put("bufferedCalls", breaker.getMetrics().getNumberOfBufferedCalls());
      row.put("lastSuccess", activity.lastSuccess() == null ? null : activity.lastSuccess().toString());
      row.put("lastFailure", activity.lastFailure() == null ? null : activity.lastFailure().toString());
      row.put("lastFailureType", activity.lastFailureType());
      portalEndpoints.add(row);
    }
    body.put("portal", portalEndpoints);

    OutboxStatistics.Snapshot snapshot = outbox.snapshot();
    List<Map<String, Object>> backlog = new ArrayList<>();
    snapshot.byFacility().values().forEach(b -> backlog.add(Map.of("facilityCode", b.facilityCode(), "pending", b.pending(), "deadLetters", b.deadLetters(),
        "oldestPendingAgeSeconds", b.oldestPendingSince() == null ? 0 : Duration.between(b.oldestPendingSince(), now).toSeconds())));
    body.put("backlog", backlog);
    List<Map<String, Object>> atRisk = new ArrayList<>();
    for (Map<String, Object> row : outbox.pendingOlderThan(now.minus(properties.health().atRiskAge()), 100)) {
      Map<String, Object> item = new LinkedHashMap<>();
      row.forEach((k, v) -> item.put(camel(k), v instanceof java.time.OffsetDateTime t ? t.toInstant().toString() : v));
      atRisk.add(item);
    }
    body.put("atRisk", Map.of("olderThanSeconds", properties.health().atRiskAge().toSeconds(), "items", atRisk));

    List<Map<String, Object>> certificates = new ArrayList<>();
    keys.all().forEach((code, credential) -> {
      Instant notAfter = credential.certificate().getNotAfter().toInstant();
      long days = Duration.between(now, notAfter).toDays();
      certificates.add(Map.of("facilityCode", code, "notAfter", notAfter.toString(), "daysLeft", days,
          "status", now.isAfter(notAfter) ? "EXPIRED" : days < properties.health().certificateWarning().toDays() ? "EXPIRING" : "OK"));
    });
    certificates.sort((a, b) -> Long.compare((Long) a.get("daysLeft"), (Long) b.get("daysLeft")));
    body.put("certificates", certificates);
    body.put("traffic", traffic.lastHour());
    return body;
  }

  private static String camel(String column) {
    String lower = column.toLowerCase(java.util.Locale.ROOT);
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : lower.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
