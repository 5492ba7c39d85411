package vn.healthgate.routes.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;

/**
 * Every FHIR name the gateway reads comes out as Vietnamese people write it, family name first: the eligibility
 * request's patient and officer, the Encounter's patient, the certificate's person and doctor.
 */
class VietnameseNameOrderTest {
  private final FhirEligibilityMapper eligibility = new FhirEligibilityMapper();
  private final FhirDocumentMapper documents = new FhirDocumentMapper();

  private static HumanName familyAndGiven(String family, String... given) {
    HumanName name = new HumanName().setFamily(family);
    for (String g : given) {
      name.addGiven(g);
    }
    return name;
  }

  private static Patient patient(CoverageEligibilityRequest request) {
    return (Patient) request.getContained().get(0);
  }

  @Test
  void anEligibilityRequestsPatientIsFamilyThenMiddleThenGiven() {
    CoverageEligibilityRequest request = FhirMappersTest.eligibilityRequest();
    patient(request).setName(List.of(familyAndGiven("ĐẶNG", "QUANG", "HÙNG")));

    assertThat(eligibility.toRequest(request).fullName()).isEqualTo("ĐẶNG QUANG HÙNG");
  }

  @Test
  void aGivenElementHoldingMiddleAndGivenNamesTogetherReadsTheSame() {
    CoverageEligibilityRequest request = FhirMappersTest.eligibilityRequest();
    patient(request).setName(List.of(familyAndGiven("ĐẶNG", "QUANG HÙNG")));

    assertThat(eligibility.toRequest(request).fullName()).isEqualTo("ĐẶNG QUANG HÙNG");
  }

  @Test
  void textIsTheNameAsWrittenAndWins() {
    CoverageEligibilityRequest request = FhirMappersTest.eligibilityRequest();
    patient(request).setName(List.of(familyAndGiven("ĐẶNG", "QUANG", "HÙNG").setText("ĐẶNG QUANG HÙNG")));

    assertThat(eligibility.toRequest(request).fullName()).isEqualTo("ĐẶNG QUANG HÙNG");
  }

  @Test
  void theOfficialNameIsPreferredToAnOldOrUsualOne() {
    CoverageEligibilityRequest request = FhirMappersTest.eligibilityRequest();
    patient(request).setName(List.of(
        familyAndGiven("ĐẶNG", "HÙNG").setUse(HumanName.NameUse.USUAL),
        familyAndGiven("ĐẶNG", "QUANG", "HÙNG").setUse(HumanName.NameUse.OFFICIAL)));

    assertThat(eligibility.toRequest(request).fullName()).isEqualTo("ĐẶNG QUANG HÙNG");
  }

  @Test
  void theOfficerIsFamilyThenMiddleThenGiven() {
    CoverageEligibilityRequest request = FhirMappersTest.eligibilityRequest();
    ((Practitioner) request.getContained().get(1)).setName(List.of(familyAndGiven("NGÔ", "NGỌC", "GIANG")));

    assertThat(eligibility.toRequest(request).officer().fullName()).isEqualTo("NGÔ NGỌC GIANG");
  }

  @Test
  void anEncountersPatientIsFamilyThenMiddleThenGiven() {
    Encounter encounter = FhirMappersTest.encounter();
    ((Patient) encounter.getContained().get(0)).setName(List.of(familyAndGiven("NGUYỄN", "VĂN", "AN")));

    assertThat(documents.checkIn(encounter).fullName()).isEqualTo("NGUYỄN VĂN AN");
  }

  @Test
  void aCertificatesPersonAndDoctorAreFamilyThenMiddleThenGiven() {
    Bundle bundle = FhirMappersTest.certificate();
    bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Patient.class::isInstance).map(Patient.class::cast)
        .findFirst().orElseThrow().setName(List.of(familyAndGiven("VÕ", "HỮU", "BÌNH")));
    bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Practitioner.class::isInstance).map(Practitioner.class::cast)
        .findFirst().orElseThrow().setName(List.of(familyAndGiven("NGUYỄN", "THỊ", "LAN")));

    assertThat(documents.certificate(bundle).person().fullName()).isEqualTo("VÕ HỮU BÌNH");
    assertThat(documents.certificate(bundle).conclusion().doctor()).isEqualTo("NGUYỄN THỊ LAN");
  }
}
