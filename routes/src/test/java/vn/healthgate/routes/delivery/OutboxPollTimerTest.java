package vn.healthgate.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.portal.PortalReceipt;
import vn.healthgate.routes.portal.ResilientPortal;

/**
 * The real timer, its period and first delay from placeholders written as the application's configuration writes
 * durations ({@code 20ms}, {@code 10ms}); a document stored is delivered without anyone asking.
 */
class OutboxPollTimerTest extends CamelTestSupport {
  private final FakeOutbox outbox = new FakeOutbox();
  private final ResilientPortal resilientPortal = DeliveryTestKit.portal(DeliveryTestKit.breakers());
  private final ExecutorService deliveryThreads = Executors.newFixedThreadPool(2);

  @Override
  protected Properties useOverridePropertiesWithPropertiesComponent() {
    Properties properties = new Properties();
    properties.put(OutboxRoutes.POLL_INTERVAL, "20ms");
    properties.put(OutboxRoutes.FIRST_POLL_DELAY, "10ms");
    return properties;
  }

  @Override
  protected RoutesBuilder[] createRouteBuilders() {
    DeliveryDecisions decisions = new DeliveryDecisions(outbox, RetryPolicy.exponentialRandom(Duration.ofSeconds(2), Duration.ofMinutes(5), 3),
        DeliveryTestKit.CLOCK, DeliveryEvents.NONE);
    PortalSender portal = new PortalSender(resilientPortal, null, null) {
      @Override
      public PortalReceipt send(PortalDocument document, String signedXml) {
        return new PortalReceipt("receipt", null);
      }
    };
    return new RoutesBuilder[] {
        new DeliveryErrorPolicy(decisions),
        new OutboxRoutes(outbox, new DocumentSigner(DeliveryTestKit.aValidKey()), portal, decisions, DeliveryTestKit.CLOCK,
            new DeliverySteps.Claiming("test-node", 10, Duration.ofMinutes(2)), new DeliverySlots(2), deliveryThreads)};
  }

  @AfterEach
  void stopThreads() {
    deliveryThreads.shutdownNow();
    resilientPortal.close();
  }

  @Test
  void theTimerPollsAtTheConfiguredPeriodAndDeliversWhatIsDue() {
    NotifyBuilder polls = new NotifyBuilder(context).fromRoute(OutboxRoutes.POLL_ROUTE_ID).whenDone(5).create();
    String id = DeliveryTestKit.storedCheckIn(outbox, "LK-TIMER", "NGUYỄN VĂN AN").id();

    assertThat(polls.matches(5, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> outbox.get(id).status() == SubmissionStatus.ACCEPTED);
  }
}
