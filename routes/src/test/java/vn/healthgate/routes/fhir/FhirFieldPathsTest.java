package vn.healthgate.routes.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * Every field the validators can name for a FHIR check-in, certificate or eligibility request has a FHIRPath, and the
 * HAPI FHIRPath engine finds that element in a complete example of the resource (the mappers' sample resources with
 * every optional element filled).
 */
class FhirFieldPathsTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final IFhirPath PATH = FHIR.newFhirPath();

  /** What {@code CheckInValidator} (with {@code FieldChecks}, {@code CheckInBirth}, {@code Cccd}) names for a field the mapper fills. */
  private static final List<String> CHECK_IN_FIELDS = List.of("facilityCode", "episodeId", "patientId", "fullName", "cccd", "birthDate", "sex",
      "cardNumber", "visitCategory", "arrivedAt", "visitType", "firstService", "firstService.code", "firstService.name", "firstDrug",
      "firstDrug.code", "firstDrug.name", "firstSupply", "firstSupply.code", "firstSupply.name", "orderedAt");
  /** What {@code CertificateValidator} (with {@code DriverCertificateCodes}) names for a field the mapper fills. */
  private static final List<String> CERTIFICATE_FIELDS = List.of("number", "facilityCode", "person", "person.fullName", "person.sex",
      "person.birthDate", "person.address", "person.address.line", "person.address.provinceCode", "person.address.districtCode",
      "person.address.communeCode", "person.idNumber", "person.idIssuedOn", "person.idIssuedBy", "alcohol", "alcohol.value", "alcohol.unit",
      "drugTest", "licenceClass", "licenceClassSystem", "conclusion", "conclusion.code", "conclusion.doctor", "conclusion.date",
      "conclusion.reexaminationDate", "conclusion.reason", "Composition.subject", "Observation alcohol", "Observation drug-test",
      "Observation conclusion", "Observation licence-class");
  /** What {@code EligibilityValidator}, {@code EligibilityLookup} and {@code EligibilityGateway} name. */
  private static final List<String> ELIGIBILITY_FIELDS = List.of("facilityCode", "cccd", "qr", "cardNumber", "fullName", "birthDate", "sex",
      "officer", "officer.fullName", "officer.cccd");

  @Test
  void everyCheckInFieldIsAnElementOfTheEncounter() {
    Encounter encounter = FhirMappersTest.encounter();
    Patient patient = (Patient) encounter.getContained().get(0);
    patient.addIdentifier().setSystem(FhirIdentifiers.CARD_NUMBER).setValue("DN4797022036925");
    encounter.addExtension(FhirIdentifiers.EXT_FIRST_DRUG, new Coding(null, "40.17", "Paracetamol"));
    encounter.addExtension(FhirIdentifiers.EXT_FIRST_SUPPLY, new Coding(null, "N03.05", "Bơm tiêm"));

    assertEveryFieldFound(FhirFieldPaths.CHECK_IN, CHECK_IN_FIELDS, encounter);
  }

  @Test
  void everyCertificateFieldIsAnElementOfTheBundle() {
    Bundle bundle = FhirMappersTest.certificate();
    bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Observation.class::isInstance).map(Observation.class::cast)
        .filter(o -> "conclusion".equals(o.getCode().getCodingFirstRep().getCode())).forEach(o -> o.addNote().setText("Đủ sức khỏe"));
    bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Observation.class::isInstance).map(Observation.class::cast)
        .filter(o -> "licence-class".equals(o.getCode().getCodingFirstRep().getCode()))
        .forEach(o -> o.setValue(new org.hl7.fhir.r4.model.CodeableConcept(new Coding(FhirIdentifiers.LICENCE_CLASS_2024, "B", null))));

    assertEveryFieldFound(FhirFieldPaths.CERTIFICATE, CERTIFICATE_FIELDS, bundle);
  }

  @Test
  void everyEligibilityFieldIsAnElementOfTheRequest() {
    CoverageEligibilityRequest request = FhirMappersTest.eligibilityRequest();
    Patient patient = (Patient) request.getContained().get(0);
    patient.addIdentifier().setSystem(FhirIdentifiers.CARD_NUMBER).setValue("DN4797022036925");
    patient.addExtension(FhirIdentifiers.EXT_CCCD_QR, new StringType("070089868934||VÕ HỮU BÌNH|10111989|Nam|Bình Phước|15032021"));

    assertEveryFieldFound(FhirFieldPaths.ELIGIBILITY, ELIGIBILITY_FIELDS, request);
  }

  @Test
  void aNameThatIsAlreadyAPathIntoTheResourceIsKeptAndAnyOtherHasNoPath() {
    assertThat(FhirFieldPaths.CHECK_IN.of("Encounter.subject")).contains("Encounter.subject");
    assertThat(FhirFieldPaths.CHECK_IN.of("Encounter.type[0].coding[0].code")).contains("Encounter.type[0].coding[0].code");
    assertThat(FhirFieldPaths.CERTIFICATE.of("Bundle.type")).contains("Bundle.type");
    assertThat(FhirFieldPaths.CHECK_IN.of("Idempotency-Key")).isEmpty();
    assertThat(FhirFieldPaths.CHECK_IN.of("admittedAt")).as("never filled from an Encounter").isEmpty();
    assertThat(FhirFieldPaths.CHECK_IN.of("Bundle.type")).isEmpty();
    assertThat(FhirFieldPaths.ELIGIBILITY.of(null)).isEmpty();
  }

  private static void assertEveryFieldFound(FhirFieldPaths paths, List<String> fields, Resource example) {
    Resource parsed = FHIR.newJsonParser().parseResource(example.getClass(), FHIR.newJsonParser().encodeResourceToString(example));
    for (String field : fields) {
      assertThat(paths.of(field)).as(field).isPresent();
      String path = paths.of(field).orElseThrow();
      assertThat(path).as(field).startsWith(paths.resourceType() + ".");
      List<IBase> found = PATH.evaluate(parsed, path, IBase.class);
      assertThat(found).as("%s -> %s", field, path).isNotEmpty();
    }
    assertThat(paths.table().keySet()).as("no path for a field nobody names").allMatch(fields::contains);
  }
}
