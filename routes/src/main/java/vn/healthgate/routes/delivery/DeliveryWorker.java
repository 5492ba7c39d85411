package vn.healthgate.routes.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/**
 * Delivers one claimed submission: sign once (the signed bytes are stored before the first send),
 * send, and record the outcome. A duplicate answer for a document this gateway may already have
 * delivered (an earlier attempt, or the portal saying the content is the same) is success, so a
 * crash between sending and recording never produces a second document at the portal.
 */
public class DeliveryWorker {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

  private final Outbox outbox;
  private final DocumentSigner signer;
  private final PortalSender sender;
  private final RetryPolicy retry;
  private final Clock clock;
  private final String node;
  private final int batchSize;
  private final Duration lease;

  public DeliveryWorker(Outbox outbox, DocumentSigner signer, PortalSender sender, RetryPolicy retry, Clock clock, String node, int batchSize, Duration lease) {
    this.outbox = outbox;
    this.signer = signer;
    this.sender = sender;
    this.retry = retry;
    this.clock = clock;
    this.node = node;
    this.batchSize = batchSize;
    this.lease = lease;
  }

  public List<Submission> claimDue() {
    return outbox.claim(batchSize, lease, clock.instant(), node);
  }

  public void deliver(Submission submission) {
    PortalDocument document;
    try {
      document = DocumentJson.read(submission.payload());
    } catch (RuntimeException e) {
      retryLater(submission, submission.attempts() + 1, "unreadable stored document: " + describe(e));
      return;
    }
    String signed = submission.signedDocument();
    if (signed == null) {
      try {
        signed = signer.sign(document);
      } catch (GatewayException e) {
        retryLater(submission, submission.attempts() + 1, e.errorCode().code());
        return;
      } catch (RuntimeException e) {
        // a key that cannot sign, XML that cannot be serialised: the attempt is spent and the reason kept, so the
        // document ends DEAD_LETTER after the budget instead of escaping the batch and staying RECEIVED for ever
        retryLater(submission, submission.attempts() + 1, "signing failed: " + describe(e));
        return;
      }
      outbox.markSigned(submission.id(), signed, clock.instant());
    }
    Optional<Duration> paused = sender.pausedFor(submission.kind());
    if (paused.isPresent()) {
      // not marked SENT: nothing goes out, the status and attempts stay as they are
      deferWhileTheBreakerIsOpen(submission, paused.get());
      return;
    }
    int attempts = submission.attempts() + 1;
    outbox.markSent(submission.id(), attempts, clock.instant());
    PortalSender.Answer answer;
    try {
      answer = sender.send(document, signed);
    } catch (GatewayException e) {
      if (e.errorCode() == ErrorCode.PORTAL_CIRCUIT_OPEN) {
        // the breaker opened between asking and calling
        deferWhileTheBreakerIsOpen(submission, e.retryAfter().orElse(Duration.ofSeconds(1)));
        return;
      }
      retryLater(submission, attempts, e.errorCode().code() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
      return;
    } catch (RuntimeException e) {
      retryLater(submission, attempts, e.getClass().getSimpleName() + ": " + e.getMessage());
      return;
    }
    Instant now = clock.instant();
    switch (answer.kind()) {
      case ACCEPTED -> outbox.markAccepted(submission.id(), answer.receipt(), answer.receivedAt() != null ? answer.receivedAt() : now, now);
      case DUPLICATE -> {
        boolean ours = answer.sameContent() || (submission.attempts() > 0 && !answer.reason().contains("khác nội dung"));
        if (ours) {
          LOG.info("{} {} was already at the portal from an earlier attempt: accepted", submission.kind(), submission.id());
          outbox.markAccepted(submission.id(), answer.receipt(), now, now);
        } else {
          outbox.markRejected(submission.id(), answer.reason(), now);
        }
      }
      case REFUSED -> {
        LOG.warn("{} {} refused by the portal: {}", submission.kind(), submission.id(), answer.reason());
        outbox.markRejected(submission.id(), answer.reason(), now);
      }
      case TRANSIENT -> retryLater(submission, attempts, answer.reason());
      default -> throw new IllegalStateException(answer.kind().name());
    }
  }

  /**
   * The endpoint's breaker refused the call: nothing reached the portal, so the attempt budget is
   * kept and the document waits until the breaker lets calls through again. A long outage therefore
   * never dead-letters documents by itself; the outbox health component and alerts show the backlog.
   */
  private void deferWhileTheBreakerIsOpen(Submission submission, Duration breakerWait) {
    Instant now = clock.instant();
    Duration wait = breakerWait.isNegative() || breakerWait.isZero() ? Duration.ofSeconds(1) : breakerWait;
    outbox.reschedule(submission.id(), submission.attempts(), ErrorCode.PORTAL_CIRCUIT_OPEN.code() + " (not sent: the portal endpoint's breaker is open)",
        now.plus(wait), now);
  }

  /**
   * The exception's class and message, and the class of its root cause. Not the root cause's message: a
   * parser's or serialiser's message may quote the document (personal data); the signer's own are fixed texts.
   */
  static String describe(RuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
        + (root == e ? "" : " (caused by " + root.getClass().getSimpleName() + ")");
  }

  private void retryLater(Submission submission, int attempts, String error) {
    Instant now = clock.instant();
    if (retry.exhausted(attempts)) {
      LOG.warn("{} {} dead-lettered after {} attempts: {}", submission.kind(), submission.id(), attempts, error);
      outbox.markDeadLetter(submission.id(), attempts, error, now);
    } else {
      outbox.reschedule(submission.id(), attempts, error, retry.nextAttempt(attempts, now), now);
    }
  }
}
