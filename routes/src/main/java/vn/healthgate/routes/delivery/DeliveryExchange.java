package vn.healthgate.routes.delivery;

import java.time.Instant;
import org.apache.camel.Exchange;

/**
 * What one document's delivery carries through the route: the body is the claimed {@link Submission} (as claimed: its
 * {@code attempts} are those made before this one), the rest are exchange properties set by the steps.
 */
final class DeliveryExchange {
  /** When the poll claimed the document ({@link Instant}). */
  static final String CLAIMED_AT = "healthgateClaimedAt";
  /** The stored payload, read ({@link PortalDocument}). */
  static final String DOCUMENT = "healthgateDocument";
  /** The signed XML sent ({@link String}). */
  static final String SIGNED = "healthgateSignedDocument";
  /** Attempts counted once this one is spent ({@link Integer}); absent before {@code mark-sent}. */
  static final String ATTEMPTS = "healthgateAttempts";
  /** The portal's receipt ({@link vn.healthgate.routes.portal.PortalReceipt}). */
  static final String RECEIPT = "healthgatePortalReceipt";

  private DeliveryExchange() {}

  static Submission submission(Exchange exchange) {
    Submission submission = exchange.getMessage().getBody(Submission.class);
    if (submission == null) {
      throw new IllegalStateException("the delivery route's body is the claimed submission");
    }
    return submission;
  }

  static Instant claimedAt(Exchange exchange) {
    return exchange.getProperty(CLAIMED_AT, Instant.class);
  }

  static PortalDocument document(Exchange exchange) {
    return exchange.getProperty(DOCUMENT, PortalDocument.class);
  }

  static String signed(Exchange exchange) {
    return exchange.getProperty(SIGNED, String.class);
  }

  /** Attempts to record when this one failed: counted by {@code mark-sent}, or spent now (failures before sending count too). */
  static int attemptsSpent(Exchange exchange) {
    Integer counted = exchange.getProperty(ATTEMPTS, Integer.class);
    return counted != null ? counted : submission(exchange).attempts() + 1;
  }

  static Exception caught(Exchange exchange) {
    return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
  }

  /** The caught exception of this type: the one thrown, or one it wraps (the error policy matched it by type). */
  static <T extends Exception> T caught(Exchange exchange, Class<T> type) {
    for (Throwable t = caught(exchange); t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    throw new IllegalStateException("no " + type.getSimpleName() + " caught");
  }
}
