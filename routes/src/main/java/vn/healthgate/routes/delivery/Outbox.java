package vn.healthgate.routes.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The durable outbox (a database table): written in the transaction that answers 202, claimed by leases. */
public interface Outbox {

  /** Stores a new submission; {@code idempotencyKey} may be null. */
  Submission insert(PortalDocument document, String payloadJson, String payloadHash, String idempotencyKey, Instant now);

  Optional<Submission> find(String id);

  /** The facility's latest submission with this document number (MA_LK / SO; unique per facility) and operation. */
  Optional<Submission> findByKey(DocumentKind kind, String facilityCode, String businessKey, String operation);

  Optional<Submission> findByIdempotencyKey(String facilityCode, String idempotencyKey);

  /** Claims up to {@code max} due submissions for {@code lease}; a crashed node's claims return when the lease ends. */
  List<Submission> claim(int max, Duration lease, Instant now, String node);

  /** Releases the claims a previous run of this node left behind (it died); returns how many. Node names must be unique per running instance. */
  int releaseClaims(String node);

  void markSigned(String id, String signedDocument, Instant now);

  void markSent(String id, int attempts, Instant now);

  void markAccepted(String id, String receipt, Instant portalReceivedAt, Instant now);

  void markRejected(String id, String reason, Instant now);

  void reschedule(String id, int attempts, String error, Instant nextAttemptAt, Instant now);

  void markDeadLetter(String id, int attempts, String error, Instant now);

  /** Back to the queue with a fresh retry budget (dead-letter replay). */
  void requeue(String id, Instant now);

  /** One page of the matching submissions, oldest first. */
  List<Submission> list(SubmissionFilter filter);

  /** How many submissions match, ignoring the filter's page. */
  long count(SubmissionFilter filter);
}
