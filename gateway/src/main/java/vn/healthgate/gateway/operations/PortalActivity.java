package vn.healthgate.gateway.operations;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import vn.healthgate.routes.portal.PortalEndpoint;

/**
 * When each portal endpoint last answered and last failed, learnt from its circuit breaker's events
 * (every portal call goes through one). Feeds the {@code portalRoundTrip} and {@code portalToken}
 * health components and the admin page.
 */
public class PortalActivity {
  /** The last success and failure of one endpoint and why it failed; null when it has not happened since start. */
  public record Endpoint(String endpoint, Instant lastSuccess, Instant lastFailure, FailureReason lastFailureReason) {
    /** Failing now: the last call failed. */
    public boolean failing() {
      return lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess));
    }
  }

  private final Clock clock;
  private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

  public PortalActivity(CircuitBreakerRegistry breakers, Clock clock) {
    this.clock = clock;
    for (PortalEndpoint endpoint : PortalEndpoint.values()) {
      CircuitBreaker breaker = breakers.circuitBreaker(endpoint.id());
      breaker.getEventPublisher().onSuccess(e -> success(endpoint.id()));
      breaker.getEventPublisher().onError(e -> failure(endpoint.id(), FailureReason.ofCall(e.getThrowable())));
      breaker.getEventPublisher().onCallNotPermitted(e -> failure(endpoint.id(), FailureReason.BREAKER_OPEN));
    }
  }

  void success(String endpoint) {
    Instant now = clock.instant();
    endpoints.compute(endpoint, (k, old) -> new Endpoint(k, now, old == null ? null : old.lastFailure(), old == null ? null : old.lastFailureReason()));
  }

  void failure(String endpoint, FailureReason reason) {
    Instant now = clock.instant();
    endpoints.compute(endpoint, (k, old) -> new Endpoint(k, old == null ? null : old.lastSuccess(), now, reason));
  }

  public Map<String, Endpoint> endpoints() {
    return new TreeMap<>(endpoints);
  }

  public Endpoint endpoint(String id) {
    return endpoints.getOrDefault(id, new Endpoint(id, null, null, null));
  }

  /** The most recent success over all endpoints. */
  public Instant lastRoundTrip() {
    return endpoints.values().stream().map(Endpoint::lastSuccess).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
  }
}
