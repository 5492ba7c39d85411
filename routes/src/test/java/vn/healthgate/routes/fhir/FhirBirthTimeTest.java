package vn.healthgate.routes.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** A newborn's check-in carries the time of birth, which FHIR puts in HL7's patient-birthTime extension on birthDate. */
class FhirBirthTimeTest {
  private final FhirDocumentMapper documents = new FhirDocumentMapper();

  @Test
  void anEncountersNewbornCarriesItsTimeOfBirthFromTheStandardExtension() {
    Encounter encounter = FhirMappersTest.encounter();
    Patient patient = (Patient) encounter.getContained().get(0);
    patient.setBirthDateElement(new DateType("2026-11-20"));
    patient.getBirthDateElement().addExtension(FhirIdentifiers.EXT_BIRTH_TIME, new DateTimeType("2026-11-20T08:30:00+07:00"));

    assertThat(documents.checkIn(encounter).birthDate()).isEqualTo("2026-11-20T08:30:00+07:00");
  }

  @Test
  void withoutTheExtensionTheBirthDateIsTheDate() {
    Encounter encounter = FhirMappersTest.encounter();

    assertThat(documents.checkIn(encounter).birthDate()).isEqualTo("1990-01-01");
  }
}
