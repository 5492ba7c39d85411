package vn.healthgate.gateway.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.URI;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.healthgate.routes.portal.PortalClient;
import vn.healthgate.routes.portal.PortalSettings;
import vn.healthgate.routes.portal.ResilientPortal;
import vn.healthgate.simulator.PortalSimulator;

/** What every feature shares: the application clock, the configured facilities and the resilient portal client. */
@Configuration(proxyBeanMethods = false)
public class PortalConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The portal breakers read the application's clock (when an open breaker lets calls through again): the customizer of
   * the shared config {@code default}, which every instance in {@code resilience4j.circuitbreaker.instances} is built on.
   * The automatic transition to half-open is still a scheduler's real-time wait: a moved clock can only make it earlier.
   */
  @Bean
  CircuitBreakerConfigCustomizer breakersOnTheApplicationClock(Clock clock) {
    return CircuitBreakerConfigCustomizer.of("default", config -> config.clock(clock));
  }

  @Bean
  ConfiguredFacilities configuredFacilities(GatewayProperties properties) {
    return new ConfiguredFacilities(properties);
  }

  @Bean
  PortalSettings portalSettings(GatewayProperties properties, ObjectProvider<PortalSimulator> simulator) {
    GatewayProperties.Portal portal = properties.portal();
    PortalSimulator sim = simulator.getIfAvailable();
    URI baseUrl = sim != null ? URI.create(sim.baseUrl()) : portal.baseUrl();
    return new PortalSettings(baseUrl, portal.connectTimeout(), portal.requestTimeout(), portal.tokenRefreshMargin(), portal.tokenMaxAge(), portal.deliveryRequestTimeout());
  }

  @Bean
  PortalClient portalClient(PortalSettings settings, Clock clock) {
    return new PortalClient(settings, clock);
  }

  @Bean(destroyMethod = "close")
  ResilientPortal resilientPortal(PortalClient client, CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters) {
    return new ResilientPortal(client, breakers, timeLimiters);
  }

}
