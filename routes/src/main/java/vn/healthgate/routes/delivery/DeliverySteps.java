package vn.healthgate.routes.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.portal.PortalCircuitOpenException;
import vn.healthgate.routes.portal.PortalReceipt;

/** The steps of the outbox routes ({@link OutboxRoutes}), one class each, named as the nodes an admin sees in Hawtio. */
public final class DeliverySteps {
  private static final Logger LOG = LoggerFactory.getLogger(DeliverySteps.class);

  private DeliverySteps() {}

  /** How this node claims: its name in claims, the most rows one poll claims, how long a claim lasts. */
  public record Claiming(String node, int batchSize, Duration lease) {}

  /**
   * {@code claim}: leases as many due documents as there are free delivery workers (at most the batch size), so each
   * starts at once. When the poll route first starts, releases the claims an earlier run of this node left behind (it
   * died), before the timer's first tick.
   */
  public static final class Claim extends ServiceSupport implements Processor {
    private final Outbox outbox;
    private final DeliverySlots slots;
    private final Clock clock;
    private final Claiming claiming;
    private final AtomicBoolean released = new AtomicBoolean();

    public Claim(Outbox outbox, DeliverySlots slots, Clock clock, Claiming claiming) {
      this.outbox = outbox;
      this.slots = slots;
      this.clock = clock;
      this.claiming = claiming;
    }

    @Override
    protected void doStart() {
      if (released.compareAndSet(false, true)) {
        int count = outbox.releaseClaims(claiming.node());
        if (count > 0) {
          LOG.info("Released {} outbox claims left by an earlier run of node {}", count, claiming.node());
        }
      }
    }

    @Override
    public void process(Exchange exchange) {
      int free = Math.min(claiming.batchSize(), slots.free());
      List<Submission> claimed = free == 0 ? List.of() : outbox.claim(free, claiming.lease(), clock.instant(), claiming.node());
      exchange.setProperty(DeliveryExchange.CLAIMED_AT, clock.instant());
      exchange.getMessage().setBody(claimed);
    }
  }

  /** Before {@code hand-off}: the document takes a delivery worker's slot, given back when its delivery ends, whatever the outcome. */
  public static final class TakeSlot implements Processor {
    private final DeliverySlots slots;

    public TakeSlot(DeliverySlots slots) {
      this.slots = slots;
    }

    @Override
    public void process(Exchange exchange) {
      slots.take();
      exchange.getExchangeExtension().addOnCompletion(new GiveBackSlot(slots));
    }
  }

  private static final class GiveBackSlot extends SynchronizationAdapter {
    private final DeliverySlots slots;

    GiveBackSlot(DeliverySlots slots) {
      this.slots = slots;
    }

    @Override
    public void onDone(Exchange exchange) {
      slots.giveBack();
    }
  }

  /** {@code read}: the stored payload as a {@link PortalDocument}; an unreadable one is poison. */
  public static final class ReadDocument implements Processor {
    private final Clock clock;

    public ReadDocument(Clock clock) {
      this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
      if (DeliveryExchange.claimedAt(exchange) == null) {
        exchange.setProperty(DeliveryExchange.CLAIMED_AT, clock.instant());
      }
      Submission submission = DeliveryExchange.submission(exchange);
      PortalDocument document;
      try {
        document = DocumentJson.read(submission.payload());
      } catch (RuntimeException e) {
        throw PoisonDocumentException.of("unreadable stored document", e);
      }
      exchange.setProperty(DeliveryExchange.DOCUMENT, document);
    }
  }

  /**
   * {@code sign}: signs once. A document signed by an earlier attempt is sent with the same stored bytes; a new signature
   * is stored ({@code SIGNED}) before the first send. A failure to sign is poison.
   */
  public static final class Sign implements Processor {
    private final DocumentSigner signer;
    private final Outbox outbox;
    private final Clock clock;

    public Sign(DocumentSigner signer, Outbox outbox, Clock clock) {
      this.signer = signer;
      this.outbox = outbox;
      this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
      Submission submission = DeliveryExchange.submission(exchange);
      String signed = submission.signedDocument();
      if (signed == null) {
        try {
          signed = signer.sign(DeliveryExchange.document(exchange));
        } catch (GatewayException e) {
          throw new PoisonDocumentException(e.errorCode().code());
        } catch (RuntimeException e) {
          // a key that cannot sign, XML that cannot be serialised
          throw PoisonDocumentException.of("signing failed", e);
        }
        outbox.markSigned(submission.id(), signed, clock.instant());
      }
      exchange.setProperty(DeliveryExchange.SIGNED, signed);
    }
  }

  /** {@code check-breaker}: an endpoint whose breaker is open is not called, and the document is not marked {@code SENT}. */
  public static final class CheckBreaker implements Processor {
    private final PortalSender sender;

    public CheckBreaker(PortalSender sender) {
      this.sender = sender;
    }

    @Override
    public void process(Exchange exchange) {
      DocumentKind kind = DeliveryExchange.submission(exchange).kind();
      Optional<Duration> paused = sender.pausedFor(kind);
      if (paused.isPresent()) {
        throw new PortalCircuitOpenException(kind.endpoint(), paused.get());
      }
    }
  }

  /** {@code mark-sent}: this attempt is counted before anything goes out. */
  public static final class MarkSent implements Processor {
    private final Outbox outbox;
    private final Clock clock;

    public MarkSent(Outbox outbox, Clock clock) {
      this.outbox = outbox;
      this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
      Submission submission = DeliveryExchange.submission(exchange);
      int attempts = submission.attempts() + 1;
      outbox.markSent(submission.id(), attempts, clock.instant());
      exchange.setProperty(DeliveryExchange.ATTEMPTS, attempts);
    }
  }

  /** {@code send}: the signed document to its portal endpoint; the receipt is kept for {@code mark-accepted}, any other answer is a typed exception. */
  public static final class Send implements Processor {
    private final PortalSender sender;

    public Send(PortalSender sender) {
      this.sender = sender;
    }

    @Override
    public void process(Exchange exchange) {
      PortalReceipt receipt = sender.send(DeliveryExchange.document(exchange), DeliveryExchange.signed(exchange));
      exchange.setProperty(DeliveryExchange.RECEIPT, receipt);
    }
  }

  /** {@code mark-accepted}: the portal's receipt recorded. */
  public static final class MarkAccepted implements Processor {
    private final DeliveryDecisions decisions;

    public MarkAccepted(DeliveryDecisions decisions) {
      this.decisions = decisions;
    }

    @Override
    public void process(Exchange exchange) {
      Instant claimedAt = DeliveryExchange.claimedAt(exchange);
      decisions.accepted(DeliveryExchange.submission(exchange), exchange.getProperty(DeliveryExchange.RECEIPT, PortalReceipt.class), claimedAt);
    }
  }
}
