package vn.healthgate.simulator.data;

import java.time.LocalDate;
import java.util.List;

/**
 * One synthetic citizen: what the portal's registry holds ({@link #registry}) and what a reception
 * desk presents at check-in ({@link #presented}), which differ on purpose for the input-error codes.
 */
public record Citizen(
    String expectedCode, Registry registry, Presented presented, Card card, Card newCard, List<Visit> visits) {

  /** The truth as the portal knows it. {@code birthDate} with {@code birthYearOnly} keeps only the year. */
  public record Registry(
      String cccd, String fullName, LocalDate birthDate, boolean birthYearOnly, boolean female, String address) {}

  /**
   * What the patient and the reception desk present. {@code lookupBy} says which identifier a HIS
   * sends; {@code officer} is set when the expected code is about the officer (054/055).
   */
  public record Presented(
      String fullName, String birthDate, String cardNumber, LookupBy lookupBy, String facilityCode, Officer officer) {}

  public enum LookupBy {
    CCCD,
    CARD_NUMBER
  }

  /** A health-insurance card; {@code portalState} is the card-level result code the portal answers. */
  public record Card(
      String number,
      String socialInsuranceNumber,
      String registeredFacility,
      String registeredFacilityName,
      LocalDate validFrom,
      LocalDate validTo,
      LocalDate fiveYearsFrom,
      String livingArea,
      String issuingOffice,
      String portalState) {

    public String groupCode() {
      return number.substring(0, 2);
    }

    public char benefitLevel() {
      return number.charAt(2);
    }

    public String provinceCode() {
      return number.substring(3, 5);
    }
  }

  /** A past visit, as the history API returns it. */
  public record Visit(String recordId, String facilityCode, String arrivedAt, String leftAt, String diagnosis, String result) {}

  public String birthDateText() {
    return registry.birthYearOnly ? String.valueOf(registry.birthDate.getYear()) : registry.birthDate.toString();
  }

  public String sexWord() {
    return registry.female ? "Nữ" : "Nam";
  }
}
