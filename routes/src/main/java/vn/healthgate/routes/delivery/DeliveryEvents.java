package vn.healthgate.routes.delivery;

import java.time.Duration;

/** Told how each delivery attempt of a claimed document ended (for metrics: the gateway counts them). */
public interface DeliveryEvents {

  /**
   * How an attempt ended (metrics label it by its name). {@code DEFERRED}: the endpoint's breaker was open,
   * nothing was sent, no attempt was spent.
   */
  enum Outcome {
    ACCEPTED, REJECTED, RETRY, DEFERRED, DEAD_LETTER
  }

  /** {@code took}: from the claim to the outcome recorded. */
  void attemptEnded(DocumentKind kind, String facilityCode, Outcome outcome, Duration took);

  /** Tells no one. */
  DeliveryEvents NONE = (kind, facilityCode, outcome, took) -> {};
}
