package vn.healthgate.gateway.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.healthgate.routes.delivery.DocumentKind;
import vn.healthgate.routes.delivery.Outbox;
import vn.healthgate.routes.delivery.PortalDocument;
import vn.healthgate.routes.delivery.Submission;
import vn.healthgate.routes.delivery.SubmissionFilter;

/** The outbox as the delivery worker sees it, counting each attempt's outcome ({@link GatewayMetrics#delivery}). */
public class MeteredOutbox implements Outbox {
  private final Outbox outbox;
  private final GatewayMetrics metrics;
  private final java.time.Clock clock;
  private final Map<String, Claimed> claimed = new ConcurrentHashMap<>();

  private record Claimed(String kind, String facility, Instant at) {}

  public MeteredOutbox(Outbox outbox, GatewayMetrics metrics, java.time.Clock clock) {
    this.outbox = outbox;
    this.metrics = metrics;
    this.clock = clock;
  }

  private void ended(String id, String outcome) {
    Claimed c = claimed.remove(id);
    if (c != null) {
      metrics.delivery(c.kind(), c.facility(), outcome, Duration.between(c.at(), clock.instant()));
    }
  }

  @Override
  public List<Submission> claim(int max, Duration lease, Instant now, String node) {
    List<Submission> submissions = outbox.claim(max, lease, now, node);
    Instant at = clock.instant();
    submissions.forEach(s -> claimed.put(s.id(), new Claimed(s.kind() == DocumentKind.CHECK_IN ? "check-in" : "certificate", s.facilityCode(), at)));
    return submissions;
  }

  @Override
  public void markAccepted(String id, String receipt, Instant portalReceivedAt, Instant now) {
    outbox.markAccepted(id, receipt, portalReceivedAt, now);
    ended(id, "accepted");
  }

  @Override
  public void markRejected(String id, String reason, Instant now) {
    outbox.markRejected(id, reason, now);
    ended(id, "rejected");
  }

  @Override
  public void reschedule(String id, int attempts, String error, Instant nextAttemptAt, Instant now) {
    outbox.reschedule(id, attempts, error, nextAttemptAt, now);
    ended(id, "retry");
  }

  @Override
  public void markDeadLetter(String id, int attempts, String error, Instant now) {
    outbox.markDeadLetter(id, attempts, error, now);
    ended(id, "dead_letter");
  }

  @Override
  public Submission insert(PortalDocument document, String payloadJson, String payloadHash, String idempotencyKey, Instant now) {
    return outbox.insert(document, payloadJson, payloadHash, idempotencyKey, now);
  }

  @Override
  public Optional<Submission> find(String id) {
    return outbox.find(id);
  }

  @Override
  public Optional<Submission> findByKey(DocumentKind kind, String businessKey, String operation) {
    return outbox.findByKey(kind, businessKey, operation);
  }

  @Override
  public Optional<Submission> findByIdempotencyKey(String facilityCode, String idempotencyKey) {
    return outbox.findByIdempotencyKey(facilityCode, idempotencyKey);
  }

  @Override
  public int releaseClaims(String node) {
    return outbox.releaseClaims(node);
  }

  @Override
  public void markSigned(String id, String signedDocument, Instant now) {
    outbox.markSigned(id, signedDocument, now);
  }

  @Override
  public void markSent(String id, int attempts, Instant now) {
    outbox.markSent(id, attempts, now);
  }

  @Override
  public void requeue(String id, Instant now) {
    outbox.requeue(id, now);
  }

  @Override
  public List<Submission> list(SubmissionFilter filter) {
    return outbox.list(filter);
  }
}
