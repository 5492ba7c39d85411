package vn.healthgate.routes.eligibility;

import vn.healthgate.routes.identity.Masking;

/**
 * An eligibility check as a HIS sends it (REST JSON, or mapped from FHIR). Everything is text
 * here: {@link EligibilityValidator} turns it into a {@link EligibilityQuery} or a coded error.
 */
public record EligibilityRequest(
    String facilityCode, String cccd, String qr, String cardNumber, String fullName, String birthDate, String sex,
    Officer officer, Boolean includeHistory) {

  /** The reception staff member performing the lookup (registered under the facility's account). */
  public record Officer(String fullName, String cccd) {
    @Override
    public String toString() {
      return "Officer[" + Masking.cccd(cccd) + "]";
    }
  }

  @Override
  public String toString() {
    return "EligibilityRequest[facility=" + facilityCode + ", cccd=" + Masking.cccd(cccd) + ", qr=" + (qr != null) + "]";
  }
}
