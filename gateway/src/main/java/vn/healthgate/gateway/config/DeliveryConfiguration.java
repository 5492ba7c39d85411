package vn.healthgate.gateway.config;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.healthgate.gateway.pki.FacilitySigningKeys;
import vn.healthgate.routes.delivery.CertificateValidator;
import vn.healthgate.routes.delivery.CheckInValidator;
import vn.healthgate.routes.delivery.DeliveryWorker;
import vn.healthgate.routes.delivery.DocumentSigner;
import vn.healthgate.routes.delivery.LatestEligibility;
import vn.healthgate.routes.delivery.Outbox;
import vn.healthgate.routes.delivery.OutboxRoute;
import vn.healthgate.routes.delivery.PortalSender;
import vn.healthgate.routes.delivery.RetryPolicy;
import vn.healthgate.routes.delivery.Submissions;
import vn.healthgate.routes.portal.ResilientPortal;

/** Wires durable delivery: intake into the outbox, and the Camel route that signs and delivers. */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeliveryConfiguration.class);

  @Bean
  vn.healthgate.gateway.persistence.RetentionJob retentionJob(org.springframework.jdbc.core.JdbcTemplate jdbc, Clock clock, GatewayProperties properties,
      vn.healthgate.gateway.audit.AuditLog audit) {
    return new vn.healthgate.gateway.persistence.RetentionJob(jdbc, clock, properties.retention(), audit);
  }

  @Bean
  DocumentSigner documentSigner(FacilitySigningKeys keys) {
    return new DocumentSigner(keys);
  }

  @Bean
  Submissions submissions(Outbox outbox, Clock clock, LatestEligibility eligibility, ConfiguredFacilities facilities, DocumentSigner signer) {
    return new Submissions(outbox, new CheckInValidator(clock, eligibility), new CertificateValidator(clock, facilities::name), signer, clock);
  }

  @Bean(destroyMethod = "shutdownNow")
  ExecutorService deliveryThreads(GatewayProperties properties) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(properties.outbox().workers(), r -> {
      Thread thread = new Thread(r, "delivery-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @Bean
  OutboxRoute outboxRoute(GatewayProperties properties, Outbox jdbcOutbox, DocumentSigner signer, ResilientPortal portal, ConfiguredFacilities facilities,
      Clock clock, ExecutorService deliveryThreads, vn.healthgate.gateway.monitoring.GatewayMetrics metrics) {
    Outbox outbox = new vn.healthgate.gateway.monitoring.MeteredOutbox(jdbcOutbox, metrics, clock);
    GatewayProperties.Outbox config = properties.outbox();
    int released = outbox.releaseClaims(config.node());
    if (released > 0) {
      LOG.info("Released {} outbox claims left by an earlier run of node {}", released, config.node());
    }
    RetryPolicy retry = new RetryPolicy(config.initialRetryDelay(), config.maxRetryDelay(), config.maxAttempts(), 0.2);
    DeliveryWorker worker = new DeliveryWorker(outbox, signer, new PortalSender(portal, facilities), retry, clock, config.node(), config.batchSize(), config.lease());
    return new OutboxRoute(worker, config.pollInterval(), deliveryThreads);
  }
}
