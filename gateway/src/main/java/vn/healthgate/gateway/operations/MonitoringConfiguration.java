package vn.healthgate.gateway.operations;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.healthgate.gateway.config.GatewayProperties;
import vn.healthgate.gateway.operations.audit.AuditLog;
import vn.healthgate.gateway.pki.FacilitySigningKeys;
import vn.healthgate.routes.portal.PortalClient;

/** Health components (a bean named {@code xHealthIndicator} is the component {@code x} of {@code /actuator/health}), metrics, traffic history and the retention job. */
@Configuration(proxyBeanMethods = false)
public class MonitoringConfiguration {

  @Bean
  OutboxStatistics outboxStatistics(JdbcTemplate jdbc, Clock clock, GatewayProperties properties) {
    return new OutboxStatistics(jdbc, clock, properties.health().statisticsCacheTtl());
  }

  @Bean
  RetentionJob retentionJob(JdbcTemplate jdbc, Clock clock, GatewayProperties properties, AuditLog audit) {
    return new RetentionJob(jdbc, clock, properties.retention(), audit);
  }

  @Bean
  PortalActivity portalActivity(CircuitBreakerRegistry breakers, Clock clock) {
    return new PortalActivity(breakers, clock);
  }

  @Bean
  TrafficHistory trafficHistory(Clock clock) {
    return new TrafficHistory(clock);
  }

  @Bean
  GatewayMetrics gatewayMetrics(io.micrometer.core.instrument.MeterRegistry registry, TrafficHistory history, GatewayProperties properties,
      OutboxStatistics statistics, FacilitySigningKeys keys, PortalActivity portal, Clock clock) {
    GatewayMetrics metrics = new GatewayMetrics(registry, history);
    metrics.bindGauges(properties.facilities().stream().map(GatewayProperties.Facility::code).toList(), statistics, keys, portal, clock);
    return metrics;
  }

  @Bean
  HealthIndicator camelRoutesHealthIndicator(CamelContext camel) {
    return GatewayHealthIndicators.camelRoutes(camel);
  }

  @Bean
  HealthIndicator outboxHealthIndicator(OutboxStatistics statistics, GatewayProperties properties) {
    return GatewayHealthIndicators.outbox(statistics, properties.health());
  }

  @Bean
  HealthIndicator deadLettersHealthIndicator(OutboxStatistics statistics, GatewayProperties properties) {
    return GatewayHealthIndicators.deadLetters(statistics, properties.health());
  }

  @Bean
  HealthIndicator signingCertificatesHealthIndicator(FacilitySigningKeys keys, Clock clock, GatewayProperties properties) {
    return GatewayHealthIndicators.signingCertificates(keys, clock, properties.health());
  }

  @Bean
  HealthIndicator portalTokenHealthIndicator(PortalActivity activity, PortalClient client, Clock clock, GatewayProperties properties) {
    return GatewayHealthIndicators.portalToken(activity, client, clock, properties.health());
  }

  @Bean
  HealthIndicator portalRoundTripHealthIndicator(PortalActivity activity, Clock clock, GatewayProperties properties) {
    return GatewayHealthIndicators.portalRoundTrip(activity, clock, properties.health());
  }
}
