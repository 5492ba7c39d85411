package vn.healthgate.gateway.operations;

import java.time.Instant;
import java.util.List;
import vn.healthgate.routes.delivery.DocumentKind;
import vn.healthgate.routes.delivery.SubmissionStatus;

/**
 * {@code GET /api/v1/admin/submissions?q=}: the submissions whose id, episode id (MA_LK) or certificate number (SO) is
 * {@code query}, in every facility, oldest first, each with its evidence and history ({@code docs/api.md}, admin).
 */
record SubmissionLookup(String query, List<Found> items) {

  /** One submission as an admin looks it up. {@code lastError} is the stored text, {@code lastFailure} the same in words. */
  record Found(String id, DocumentKind kind, String facilityCode, String episodeId, String number, String operation, SubmissionStatus status,
      int attempts, Instant nextAttemptAt, String lastError, FailureReason.Described lastFailure, Receipt portalReceipt, Evidence evidence,
      List<String> warnings, Instant createdAt, Instant updatedAt, List<Event> history, Links links) {}

  /** The portal's receipt: {@code transactionId} of a check-in, {@code uuid} of a certificate; when the portal received it. */
  record Receipt(String transactionId, String uuid, Instant receivedAt) {}

  /**
   * SHA-256 (hex) of the document as received (normalised) and of the signed XML sent; when the bodies were purged; the
   * link to the signed XML while it is kept.
   */
  record Evidence(String payloadSha256, String signedDocumentSha256, Instant bodiesPurgedAt, String signedDocument) {}

  /**
   * One event in a submission's life. {@code REQUEST}: an audit-trail entry naming it (who, which call, the HTTP status,
   * the correlation id); the others are read from its outbox row: {@code STORED} (created), {@code PORTAL_RECEIVED} (the
   * portal's time of receipt), {@code LAST_CHANGE} (the last update: status and attempts then), {@code BODIES_PURGED},
   * {@code NEXT_ATTEMPT} (scheduled, while pending).
   */
  record Event(Instant at, Type type, String actor, String action, String result, String correlationId) {
    enum Type { STORED, REQUEST, PORTAL_RECEIVED, LAST_CHANGE, BODIES_PURGED, NEXT_ATTEMPT }
  }

  record Links(String self, String signedDocument) {}
}
