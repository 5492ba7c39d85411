package vn.healthgate.routes.delivery;

import java.time.Instant;

/**
 * One row of the outbox: a document the gateway owns until it ends ACCEPTED, REJECTED or DEAD_LETTER.
 * After the retention age a finished document's {@code payload} and {@code signedDocument} are purged
 * ({@code purgedAt}); {@code payloadHash} and {@code signedHash} (SHA-256, hex) remain as evidence.
 */
public record Submission(
    String id, DocumentKind kind, String facilityCode, String businessKey, String operation, SubmissionStatus status, int attempts,
    String lastError, Instant nextAttemptAt, String payload, String payloadHash, String signedDocument, String receipt,
    Instant portalReceivedAt, String warnings, Instant createdAt, Instant updatedAt, String signedHash, Instant purgedAt) {

  @Override
  public String toString() {
    return "Submission[" + id + " " + kind + " " + businessKey + " " + status + "]";
  }
}
