package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.healthgate.routes.portal.PortalEndpoint;

/** Every portal endpoint's breaker reads the application's clock (the tests' movable one), not the system's. */
class BreakerClockIT extends GatewayIT {

  @Test
  void everyPortalBreakerTakesTheInjectedClock() {
    for (PortalEndpoint endpoint : PortalEndpoint.values()) {
      assertThat(breakers.circuitBreaker(endpoint.id()).getCircuitBreakerConfig().getClock()).as(endpoint.id()).isSameAs(clock);
    }
  }
}
