package vn.healthgate.routes.delivery;

/** Lifecycle of a document the gateway owns: {@code RECEIVED → SIGNED → SENT → ACCEPTED | REJECTED | DEAD_LETTER}. */
public enum SubmissionStatus {
  RECEIVED,
  SIGNED,
  SENT,
  ACCEPTED,
  REJECTED,
  DEAD_LETTER;

  public boolean finished() {
    return this == ACCEPTED || this == REJECTED || this == DEAD_LETTER;
  }
}
