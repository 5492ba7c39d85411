package vn.healthgate.routes.eligibility;

import vn.healthgate.routes.identity.BirthDate;
import vn.healthgate.routes.identity.Cccd;
import vn.healthgate.routes.identity.Masking;
import vn.healthgate.routes.portal.CardLookupRequest;

/** A validated eligibility check: what is sent to the portal, in normalised form. */
public record EligibilityQuery(
    String facilityCode, Cccd cccd, String cardNumber, String fullName, BirthDate birthDate, String officerName,
    Cccd officerCccd, boolean includeHistory) {

  /** The portal's {@code maThe}: the CCCD when given, otherwise the card code or social-insurance number. */
  public String portalIdentifier() {
    return cccd != null ? cccd.digits() : cardNumber;
  }

  public CardLookupRequest toPortalRequest() {
    return new CardLookupRequest(portalIdentifier(), fullName, birthDate.portalText(), officerName, officerCccd.digits());
  }

  @Override
  public String toString() {
    return "EligibilityQuery[facility=" + facilityCode + ", id=" + Masking.cccd(portalIdentifier()) + "]";
  }
}
