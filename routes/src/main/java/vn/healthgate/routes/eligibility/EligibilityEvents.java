package vn.healthgate.routes.eligibility;

import java.time.Duration;

/** Told how each eligibility check was answered (for metrics: the gateway counts them). Never told who was checked. */
public interface EligibilityEvents {

  /**
   * One check answered: {@code outcome} is the result's outcome or the error code of a refusal; {@code portalCode} is null
   * when the portal was not reached (input error, outage).
   */
  void checked(String facilityCode, String portalCode, String outcome, Duration took);

  /** Tells no one. */
  EligibilityEvents NONE = (facilityCode, portalCode, outcome, took) -> {};
}
