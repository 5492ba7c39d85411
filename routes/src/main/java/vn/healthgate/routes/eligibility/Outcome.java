package vn.healthgate.routes.eligibility;

/** What the reception desk should do with the answer. */
public enum Outcome {
  ELIGIBLE,
  NOT_ELIGIBLE,
  MANUAL_CHECK,
  RETRY_LATER
}
