package vn.healthgate.routes.eligibility;

/** Whom a portal result is about, so a HIS can route it: the patient's card, the input, the facility's set-up, or the portal itself. */
public enum ResultCategory {
  CARD,
  INPUT,
  CONFIGURATION,
  PORTAL
}
