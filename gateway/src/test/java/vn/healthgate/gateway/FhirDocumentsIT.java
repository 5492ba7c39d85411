package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.healthgate.routes.fhir.FhirIdentifiers;

/** FHIR Encounter → check-in notice, FHIR document Bundle → driver health certificate: the same intake and delivery as REST. */
class FhirDocumentsIT extends GatewayIT {
  @Autowired JdbcTemplate jdbc;

  static Encounter encounter(String episode) {
    Encounter encounter = new Encounter();
    encounter.setStatus(Encounter.EncounterStatus.INPROGRESS);
    encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
    encounter.addIdentifier().setSystem(FhirIdentifiers.EPISODE_ID).setValue(episode);
    Patient patient = new Patient();
    patient.setId("p");
    patient.addIdentifier().setSystem(FhirIdentifiers.FACILITY_PATIENT_ID).setValue("BN-" + episode);
    patient.addIdentifier().setSystem(FhirIdentifiers.CCCD).setValue("070090000123");
    patient.addIdentifier().setSystem(FhirIdentifiers.CARD_NUMBER).setValue("HN4707014012731");
    patient.addName(new HumanName().setText("NGUYỄN VĂN AN"));
    patient.setBirthDateElement(new DateType("1990-01-01"));
    patient.setGender(AdministrativeGender.MALE);
    encounter.addContained(patient);
    encounter.setSubject(new Reference("#p"));
    encounter.setServiceProvider(new Reference().setIdentifier(new Identifier().setSystem(FhirIdentifiers.FACILITY_CODE).setValue("70001")));
    encounter.addType(new CodeableConcept(new Coding(FhirIdentifiers.VISIT_CATEGORY, "1.1", null)));
    encounter.addType(new CodeableConcept(new Coding(FhirIdentifiers.VISIT_TYPE, "01", null)));
    String yesterday = LocalDate.now().minusDays(1).toString();
    encounter.setPeriod(new Period().setStartElement(new DateTimeType(yesterday + "T08:00:00+07:00")));
    encounter.addExtension(FhirIdentifiers.EXT_FIRST_SERVICE, new Coding(null, "02.1896", "Khám Nội"));
    encounter.addExtension(FhirIdentifiers.EXT_ORDERED_AT, new DateTimeType(yesterday + "T08:15:00+07:00"));
    return encounter;
  }

  static Bundle certificateBundle(String number, Bundle.BundleType type) {
    Bundle bundle = new Bundle();
    bundle.setType(type);
    bundle.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + java.util.UUID.randomUUID()));
    bundle.setTimestamp(new Date());
    Patient patient = new Patient();
    Identifier cccd = patient.addIdentifier().setSystem(FhirIdentifiers.CCCD).setValue("070089868934");
    cccd.setPeriod(new Period().setStartElement(new DateTimeType("2021-03-15")));
    cccd.setAssigner(new Reference().setDisplay("Cục Cảnh sát QLHC về TTXH"));
    patient.addName(new HumanName().setText("VÕ HỮU BÌNH"));
    patient.setGender(AdministrativeGender.MALE);
    patient.setBirthDateElement(new DateType("1989-11-10"));
    patient.addAddress(new Address().addLine("Ấp 2, Đồng Phú, Bình Phước").setState("70").setDistrict("697").setCity("25261"));
    Organization facility = new Organization();
    facility.addIdentifier().setSystem(FhirIdentifiers.FACILITY_CODE).setValue("70001");
    facility.setName("Bệnh viện Đa khoa tỉnh Bình Phước");
    Practitioner doctor = new Practitioner();
    doctor.addName(new HumanName().setText("NGUYỄN THỊ LAN"));
    Composition composition = new Composition();
    composition.setStatus(Composition.CompositionStatus.FINAL);
    composition.setIdentifier(new Identifier().setSystem(FhirIdentifiers.CERTIFICATE_NUMBER).setValue(number));
    composition.setType(new CodeableConcept(new Coding(FhirIdentifiers.CERTIFICATE_ITEM, "driver-health-certificate", "Giấy khám sức khỏe lái xe")));
    composition.setDate(java.sql.Date.valueOf(LocalDate.now().minusDays(1)));
    composition.setTitle("Giấy khám sức khỏe lái xe");
    composition.setSubject(new Reference("urn:uuid:patient"));
    composition.addAuthor(new Reference("urn:uuid:doctor"));
    composition.setCustodian(new Reference("urn:uuid:facility"));
    Observation alcohol = observation("alcohol");
    alcohol.setValue(new Quantity().setValue(BigDecimal.ZERO).setUnit("mg/L"));
    Observation drug = observation("drug-test");
    drug.setValue(new CodeableConcept(new Coding(FhirIdentifiers.CERTIFICATE_ITEM, "NEGATIVE", null)));
    Observation conclusion = observation("conclusion");
    conclusion.setValue(new CodeableConcept(new Coding(FhirIdentifiers.CERTIFICATE_ITEM, "FIT", null)));
    Observation licence = observation("licence-class");
    licence.setValue(new StringType("B"));
    add(bundle, "urn:uuid:composition", composition);
    add(bundle, "urn:uuid:patient", patient);
    add(bundle, "urn:uuid:facility", facility);
    add(bundle, "urn:uuid:doctor", doctor);
    add(bundle, "urn:uuid:alcohol", alcohol);
    add(bundle, "urn:uuid:drug", drug);
    add(bundle, "urn:uuid:conclusion", conclusion);
    add(bundle, "urn:uuid:licence", licence);
    return bundle;
  }

  private static Observation observation(String code) {
    Observation observation = new Observation();
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.setCode(new CodeableConcept(new Coding(FhirIdentifiers.CERTIFICATE_ITEM, code, null)));
    observation.setSubject(new Reference("urn:uuid:patient"));
    return observation;
  }

  private static void add(Bundle bundle, String fullUrl, Resource resource) {
    bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
  }

  private Reply postFhir(String path, Resource resource) {
    return post(path, "application/fhir+json", FhirTestSupport.FHIR.newJsonParser().encodeResourceToString(resource), "dev-70001");
  }

  /** The status of this facility's document with {@code key} ({@code MA_LK} or {@code SO}); null when none was stored. */
  private String status(String key) {
    return jdbc.query("select status from outbox where facility_code = '70001' and business_key = ?", (rs, n) -> rs.getString(1), key)
        .stream().findFirst().orElse(null);
  }

  /** A certificate number of this run ({@link TestIds}). */
  private static String number() {
    return String.format("%05d/GKSKLX/70001/%02d", TestIds.serial(), LocalDate.now().getYear() % 100);
  }

  @Test
  void theCapabilityStatementNamesWhatThisServerAcceptsAndValidates() {
    Reply reply = get("/fhir/metadata");
    assertThat(reply.status()).isEqualTo(200);
    CapabilityStatement statement = FhirTestSupport.FHIR.newJsonParser().parseResource(CapabilityStatement.class, reply.text());

    assertThat(FhirTestSupport.validationErrors(statement)).isEmpty();
    assertThat(statement.getName()).isEqualTo("HealthgateInsuranceGateway");
    assertThat(statement.getSoftware().getName()).isEqualTo("healthgate");
    Map<String, CapabilityStatement.CapabilityStatementRestResourceComponent> resources = new HashMap<>();
    statement.getRestFirstRep().getResource().forEach(r -> resources.put(r.getType(), r));
    assertThat(resources).containsKeys("CoverageEligibilityRequest", "Encounter", "Bundle");
    assertThat(resources.get("CoverageEligibilityRequest").getOperation()).extracting(o -> o.getName()).contains("submit");
    for (String type : new String[] {"Encounter", "Bundle"}) {
      assertThat(resources.get(type).getInteraction()).extracting(i -> i.getCode()).contains(CapabilityStatement.TypeRestfulInteraction.CREATE);
    }
  }

  @Test
  void encounterBecomesACheckInNoticeThatIsDelivered() {
    String episode = TestIds.episode("FHIR-LK");
    Reply reply = postFhir("/fhir/Encounter", encounter(episode));

    assertThat(reply.status()).as(reply.text()).isEqualTo(201);
    assertThat(reply.header("Location")).contains("/Encounter/");
    await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(status(episode)));
    assertThat(jdbc.queryForObject("select signed_document from outbox where facility_code = '70001' and business_key = ?", String.class, episode))
        .contains("<MA_LK>" + episode + "</MA_LK>").contains("<MA_BN>BN-" + episode + "</MA_BN>").contains("<MA_DICH_VU>02.1896</MA_DICH_VU>");
  }

  @Test
  void documentBundleBecomesADriverHealthCertificateThatIsDelivered() {
    String number = number();
    Reply reply = postFhir("/fhir/Bundle", certificateBundle(number, Bundle.BundleType.DOCUMENT));

    assertThat(reply.status()).as(reply.text()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(status(number)));
    assertThat(jdbc.queryForObject("select signed_document from outbox where business_key = ?", String.class, number))
        .contains("<SO>" + number + "</SO>").contains("<HANGBANGLAI>B</HANGBANGLAI>").contains("<DVINONGDOCON>1</DVINONGDOCON>");
  }

  @Test
  void aBundleThatIsNotADocumentIsUnprocessable() {
    Reply reply = postFhir("/fhir/Bundle", certificateBundle(number(), Bundle.BundleType.COLLECTION));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isEqualTo("GW-FHIR-INVALID");
  }

  @Test
  void anInvalidEncounterFieldIsUnprocessableWithTheRestCodeAndNothingIsStored() {
    String episode = TestIds.episode("FHIR-LK");
    Encounter encounter = encounter(episode);
    encounter.getType().get(1).getCodingFirstRep().setCode("10");

    Reply reply = postFhir("/fhir/Encounter", encounter);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isEqualTo("GW-FIELD-FORMAT");
    assertThat(reply.body().at("/issue/0/expression/0").asText()).isEqualTo("Encounter.type.coding.where(system='" + FhirIdentifiers.VISIT_TYPE + "').code");
    assertThat(reply.body().at("/issue/0/diagnostics").asText()).endsWith("(field: visitType)");
    assertThat(status(episode)).as("nothing stored").isNull();
  }

  /** A lone surrogate as a JSON escape (the test's HTTP client cannot write one as UTF-8) in place of {@code marker}. */
  private Reply postFhirWithLoneSurrogate(String path, Resource resource, String marker) {
    String json = FhirTestSupport.FHIR.newJsonParser().encodeResourceToString(resource).replace(marker, marker + "\\ud800");
    return post(path, "application/fhir+json", json, "dev-70001");
  }

  @Test
  void anEncounterWithTextASignedDocumentCannotCarryIsUnprocessableNamingTheMappedFieldAndNothingIsStored() {
    String episode = TestIds.episode("FHIR-LK");
    Reply reply = postFhirWithLoneSurrogate("/fhir/Encounter", encounter(episode), "NGUYỄN VĂN AN");

    assertThat(reply.status()).as(reply.text()).isEqualTo(422);
    assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isEqualTo("GW-TEXT-CHARACTERS");
    assertThat(reply.body().at("/issue/0/expression/0").asText()).isEqualTo("Encounter.contained.ofType(Patient).name");
    assertThat(reply.body().at("/issue/0/diagnostics").asText()).endsWith("(field: fullName)");
    assertThat(status(episode)).as("nothing stored").isNull();
  }

  @Test
  void aCertificateBundleWithTextASignedDocumentCannotCarryIsUnprocessableNamingTheMappedFieldAndNothingIsStored() {
    String number = number();
    Reply reply = postFhirWithLoneSurrogate("/fhir/Bundle", certificateBundle(number, Bundle.BundleType.DOCUMENT), "Ấp 2, Đồng Phú");

    assertThat(reply.status()).as(reply.text()).isEqualTo(422);
    assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isEqualTo("GW-TEXT-CHARACTERS");
    assertThat(reply.body().at("/issue/0/expression/0").asText()).isEqualTo("Bundle.entry.resource.ofType(Patient).address.line");
    assertThat(status(number)).as("nothing stored").isNull();
  }

  @Test
  void aFhirCreateWithAnIdempotencyKeyLongerThanTwoHundredCharactersIsRefusedAndNothingIsStored() {
    String episode = TestIds.episode("FHIR-LK");
    String number = number();
    for (Resource resource : new Resource[] {encounter(episode), certificateBundle(number, Bundle.BundleType.DOCUMENT)}) {
      String path = "/fhir/" + resource.fhirType();
      Reply reply = post(path, "application/fhir+json", FhirTestSupport.FHIR.newJsonParser().encodeResourceToString(resource), "dev-70001",
          Map.of("Idempotency-Key", "k".repeat(201)));

      assertThat(reply.status()).as(path + " " + reply.text()).isEqualTo(400);
      assertThat(reply.body().get("resourceType").asText()).isEqualTo("OperationOutcome");
      assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isEqualTo("GW-PARAMETER-INVALID");
      assertThat(reply.body().at("/issue/0/expression").isMissingNode()).as("a header is no element of the resource").isTrue();
      assertThat(reply.body().at("/issue/0/diagnostics").asText()).endsWith("(field: Idempotency-Key)");
    }
    assertThat(status(episode)).as("nothing stored").isNull();
    assertThat(status(number)).as("nothing stored").isNull();
  }

  @Test
  void anEncounterWhosePatientIdentifierHasNoValueIsUnprocessableWithACode() {
    String episode = TestIds.episode("FHIR-LK");
    Encounter encounter = encounter(episode);
    ((Patient) encounter.getContained().get(0)).getIdentifier().forEach(i -> i.setValue(null));

    Reply reply = postFhir("/fhir/Encounter", encounter);

    assertThat(reply.status()).as(reply.text()).isEqualTo(422);
    assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isEqualTo("GW-FIELD-REQUIRED");
    assertThat(reply.body().at("/issue/0/expression/0").asText()).isEqualTo("Encounter.contained.ofType(Patient).identifier.where(system='" + FhirIdentifiers.FACILITY_PATIENT_ID + "').value");
    assertThat(status(episode)).as("nothing stored").isNull();
  }

  @Test
  void aBundleWhosePatientIdentifierHasNoValueIsUnprocessableWithACode() {
    String number = number();
    Bundle bundle = certificateBundle(number, Bundle.BundleType.DOCUMENT);
    ((Patient) bundle.getEntry().get(1).getResource()).getIdentifierFirstRep().setValue(null);

    Reply reply = postFhir("/fhir/Bundle", bundle);

    assertThat(reply.status()).as(reply.text()).isEqualTo(422);
    assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isEqualTo("GW-FIELD-REQUIRED");
    assertThat(reply.body().at("/issue/0/expression/0").asText()).isEqualTo("Bundle.entry.resource.ofType(Patient).identifier.where(system='" + FhirIdentifiers.CCCD + "').value");
    assertThat(status(number)).as("nothing stored").isNull();
  }

  @Test
  void aBundleWhoseLicenceObservationHasNoValueIsUnprocessableWithACode() {
    Bundle bundle = certificateBundle(number(), Bundle.BundleType.DOCUMENT);
    ((Observation) bundle.getEntry().get(7).getResource()).setValue(null);

    Reply reply = postFhir("/fhir/Bundle", bundle);

    assertThat(reply.status()).as(reply.text()).isEqualTo(422);
    assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isEqualTo("GW-FIELD-REQUIRED");
    assertThat(reply.body().at("/issue/0/expression/0").asText()).isEqualTo("Bundle.entry.resource.ofType(Observation).where(code.coding.code='licence-class').value");
  }

  @Test
  void anEncounterForAnotherFacilityIsForbidden() {
    Encounter encounter = encounter(TestIds.episode("FHIR-LK"));
    encounter.getServiceProvider().getIdentifier().setValue("70002");

    assertThat(postFhir("/fhir/Encounter", encounter).status()).isEqualTo(403);
  }
}
