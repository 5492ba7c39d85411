package vn.healthgate.routes.delivery;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.apache.camel.builder.RouteBuilder;

/**
 * Delivery from the outbox, as two routes:
 * <pre>
 * outbox-poll      timer:outbox-poll (every {{gateway.outbox.poll-interval}}, first after {{gateway.outbox.first-poll-delay}})
 *                  → claim (as many due documents as free delivery workers) → each-claimed → hand-off (wire tap to
 *                  direct:deliver on the delivery thread pool: the poll does not wait for deliveries)
 * outbox-delivery  direct:deliver → read → sign (once) → check-breaker → mark-sent → send → mark-accepted;
 *                  every other outcome is a branch of {@link DeliveryErrorPolicy}
 * </pre>
 */
public class OutboxRoutes extends RouteBuilder {
  public static final String POLL_ROUTE_ID = "outbox-poll";
  public static final String DELIVERY_ROUTE_ID = "outbox-delivery";
  public static final String DELIVER = "direct:deliver";
  /** Property names the endpoints read (Camel placeholders, resolved from the application's configuration). */
  public static final String POLL_INTERVAL = "gateway.outbox.poll-interval";
  public static final String FIRST_POLL_DELAY = "gateway.outbox.first-poll-delay";
  static final String POLL = "timer:outbox-poll?delay={{" + FIRST_POLL_DELAY + "}}&period={{" + POLL_INTERVAL + "}}";

  private final Outbox outbox;
  private final DocumentSigner signer;
  private final PortalSender sender;
  private final DeliveryDecisions decisions;
  private final Clock clock;
  private final DeliverySteps.Claiming claiming;
  private final DeliverySlots slots;
  private final ExecutorService deliveryThreads;

  /** {@code deliveryThreads} must have at least {@code slots.size()} threads, so that a document handed off starts at once. */
  public OutboxRoutes(Outbox outbox, DocumentSigner signer, PortalSender sender, DeliveryDecisions decisions, Clock clock, DeliverySteps.Claiming claiming,
      DeliverySlots slots, ExecutorService deliveryThreads) {
    this.outbox = outbox;
    this.signer = signer;
    this.sender = sender;
    this.decisions = decisions;
    this.clock = clock;
    this.claiming = claiming;
    this.slots = slots;
    this.deliveryThreads = deliveryThreads;
  }

  @Override
  public void configure() {
    from(POLL).routeId(POLL_ROUTE_ID)
        // a poll that fails (the database is away) is logged by the timer; the next tick tries again
        .errorHandler(noErrorHandler())
        .process(new DeliverySteps.Claim(outbox, slots, clock, claiming)).id("claim")
        .split(body()).id("each-claimed")
            .wireTap(DELIVER).dynamicUri(false).executorService(deliveryThreads).onPrepare(new DeliverySteps.TakeSlot(slots)).id("hand-off")
        .end();

    from(DELIVER).routeId(DELIVERY_ROUTE_ID).routeConfigurationId(DeliveryErrorPolicy.ID)
        .process(new DeliverySteps.ReadDocument(clock)).id("read")
        .process(new DeliverySteps.Sign(signer, outbox, clock)).id("sign")
        .process(new DeliverySteps.CheckBreaker(sender)).id("check-breaker")
        .process(new DeliverySteps.MarkSent(outbox, clock)).id("mark-sent")
        .process(new DeliverySteps.Send(sender)).id("send")
        .process(new DeliverySteps.MarkAccepted(decisions)).id("mark-accepted");
  }
}
