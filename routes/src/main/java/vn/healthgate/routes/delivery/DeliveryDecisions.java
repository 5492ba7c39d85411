package vn.healthgate.routes.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.portal.PortalDuplicateException;
import vn.healthgate.routes.portal.PortalReceipt;

/**
 * What the outbox records when a delivery attempt ends, one method per outcome; the route's steps and error branches call
 * it. A duplicate answer for a document this gateway may already have delivered (the portal says the content is the same,
 * or an earlier attempt was made and the portal does not say it differs) is success, so a crash between sending and
 * recording never produces a second document at the portal. Time comes from the injected clock.
 */
public class DeliveryDecisions {
  static final String BREAKER_OPEN = ErrorCode.PORTAL_CIRCUIT_OPEN.code() + " (not sent: the portal endpoint's breaker is open)";
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryDecisions.class);
  private static final Duration SHORTEST_DEFERRAL = Duration.ofSeconds(1);

  private final Outbox outbox;
  private final RetryPolicy retry;
  private final Clock clock;
  private final DeliveryEvents events;

  public DeliveryDecisions(Outbox outbox, RetryPolicy retry, Clock clock, DeliveryEvents events) {
    this.outbox = outbox;
    this.retry = retry;
    this.clock = clock;
    this.events = events;
  }

  public Instant now() {
    return clock.instant();
  }

  /** The portal took the document. */
  public void accepted(Submission submission, PortalReceipt receipt, Instant claimedAt) {
    Instant now = clock.instant();
    outbox.markAccepted(submission.id(), receipt.id(), receipt.receivedAt() != null ? receipt.receivedAt() : now, now);
    ended(submission, DeliveryEvents.Outcome.ACCEPTED, claimedAt, now);
  }

  /** The portal refused the content: not retried, the reason kept. */
  public void refused(Submission submission, String reason, Instant claimedAt) {
    LOG.warn("{} {} refused by the portal: {}", submission.kind(), submission.id(), reason);
    Instant now = clock.instant();
    outbox.markRejected(submission.id(), reason, now);
    ended(submission, DeliveryEvents.Outcome.REJECTED, claimedAt, now);
  }

  /** The portal already holds a document with this number: ours (accepted) or another (rejected), see {@link #ours}. */
  public void duplicate(Submission submission, PortalDuplicateException answer, Instant claimedAt) {
    Instant now = clock.instant();
    if (ours(submission, answer.content())) {
      LOG.info("{} {} was already at the portal from an earlier attempt: accepted", submission.kind(), submission.id());
      outbox.markAccepted(submission.id(), answer.receipt(), now, now);
      ended(submission, DeliveryEvents.Outcome.ACCEPTED, claimedAt, now);
    } else {
      outbox.markRejected(submission.id(), answer.reason(), now);
      ended(submission, DeliveryEvents.Outcome.REJECTED, claimedAt, now);
    }
  }

  /**
   * The copy at the portal is this document when the portal says the content is the same; when it does not say, when an
   * earlier attempt was made ({@code attempts} of the claimed row: the attempt under way is not counted).
   */
  static boolean ours(Submission submission, PortalDuplicateException.Content content) {
    return switch (content) {
      case SAME -> true;
      case DIFFERENT -> false;
      case UNKNOWN -> submission.attempts() > 0;
    };
  }

  /**
   * The portal answered something no row of its table knows: not accepted, not retried, kept as a dead letter with the
   * answer (the attempt under way counted) until an admin replays it.
   */
  public void keptForAdmin(Submission submission, int attempts, String reason, Instant claimedAt) {
    LOG.warn("{} {} kept for an admin: {}", submission.kind(), submission.id(), reason);
    Instant now = clock.instant();
    outbox.markDeadLetter(submission.id(), attempts, reason, now);
    ended(submission, DeliveryEvents.Outcome.DEAD_LETTER, claimedAt, now);
  }

  /**
   * The endpoint's breaker refused the call: nothing reached the portal, so the attempt budget is kept (the claimed row's
   * {@code attempts}) and the document waits until the breaker lets calls through again. A long outage therefore never
   * dead-letters documents by itself; the outbox health component and alerts show the backlog.
   */
  public void deferred(Submission submission, Duration breakerWait, Instant claimedAt) {
    Instant now = clock.instant();
    Duration wait = breakerWait == null || breakerWait.compareTo(SHORTEST_DEFERRAL) < 0 ? SHORTEST_DEFERRAL : breakerWait;
    outbox.reschedule(submission.id(), submission.attempts(), BREAKER_OPEN, now.plus(wait), now);
    ended(submission, DeliveryEvents.Outcome.DEFERRED, claimedAt, now);
  }

  /** An attempt failed in a way that may pass (or that an admin can fix): retried after the backoff, dead-lettered once the budget is spent. */
  public void failedAttempt(Submission submission, int attempts, String reason, Instant claimedAt) {
    Instant now = clock.instant();
    if (retry.exhausted(attempts)) {
      LOG.warn("{} {} dead-lettered after {} attempts: {}", submission.kind(), submission.id(), attempts, reason);
      outbox.markDeadLetter(submission.id(), attempts, reason, now);
      ended(submission, DeliveryEvents.Outcome.DEAD_LETTER, claimedAt, now);
    } else {
      outbox.reschedule(submission.id(), attempts, reason, retry.nextAttempt(attempts, now), now);
      ended(submission, DeliveryEvents.Outcome.RETRY, claimedAt, now);
    }
  }

  private void ended(Submission submission, DeliveryEvents.Outcome outcome, Instant claimedAt, Instant now) {
    Duration took = claimedAt == null || claimedAt.isAfter(now) ? Duration.ZERO : Duration.between(claimedAt, now);
    events.attemptEnded(submission.kind(), submission.facilityCode(), outcome, took);
  }
}
