package vn.healthgate.routes.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import vn.healthgate.routes.portal.PortalCircuitOpenException;
import vn.healthgate.routes.portal.PortalDuplicateException;
import vn.healthgate.routes.portal.PortalRefusedException;
import vn.healthgate.routes.portal.PortalUnrecognisedAnswerException;
import vn.healthgate.routes.portal.PortalTransientException;

/** The branches of the delivery error policy ({@link DeliveryErrorPolicy}), one class each: what the outbox records for each typed outcome. */
public final class OutcomeSteps {
  private OutcomeSteps() {}

  /** {@code mark-rejected}: the portal refused the content; the reason is kept, nothing is retried. */
  public static final class MarkRejected implements Processor {
    private final DeliveryDecisions decisions;

    public MarkRejected(DeliveryDecisions decisions) {
      this.decisions = decisions;
    }

    @Override
    public void process(Exchange exchange) {
      PortalRefusedException refused = DeliveryExchange.caught(exchange, PortalRefusedException.class);
      decisions.refused(DeliveryExchange.submission(exchange), refused.reason(), DeliveryExchange.claimedAt(exchange));
    }
  }

  /** {@code mark-duplicate}: the portal already holds the number; accepted when the copy is ours, rejected otherwise. */
  public static final class MarkDuplicate implements Processor {
    private final DeliveryDecisions decisions;

    public MarkDuplicate(DeliveryDecisions decisions) {
      this.decisions = decisions;
    }

    @Override
    public void process(Exchange exchange) {
      PortalDuplicateException duplicate = DeliveryExchange.caught(exchange, PortalDuplicateException.class);
      decisions.duplicate(DeliveryExchange.submission(exchange), duplicate, DeliveryExchange.claimedAt(exchange));
    }
  }

  /** {@code defer}: the endpoint's breaker is open; nothing was sent, the document waits with its attempts unchanged. */
  public static final class Defer implements Processor {
    private final DeliveryDecisions decisions;

    public Defer(DeliveryDecisions decisions) {
      this.decisions = decisions;
    }

    @Override
    public void process(Exchange exchange) {
      PortalCircuitOpenException open = DeliveryExchange.caught(exchange, PortalCircuitOpenException.class);
      decisions.deferred(DeliveryExchange.submission(exchange), open.waitFor(), DeliveryExchange.claimedAt(exchange));
    }
  }

  /** {@code keep-for-admin}: an answer the portal tables do not know; a dead letter with the answer, at once. */
  public static final class KeepForAdmin implements Processor {
    private final DeliveryDecisions decisions;

    public KeepForAdmin(DeliveryDecisions decisions) {
      this.decisions = decisions;
    }

    @Override
    public void process(Exchange exchange) {
      PortalUnrecognisedAnswerException answer = DeliveryExchange.caught(exchange, PortalUnrecognisedAnswerException.class);
      decisions.keptForAdmin(DeliveryExchange.submission(exchange), DeliveryExchange.attemptsSpent(exchange), answer.reason(),
          DeliveryExchange.claimedAt(exchange));
    }
  }

  /**
   * {@code schedule-retry}, {@code schedule-retry-poison}, {@code schedule-retry-unexpected}: the attempt is spent; the
   * document is tried again after the backoff, or dead-lettered with the reason once the budget is spent.
   */
  public static final class ScheduleRetry implements Processor {
    private final DeliveryDecisions decisions;

    public ScheduleRetry(DeliveryDecisions decisions) {
      this.decisions = decisions;
    }

    @Override
    public void process(Exchange exchange) {
      decisions.failedAttempt(DeliveryExchange.submission(exchange), DeliveryExchange.attemptsSpent(exchange), reason(DeliveryExchange.caught(exchange)),
          DeliveryExchange.claimedAt(exchange));
    }

    /** Typed failures carry the reason to keep; anything else is named by its class and message. */
    static String reason(Exception failure) {
      if (failure instanceof PortalTransientException || failure instanceof PoisonDocumentException) {
        return failure.getMessage();
      }
      return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
  }
}
