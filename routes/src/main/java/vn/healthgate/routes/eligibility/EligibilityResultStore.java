package vn.healthgate.routes.eligibility;

/** Keeps the latest eligibility result per person, so a later check-in notice can fill its card fields. */
public interface EligibilityResultStore {
  void save(EligibilityQuery query, EligibilityResult result);
}
