package vn.healthgate.routes.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** An in-memory outbox for unit and route tests: the state transitions and leases of the real one, no SQL. */
final class FakeOutbox implements Outbox {
  private final Map<String, Submission> rows = new LinkedHashMap<>();
  private final Map<String, String> idempotencyKeys = new LinkedHashMap<>();
  private final Map<String, Instant> claimedUntil = new LinkedHashMap<>();
  private final Map<String, String> claimedBy = new LinkedHashMap<>();
  private final List<Integer> claimRequests = new ArrayList<>();
  private int releases;

  @Override
  public synchronized Submission insert(PortalDocument document, String payloadJson, String payloadHash, String idempotencyKey, Instant now) {
    Submission s = new Submission(UUID.randomUUID().toString(), document.kind(), document.facilityCode(), document.businessKey(), document.operation(),
        SubmissionStatus.RECEIVED, 0, null, now, payloadJson, payloadHash, null, null, null,
        document.warnings().isEmpty() ? null : String.join("; ", document.warnings()), now, now, null, null);
    rows.put(s.id(), s);
    idempotencyKeys.put(s.id(), idempotencyKey);
    return s;
  }

  /** Stores a row as it is (e.g. one accepted before a validation rule existed). */
  synchronized Submission put(Submission submission) {
    rows.put(submission.id(), submission);
    return submission;
  }

  synchronized Submission get(String id) {
    return rows.get(id);
  }

  synchronized int size() {
    return rows.size();
  }

  @Override
  public synchronized Optional<Submission> find(String id) {
    return Optional.ofNullable(rows.get(id));
  }

  @Override
  public synchronized Optional<Submission> findByKey(DocumentKind kind, String facilityCode, String businessKey, String operation) {
    return rows.values().stream().filter(s -> s.kind() == kind && s.facilityCode().equals(facilityCode) && s.businessKey().equals(businessKey)
            && s.operation().equals(operation))
        .reduce((first, second) -> second);
  }

  @Override
  public synchronized Optional<Submission> findByIdempotencyKey(String facilityCode, String idempotencyKey) {
    return rows.values().stream().filter(s -> s.facilityCode().equals(facilityCode) && idempotencyKey.equals(idempotencyKeys.get(s.id()))).findFirst();
  }

  @Override
  public synchronized List<Submission> claim(int max, Duration lease, Instant now, String node) {
    claimRequests.add(max);
    List<Submission> due = rows.values().stream()
        .filter(s -> pending(s.status()) && !s.nextAttemptAt().isAfter(now) && (!claimedUntil.containsKey(s.id()) || claimedUntil.get(s.id()).isBefore(now)))
        .limit(max).toList();
    due.forEach(s -> {
      claimedUntil.put(s.id(), now.plus(lease));
      claimedBy.put(s.id(), node);
    });
    return due;
  }

  @Override
  public synchronized int releaseClaims(String node) {
    releases++;
    List<String> ids = claimedBy.entrySet().stream().filter(e -> e.getValue().equals(node)).map(Map.Entry::getKey).toList();
    ids.forEach(this::unclaim);
    return ids.size();
  }

  /** The {@code max} of each claim asked for, in order. */
  synchronized List<Integer> claimRequests() {
    return List.copyOf(claimRequests);
  }

  /** How often a node released its claims. */
  synchronized int releases() {
    return releases;
  }

  /** Rows claimed and not yet ended or rescheduled. */
  synchronized int claimed() {
    return claimedBy.size();
  }

  private void unclaim(String id) {
    claimedUntil.remove(id);
    claimedBy.remove(id);
  }

  @Override
  public synchronized void markSigned(String id, String signedDocument, Instant now) {
    Submission s = rows.get(id);
    rows.put(id, copy(s, SubmissionStatus.SIGNED, s.attempts(), s.lastError(), s.nextAttemptAt(), signedDocument, s.receipt(), now));
  }

  @Override
  public synchronized void markSent(String id, int attempts, Instant now) {
    Submission s = rows.get(id);
    rows.put(id, copy(s, SubmissionStatus.SENT, attempts, s.lastError(), s.nextAttemptAt(), s.signedDocument(), s.receipt(), now));
  }

  @Override
  public synchronized void markAccepted(String id, String receipt, Instant portalReceivedAt, Instant now) {
    Submission s = rows.get(id);
    rows.put(id, copy(s, SubmissionStatus.ACCEPTED, s.attempts(), null, s.nextAttemptAt(), s.signedDocument(), receipt, now));
    unclaim(id);
  }

  @Override
  public synchronized void markRejected(String id, String reason, Instant now) {
    Submission s = rows.get(id);
    rows.put(id, copy(s, SubmissionStatus.REJECTED, s.attempts(), reason, s.nextAttemptAt(), s.signedDocument(), s.receipt(), now));
    unclaim(id);
  }

  @Override
  public synchronized void reschedule(String id, int attempts, String error, Instant nextAttemptAt, Instant now) {
    Submission s = rows.get(id);
    rows.put(id, copy(s, s.status(), attempts, error, nextAttemptAt, s.signedDocument(), s.receipt(), now));
    unclaim(id);
  }

  @Override
  public synchronized void markDeadLetter(String id, int attempts, String error, Instant now) {
    Submission s = rows.get(id);
    rows.put(id, copy(s, SubmissionStatus.DEAD_LETTER, attempts, error, s.nextAttemptAt(), s.signedDocument(), s.receipt(), now));
    unclaim(id);
  }

  @Override
  public synchronized void requeue(String id, Instant now) {
    Submission s = rows.get(id);
    rows.put(id, copy(s, s.signedDocument() == null ? SubmissionStatus.RECEIVED : SubmissionStatus.SENT, 0, s.lastError(), now, s.signedDocument(),
        s.receipt(), now));
  }

  @Override
  public synchronized List<Submission> list(SubmissionFilter filter) {
    return new ArrayList<>(rows.values());
  }

  @Override
  public synchronized long count(SubmissionFilter filter) {
    return rows.size();
  }

  private static boolean pending(SubmissionStatus status) {
    return status == SubmissionStatus.RECEIVED || status == SubmissionStatus.SIGNED || status == SubmissionStatus.SENT;
  }

  private static Submission copy(Submission s, SubmissionStatus status, int attempts, String lastError, Instant nextAttemptAt, String signedDocument,
      String receipt, Instant now) {
    return new Submission(s.id(), s.kind(), s.facilityCode(), s.businessKey(), s.operation(), status, attempts, lastError, nextAttemptAt, s.payload(),
        s.payloadHash(), signedDocument, receipt, s.portalReceivedAt(), s.warnings(), s.createdAt(), now, s.signedHash(), s.purgedAt());
  }
}
