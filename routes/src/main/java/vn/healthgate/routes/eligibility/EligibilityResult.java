package vn.healthgate.routes.eligibility;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.healthgate.routes.identity.Sex;

/** The gateway's answer to an eligibility check ({@code docs/api.md}), the same for REST and FHIR. */
public record EligibilityResult(
    boolean eligible,
    Outcome outcome,
    String portalCode,
    ResultCategory category,
    String message,
    String messageVi,
    String portalMessage,
    Card card,
    Card newCard,
    Patient patient,
    List<Visit> history,
    OffsetDateTime checkedAt) {

  /** A health-insurance card as the portal described it. */
  public record Card(
      String number, String socialInsuranceNumber, LocalDate validFrom, LocalDate validTo, String registeredFacility,
      String registeredFacilityName, Integer benefitLevel, LocalDate fiveYearsContinuousFrom, String livingArea,
      String issuingOffice) {}

  /** The person as the portal's records hold them; {@code birthDate} is {@code yyyy-MM-dd} or {@code yyyy}. */
  public record Patient(String fullName, String birthDate, Sex sex, String address) {}

  /** A past visit. */
  public record Visit(String recordId, String facilityCode, OffsetDateTime arrivedAt, OffsetDateTime leftAt, String diagnosis) {}

  @Override
  public String toString() {
    return "EligibilityResult[" + portalCode + " " + outcome + "]";
  }
}
