package vn.healthgate.routes.portal;

import java.time.Duration;

/** The endpoint's circuit breaker does not let calls through: nothing was sent. {@link #waitFor()} is when to ask again. */
public final class PortalCircuitOpenException extends RuntimeException {
  private final PortalEndpoint endpoint;
  private final Duration waitFor;

  public PortalCircuitOpenException(PortalEndpoint endpoint, Duration waitFor) {
    super(endpoint.id() + ": circuit breaker open", null, false, false);
    this.endpoint = endpoint;
    this.waitFor = waitFor;
  }

  public PortalEndpoint endpoint() {
    return endpoint;
  }

  public Duration waitFor() {
    return waitFor;
  }
}
