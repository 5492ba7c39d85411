package vn.healthgate.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.portal.PortalReceipt;
import vn.healthgate.routes.portal.ResilientPortal;

/**
 * The route {@code outbox-poll}: it claims only as many documents as there are free delivery workers, hands each off
 * without waiting for it, gets the worker back when the delivery ends, and releases this node's old claims once, when it
 * first starts. The timer is replaced by {@code direct:poll} so each test polls when it wants.
 */
class OutboxPollRouteTest extends CamelTestSupport {
  private static final int WORKERS = 3;

  private final FakeOutbox outbox = new FakeOutbox();
  private final ResilientPortal resilientPortal = DeliveryTestKit.portal(DeliveryTestKit.breakers());
  private final ExecutorService deliveryThreads = Executors.newFixedThreadPool(WORKERS);
  private final DeliverySlots slots = new DeliverySlots(WORKERS);
  private final CountDownLatch portalAnswers = new CountDownLatch(1);
  private final AtomicInteger sending = new AtomicInteger();
  private int batchSize = 10;

  /** A portal that holds every delivery until the test lets it answer. */
  private final PortalSender portal = new PortalSender(resilientPortal, null, null) {
    @Override
    public PortalReceipt send(PortalDocument document, String signedXml) {
      sending.incrementAndGet();
      try {
        if (!portalAnswers.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never let the portal answer");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return new PortalReceipt("receipt-" + document.businessKey(), null);
    }
  };

  @Override
  public void configureTest(TestExecutionConfiguration configuration) {
    super.configureTest(configuration);
    configuration.withUseAdviceWith(true);
  }

  @Override
  protected Properties useOverridePropertiesWithPropertiesComponent() {
    Properties properties = new Properties();
    properties.put(OutboxRoutes.POLL_INTERVAL, "250ms");
    properties.put(OutboxRoutes.FIRST_POLL_DELAY, "1s");
    return properties;
  }

  @Override
  protected RoutesBuilder[] createRouteBuilders() {
    DeliveryDecisions decisions = new DeliveryDecisions(outbox, RetryPolicy.exponentialRandom(Duration.ofSeconds(2), Duration.ofMinutes(5), 3),
        DeliveryTestKit.CLOCK, DeliveryEvents.NONE);
    return new RoutesBuilder[] {
        new DeliveryErrorPolicy(decisions),
        new OutboxRoutes(outbox, new DocumentSigner(DeliveryTestKit.aValidKey()), portal, decisions, DeliveryTestKit.CLOCK,
            new DeliverySteps.Claiming("test-node", batchSize, Duration.ofMinutes(2)), slots, deliveryThreads)};
  }

  @Override
  protected void doPostSetup() throws Exception {
    AdviceWith.adviceWith(context, OutboxRoutes.POLL_ROUTE_ID, route -> route.replaceFromWith("direct:poll"));
    context.start();
  }

  @AfterEach
  void stopThreads() {
    portalAnswers.countDown();
    deliveryThreads.shutdownNow();
    resilientPortal.close();
  }

  private void poll() {
    template.sendBody("direct:poll", null);
  }

  private void store(int count) {
    for (int i = 0; i < count; i++) {
      DeliveryTestKit.storedCheckIn(outbox, "LK-POLL-" + i, "NGUYỄN VĂN AN");
    }
  }

  private long accepted() {
    return outbox.list(null).stream().filter(s -> s.status() == SubmissionStatus.ACCEPTED).count();
  }

  @Test
  void aPollClaimsOnlyAsManyDocumentsAsThereAreFreeWorkersAndTheRestWaitUnclaimed() {
    store(5);

    poll();
    await().atMost(Duration.ofSeconds(10)).until(() -> sending.get() == WORKERS);
    poll();

    assertThat(outbox.claimRequests()).as("the second poll found no free worker: it claimed nothing").containsExactly(WORKERS);
    assertThat(outbox.claimed()).isEqualTo(WORKERS);
    assertThat(slots.free()).isZero();

    portalAnswers.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> accepted() == WORKERS && slots.free() == WORKERS);

    NotifyBuilder polled = new NotifyBuilder(context).fromRoute(OutboxRoutes.POLL_ROUTE_ID).whenDone(1).create();
    poll();
    assertThat(polled.matches(10, TimeUnit.SECONDS)).isTrue();
    assertThat(outbox.claimRequests()).containsExactly(WORKERS, WORKERS);
    await().atMost(Duration.ofSeconds(10)).until(() -> accepted() == 5 && slots.free() == WORKERS);
    assertThat(outbox.claimed()).isZero();
  }

  @Test
  void aPollClaimsNoMoreThanTheBatchSize() throws Exception {
    context.stop();
    batchSize = 2;
    setUp();
    store(5);

    poll();

    assertThat(outbox.claimRequests()).containsExactly(2);
  }

  @Test
  void theHandOffDoesNotWaitForTheDeliveries() {
    store(2);

    poll();

    // the deliveries are held at the portal; the poll came back all the same
    assertThat(outbox.claimRequests()).containsExactly(WORKERS);
    await().atMost(Duration.ofSeconds(10)).until(() -> sending.get() == 2);
    assertThat(slots.inFlight()).isEqualTo(2);
  }

  @Test
  void theNodesOldClaimsAreReleasedWhenThePollFirstStartsAndNotOnARestartOfTheRoute() throws Exception {
    assertThat(outbox.releases()).isEqualTo(1);

    context.getRouteController().stopRoute(OutboxRoutes.POLL_ROUTE_ID);
    context.getRouteController().startRoute(OutboxRoutes.POLL_ROUTE_ID);

    assertThat(outbox.releases()).as("deliveries of this run may be in flight").isEqualTo(1);
  }

  /** The node ids an admin sees in Hawtio, each in its route. */
  @Test
  void theRoutesShowTheirStepsByName() {
    Map<String, List<String>> nodes = Map.of(
        OutboxRoutes.POLL_ROUTE_ID, List.of("claim", "each-claimed", "hand-off"),
        OutboxRoutes.DELIVERY_ROUTE_ID, List.of("read", "sign", "check-breaker", "mark-sent", "send", "mark-accepted",
            "mark-rejected", "mark-duplicate", "keep-for-admin", "defer", "schedule-retry", "schedule-retry-poison", "schedule-retry-unexpected"));
    nodes.forEach((route, ids) -> ids.forEach(id -> assertThat(context.getProcessorDefinition(id)).as(route + " " + id).isNotNull()));
  }
}
