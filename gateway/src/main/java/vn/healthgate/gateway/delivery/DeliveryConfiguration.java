package vn.healthgate.gateway.delivery;

import ca.uhn.fhir.rest.server.IResourceProvider;
import java.time.Clock;
import vn.healthgate.gateway.fhir.FhirTerminologyCheck;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.healthgate.gateway.pki.FacilitySigningKeys;
import vn.healthgate.routes.delivery.AddressCodes;
import vn.healthgate.routes.delivery.CertificateValidator;
import vn.healthgate.routes.delivery.DriverCertificateCodes;
import vn.healthgate.routes.fhir.FhirDocumentMapper;
import vn.healthgate.routes.delivery.CheckInValidator;
import vn.healthgate.routes.delivery.DeliveryDecisions;
import vn.healthgate.routes.delivery.DeliveryErrorPolicy;
import vn.healthgate.routes.delivery.DeliveryEvents;
import vn.healthgate.routes.delivery.DeliverySlots;
import vn.healthgate.routes.delivery.DeliverySteps;
import vn.healthgate.routes.delivery.DocumentSigner;
import vn.healthgate.routes.delivery.IntakeRoutes;
import vn.healthgate.routes.delivery.LatestEligibility;
import vn.healthgate.routes.delivery.Outbox;
import vn.healthgate.routes.delivery.OutboxRoutes;
import vn.healthgate.routes.delivery.PortalSender;
import vn.healthgate.routes.delivery.RetryPolicy;
import vn.healthgate.routes.delivery.Submissions;
import vn.healthgate.routes.portal.PortalAnswers;
import vn.healthgate.routes.portal.PortalPhrases;
import vn.healthgate.routes.portal.ResilientPortal;
import vn.healthgate.gateway.config.GatewayProperties;
import vn.healthgate.gateway.config.ConfiguredFacilities;

/**
 * Wires durable delivery: the intake routes into the outbox, the outbox routes that sign and deliver, and their error
 * policy. Nothing here touches the database: the poll route releases this node's old claims when it first starts.
 * The routes' timer reads {@code gateway.outbox.poll-interval} and {@code first-poll-delay} itself (Camel placeholders).
 */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

  @Bean
  DocumentSigner documentSigner(FacilitySigningKeys keys) {
    return new DocumentSigner(keys);
  }

  @Bean
  Submissions submissions(Outbox outbox, Clock clock, LatestEligibility eligibility, ConfiguredFacilities facilities, DocumentSigner signer,
      GatewayProperties properties) {
    GatewayProperties.AdministrativeMap map = properties.administrativeMap();
    AddressCodes addressCodes = new AddressCodes(map.districts(), map.provinces(), map.communes());
    return new Submissions(outbox, new CheckInValidator(clock, eligibility), new CertificateValidator(clock, facilities::name, DriverCertificateCodes.defaults(), addressCodes), signer, clock);
  }

  @Bean
  FhirDocumentMapper fhirDocumentMapper() {
    return new FhirDocumentMapper();
  }

  @Bean
  DocumentProviders.Context fhirDocumentContext(JdbcOutbox outbox, FhirTerminologyCheck terminology) {
    return new DocumentProviders.Context(outbox, terminology);
  }

  /** {@code /fhir/Encounter}: check-in notices (create, read, search). */
  @Bean
  IResourceProvider encounterProvider(SubmissionGateway submissions, FhirDocumentMapper documents, DocumentProviders.Context context) {
    return new DocumentProviders.EncounterProvider(submissions, documents, context);
  }

  /** {@code /fhir/Bundle}: driver health certificates as document bundles (create, read, search). */
  @Bean
  IResourceProvider bundleProvider(SubmissionGateway submissions, FhirDocumentMapper documents, DocumentProviders.Context context) {
    return new DocumentProviders.BundleProvider(submissions, documents, context);
  }

  /** {@code /fhir/Task}: the delivery status of each submission (read, search). */
  @Bean
  IResourceProvider taskProvider(DocumentProviders.Context context) {
    return new TaskProvider(context);
  }

  @Bean
  IntakeRoutes intakeRoutes(Submissions submissions) {
    return new IntakeRoutes(submissions);
  }

  /** One thread per delivery worker: the poll hands a document off only when one is free. */
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
  DeliverySlots deliverySlots(GatewayProperties properties) {
    return new DeliverySlots(properties.outbox().workers());
  }

  @Bean
  DeliveryDecisions deliveryDecisions(Outbox outbox, GatewayProperties properties, Clock clock, DeliveryEvents events) {
    GatewayProperties.Outbox config = properties.outbox();
    return new DeliveryDecisions(outbox, RetryPolicy.exponentialRandom(config.initialRetryDelay(), config.maxRetryDelay(), config.maxAttempts()), clock,
        events);
  }

  @Bean
  DeliveryErrorPolicy deliveryErrorPolicy(DeliveryDecisions decisions) {
    return new DeliveryErrorPolicy(decisions);
  }

  /** The portal's answers to deliveries, read with the sentences of {@code gateway.portal.answers}. */
  @Bean
  PortalAnswers portalAnswers(GatewayProperties properties) {
    GatewayProperties.Answers answers = properties.portal().answers();
    return new PortalAnswers(new PortalPhrases(answers.duplicate(), answers.sameContent(), answers.differentContent(), answers.transactionMarker()));
  }

  @Bean
  OutboxRoutes outboxRoutes(GatewayProperties properties, Outbox outbox, DocumentSigner signer, ResilientPortal portal, ConfiguredFacilities facilities,
      PortalAnswers answers, DeliveryDecisions decisions, Clock clock, DeliverySlots slots, ExecutorService deliveryThreads) {
    GatewayProperties.Outbox config = properties.outbox();
    return new OutboxRoutes(outbox, signer, new PortalSender(portal, facilities, answers), decisions, clock,
        new DeliverySteps.Claiming(config.node(), config.batchSize(), config.lease()), slots, deliveryThreads);
  }
}
