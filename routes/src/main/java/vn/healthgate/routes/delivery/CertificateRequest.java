package vn.healthgate.routes.delivery;

import vn.healthgate.routes.identity.Masking;

/**
 * A driver health certificate as a clinic sends it ({@code docs/api.md}); {@code licenceClassSystem} says which law's
 * classes {@code licenceClass} names: {@code LAW_2024} (the default) or {@code LAW_2008} (a licence issued before 2025).
 */
public record CertificateRequest(
    String number, String facilityCode, Person person, String licenceClass, String licenceClassSystem, Alcohol alcohol, String drugTest,
    Conclusion conclusion) {

  public record Person(String fullName, String sex, String birthDate, String idNumber, String idIssuedOn, String idIssuedBy, Address address) {
    @Override
    public String toString() {
      return "Person[" + Masking.cccd(idNumber) + "]";
    }
  }

  public record Address(String line, String provinceCode, String districtCode, String communeCode) {}

  public record Alcohol(String value, String unit) {}

  public record Conclusion(String code, String doctor, String date, String reexaminationDate, String reason, String condition) {}
}
