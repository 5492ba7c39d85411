package vn.healthgate.routes.delivery;

import vn.healthgate.routes.identity.Masking;

/**
 * A check-in notice as a HIS sends it: the XML 0 fields in camelCase ({@code docs/api.md}). There is no {@code STT}:
 * the record's position in the file is the gateway's to write (a {@code sequence} a client still sends is ignored).
 */
public record CheckInRequest(
    String facilityCode, String episodeId, String patientId, String fullName, String cccd, String birthDate,
    String sex, String cardNumber, String registeredFacility, String cardValidFrom, String cardValidTo, String visitCategory,
    String arrivedAt, String admittedAt, String admissionReason, String admissionReasonCode, String visitType,
    Item firstService, Item firstDrug, Item firstSupply, String orderedAt, String reserved) {

  /** A service, drug or supply: its code and name. */
  public record Item(String code, String name) {}

  @Override
  public String toString() {
    return "CheckInRequest[" + facilityCode + " " + episodeId + ", cccd=" + Masking.cccd(cccd) + "]";
  }
}
