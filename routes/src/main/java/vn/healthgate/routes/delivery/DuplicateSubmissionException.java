package vn.healthgate.routes.delivery;

/** The outbox already holds a submission with the same document number or idempotency key (a concurrent insert lost the race). */
public class DuplicateSubmissionException extends RuntimeException {
  public DuplicateSubmissionException(Throwable cause) {
    super("duplicate submission", cause);
  }
}
