package vn.healthgate.routes.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.healthgate.routes.delivery.CertificateValidator;
import vn.healthgate.routes.delivery.CheckInValidator;
import vn.healthgate.routes.eligibility.EligibilityValidator;
import vn.healthgate.routes.error.GatewayException;

/**
 * Whatever FHIR body HAPI parses, mapping it (and validating what it maps to) either succeeds or is refused with a
 * catalogue code naming a field: never a NullPointerException, ClassCastException or IndexOutOfBoundsException, which
 * the server would answer with 500.
 */
class FhirMappersTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC);
  private static final String SYSTEM_CCCD = FhirIdentifiers.CCCD;

  private final FhirDocumentMapper documents = new FhirDocumentMapper();
  private final FhirEligibilityMapper eligibility = new FhirEligibilityMapper();
  private final CheckInValidator checkIns = new CheckInValidator(CLOCK, (facility, cccd) -> Optional.empty());
  private final CertificateValidator certificates = new CertificateValidator(CLOCK, code -> "Bệnh viện");
  private final EligibilityValidator eligibilities = new EligibilityValidator(CLOCK);

  static Encounter encounter() {
    Encounter encounter = new Encounter();
    encounter.setStatus(Encounter.EncounterStatus.INPROGRESS);
    encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
    encounter.addIdentifier().setSystem(FhirIdentifiers.EPISODE_ID).setValue("LK-1");
    Patient patient = new Patient();
    patient.setId("p");
    patient.addIdentifier().setSystem(FhirIdentifiers.FACILITY_PATIENT_ID).setValue("BN-1");
    patient.addIdentifier().setSystem(SYSTEM_CCCD).setValue("070090000123");
    patient.addName(new HumanName().setText("NGUYỄN VĂN AN"));
    patient.setBirthDateElement(new DateType("1990-01-01"));
    patient.setGender(AdministrativeGender.MALE);
    encounter.addContained(patient);
    encounter.setSubject(new Reference("#p"));
    Organization facility = new Organization();
    facility.setId("org");
    facility.addIdentifier().setSystem(FhirIdentifiers.FACILITY_CODE).setValue("70001");
    encounter.addContained(facility);
    encounter.setServiceProvider(new Reference("#org"));
    encounter.addType(new CodeableConcept(new Coding(FhirIdentifiers.VISIT_CATEGORY, "1.1", null)));
    encounter.addType(new CodeableConcept(new Coding(FhirIdentifiers.VISIT_TYPE, "01", null)));
    encounter.setPeriod(new Period().setStartElement(new DateTimeType("2026-11-25T08:00:00+07:00")));
    encounter.addExtension(FhirIdentifiers.EXT_FIRST_SERVICE, new Coding(null, "02.1896", "Khám Nội"));
    encounter.addExtension(FhirIdentifiers.EXT_ORDERED_AT, new DateTimeType("2026-11-25T08:15:00+07:00"));
    return encounter;
  }

  static Bundle certificate() {
    Bundle bundle = new Bundle();
    bundle.setType(Bundle.BundleType.DOCUMENT);
    Patient patient = new Patient();
    Identifier cccd = patient.addIdentifier().setSystem(SYSTEM_CCCD).setValue("070089868934");
    cccd.setPeriod(new Period().setStartElement(new DateTimeType("2021-03-15")));
    cccd.setAssigner(new Reference().setDisplay("Cục Cảnh sát QLHC về TTXH"));
    patient.addName(new HumanName().setText("VÕ HỮU BÌNH"));
    patient.setGender(AdministrativeGender.MALE);
    patient.setBirthDateElement(new DateType("1989-11-10"));
    patient.addAddress(new Address().addLine("Ấp 2, Đồng Phú, Bình Phước").setState("70").setDistrict("697").setCity("25261"));
    Organization facility = new Organization();
    facility.addIdentifier().setSystem(FhirIdentifiers.FACILITY_CODE).setValue("70001");
    Practitioner doctor = new Practitioner();
    doctor.addName(new HumanName().setText("NGUYỄN THỊ LAN"));
    Composition composition = new Composition();
    composition.setStatus(Composition.CompositionStatus.FINAL);
    composition.setIdentifier(new Identifier().setSystem(FhirIdentifiers.CERTIFICATE_NUMBER).setValue("00001/GKSKLX/70001/26"));
    composition.setDate(Date.from(Instant.parse("2026-11-25T03:00:00Z")));
    composition.setSubject(new Reference("urn:uuid:patient"));
    composition.addAuthor(new Reference("urn:uuid:doctor"));
    composition.setCustodian(new Reference("urn:uuid:facility"));
    Observation alcohol = observation("alcohol");
    alcohol.setValue(new Quantity().setValue(BigDecimal.ZERO).setUnit("mg/L"));
    Observation drug = observation("drug-test");
    drug.setValue(new CodeableConcept(new Coding(FhirIdentifiers.CERTIFICATE_ITEM, "NEGATIVE", null)));
    Observation conclusion = observation("conclusion");
    conclusion.setValue(new CodeableConcept(new Coding(FhirIdentifiers.CERTIFICATE_ITEM, "FIT_WITH_REEXAMINATION", null)));
    conclusion.addExtension(FhirIdentifiers.EXT_REEXAMINATION_DATE, new DateType("2027-05-25"));
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

  static CoverageEligibilityRequest eligibilityRequest() {
    CoverageEligibilityRequest request = new CoverageEligibilityRequest();
    request.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
    Patient patient = new Patient();
    patient.setId("patient");
    patient.addIdentifier(new Identifier().setSystem(SYSTEM_CCCD).setValue("070089868934"));
    patient.addName(new HumanName().setText("VÕ HỮU BÌNH"));
    patient.setBirthDateElement(new DateType("1989-11-10"));
    patient.setGender(AdministrativeGender.MALE);
    request.addContained(patient);
    request.setPatient(new Reference("#patient"));
    Practitioner officer = new Practitioner();
    officer.setId("officer");
    officer.addIdentifier(new Identifier().setSystem(SYSTEM_CCCD).setValue("070186171117"));
    officer.addName(new HumanName().setText("NGÔ NGỌC GIANG"));
    request.addContained(officer);
    request.setEnterer(new Reference("#officer"));
    Organization facility = new Organization();
    facility.setId("org");
    facility.addIdentifier().setSystem(FhirIdentifiers.FACILITY_CODE).setValue("70001");
    request.addContained(facility);
    request.setProvider(new Reference("#org"));
    return request;
  }

  private static Observation observation(String code) {
    Observation observation = new Observation();
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.setCode(new CodeableConcept(new Coding(FhirIdentifiers.CERTIFICATE_ITEM, code, null)));
    return observation;
  }

  private static void add(Bundle bundle, String fullUrl, Resource resource) {
    bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
  }

  // --- JSON edits, as a client could send them --------------------------------------------------------------------

  private static ObjectNode json(Resource resource) {
    try {
      return (ObjectNode) JSON.readTree(FHIR.newJsonParser().encodeResourceToString(resource));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sets (or with null, removes) the member at a JSON pointer such as {@code /contained/0/identifier/0/value}. */
  private static Consumer<ObjectNode> set(String pointer, String jsonValue) {
    return body -> {
      int slash = pointer.lastIndexOf('/');
      JsonNode parent = body.at(pointer.substring(0, slash));
      String name = pointer.substring(slash + 1);
      try {
        JsonNode value = jsonValue == null ? null : JSON.readTree(jsonValue);
        if (parent instanceof ArrayNode array) {
          if (value == null) {
            array.remove(Integer.parseInt(name));
          } else if (Integer.parseInt(name) == array.size()) {
            array.add(value);
          } else {
            array.set(Integer.parseInt(name), value);
          }
        } else if (value == null) {
          ((ObjectNode) parent).remove(name);
        } else {
          ((ObjectNode) parent).set(name, value);
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static Consumer<ObjectNode> remove(String pointer) {
    return set(pointer, null);
  }

  private static Consumer<ObjectNode> both(Consumer<ObjectNode> first, Consumer<ObjectNode> second) {
    return first.andThen(second);
  }

  private static Arguments refused(String name, Consumer<ObjectNode> change, String code, String field) {
    return Arguments.of(name, change, code, field);
  }

  /** Accepted, or refused with any 4xx code naming a field: the point is that nothing else escapes. */
  private static Arguments coded(String name, Consumer<ObjectNode> change) {
    return Arguments.of(name, change, null, null);
  }

  static Stream<Arguments> hostileEncounters() {
    return Stream.of(
        refused("patient id identifier without value", remove("/contained/0/identifier/0/value"), "GW-FIELD-REQUIRED", "patientId"),
        refused("episode identifier without value", remove("/identifier/0/value"), "GW-FIELD-REQUIRED", "episodeId"),
        coded("CCCD identifier without value", remove("/contained/0/identifier/1/value")),
        coded("identifier without system", remove("/contained/0/identifier/1/system")),
        refused("facility identifier without value", remove("/contained/1/identifier/0/value"), "GW-FIELD-REQUIRED", "facilityCode"),
        refused("serviceProvider identifier without value", set("/serviceProvider", "{\"identifier\":{\"system\":\"" + FhirIdentifiers.FACILITY_CODE + "\"}}"),
            "GW-FIELD-REQUIRED", "facilityCode"),
        refused("visit type coding without code", remove("/type/1/coding/0/code"), "GW-FIELD-REQUIRED", "visitType"),
        refused("type without coding", set("/type", "[{},{\"text\":\"x\"}]"), "GW-FIELD-REQUIRED", "visitCategory"),
        refused("subject referring to a missing contained resource", set("/subject", "{\"reference\":\"#nobody\"}"), "GW-FHIR-INVALID", "Encounter.subject"),
        refused("subject referring to the contained Organization", set("/subject", "{\"reference\":\"#org\"}"), "GW-FHIR-INVALID", "Encounter.subject"),
        refused("subject reference '#'", set("/subject", "{\"reference\":\"#\"}"), "GW-FHIR-INVALID", "Encounter.subject"),
        refused("subject with only a display", set("/subject", "{\"display\":\"An\"}"), "GW-FHIR-INVALID", "Encounter.subject"),
        refused("contained patient without id", remove("/contained/0/id"), "GW-FHIR-INVALID", "Encounter.subject"),
        refused("empty name", set("/contained/0/name", "[{}]"), "GW-FIELD-REQUIRED", "fullName"),
        coded("given without family", set("/contained/0/name", "[{\"given\":[\"AN\"]}]")),
        coded("family and an empty given", set("/contained/0/name", "[{\"family\":\"NGUYỄN\",\"given\":[\"\"]}]")),
        refused("first-service extension without value", set("/extension/0", "{\"url\":\"" + FhirIdentifiers.EXT_FIRST_SERVICE + "\"}"),
            "GW-FIELD-REQUIRED", "firstService.code"),
        refused("first-service as a string", set("/extension/0", "{\"url\":\"" + FhirIdentifiers.EXT_FIRST_SERVICE + "\",\"valueString\":\"x\"}"),
            "GW-FIELD-REQUIRED", "firstService.code"),
        refused("first-service coding without display", remove("/extension/0/valueCoding/display"), "GW-FIELD-REQUIRED", "firstService.name"),
        refused("order time extension without value", set("/extension/1", "{\"url\":\"" + FhirIdentifiers.EXT_ORDERED_AT + "\"}"),
            "GW-FIELD-REQUIRED", "orderedAt"),
        coded("an extension without url", set("/extension/2", "{\"valueString\":\"x\"}")),
        refused("no period", remove("/period"), "GW-FIELD-REQUIRED", "arrivedAt"),
        refused("no gender", remove("/contained/0/gender"), "GW-FIELD-REQUIRED", "sex"),
        refused("no contained resources", remove("/contained"), "GW-FHIR-INVALID", "Encounter.subject"));
  }

  static Stream<Arguments> hostileBundles() {
    return Stream.of(
        refused("no entry", remove("/entry"), "GW-FHIR-INVALID", "Bundle.entry[0].resource"),
        refused("entries without resources", set("/entry", "[{\"fullUrl\":\"urn:uuid:x\"},{}]"), "GW-FHIR-INVALID", "Bundle.entry[0].resource"),
        refused("patient CCCD identifier without value", remove("/entry/1/resource/identifier/0/value"), "GW-FIELD-REQUIRED", "person.idNumber"),
        refused("custodian identifier without value", remove("/entry/2/resource/identifier/0/value"), "GW-FIELD-REQUIRED", "facilityCode"),
        refused("custodian referring to a missing entry", set("/entry/0/resource/custodian", "{\"reference\":\"urn:uuid:nobody\"}"),
            "GW-FIELD-REQUIRED", "facilityCode"),
        refused("subject referring to a missing entry", set("/entry/0/resource/subject", "{\"reference\":\"urn:uuid:nobody\"}"),
            "GW-FHIR-INVALID", "Composition.subject"),
        refused("subject referring to the Organization", set("/entry/0/resource/subject", "{\"reference\":\"urn:uuid:facility\"}"),
            "GW-FHIR-INVALID", "Composition.subject"),
        refused("author referring to a missing entry", set("/entry/0/resource/author", "[{\"reference\":\"urn:uuid:nobody\"}]"),
            "GW-FIELD-REQUIRED", "conclusion.doctor"),
        refused("doctor with an empty name", set("/entry/3/resource/name", "[{}]"), "GW-FIELD-REQUIRED", "conclusion.doctor"),
        refused("re-examination extension without value", set("/entry/6/resource/extension/0", "{\"url\":\"" + FhirIdentifiers.EXT_REEXAMINATION_DATE + "\"}"),
            "GW-REEXAM-DATE", "conclusion.reexaminationDate"),
        refused("re-examination as a coding", set("/entry/6/resource/extension/0",
            "{\"url\":\"" + FhirIdentifiers.EXT_REEXAMINATION_DATE + "\",\"valueCoding\":{\"code\":\"x\"}}"), "GW-REEXAM-DATE", "conclusion.reexaminationDate"),
        refused("licence class without value", remove("/entry/7/resource/valueString"), "GW-FIELD-REQUIRED", "licenceClass"),
        refused("licence class as a quantity", both(remove("/entry/7/resource/valueString"), set("/entry/7/resource/valueQuantity", "{\"value\":2}")),
            "GW-FIELD-REQUIRED", "licenceClass"),
        refused("conclusion without coding", set("/entry/6/resource/valueCodeableConcept", "{\"text\":\"FIT\"}"), "GW-CONCLUSION", "conclusion.code"),
        refused("drug test without coding", set("/entry/5/resource/valueCodeableConcept", "{}"), "GW-DRUG-TEST", "drugTest"),
        refused("alcohol without value", remove("/entry/4/resource/valueQuantity/value"), "GW-ALCOHOL", "alcohol"),
        refused("two alcohol results", body -> {
          ObjectNode second = body.get("entry").get(4).deepCopy();
          second.put("fullUrl", "urn:uuid:alcohol-2");
          ((ObjectNode) second.get("resource").get("valueQuantity")).put("value", 5);
          ((ArrayNode) body.get("entry")).add(second);
        }, "GW-FHIR-INVALID", "Observation alcohol"),
        refused("two licence classes", body -> {
          ObjectNode second = body.get("entry").get(7).deepCopy();
          second.put("fullUrl", "urn:uuid:licence-2");
          ((ArrayNode) body.get("entry")).add(second);
        }, "GW-FHIR-INVALID", "Observation licence-class"),
        refused("alcohol as a string", both(remove("/entry/4/resource/valueQuantity"), set("/entry/4/resource/valueString", "\"0\"")), "GW-ALCOHOL", "alcohol"),
        refused("empty patient name", set("/entry/1/resource/name", "[{}]"), "GW-FIELD-REQUIRED", "person.fullName"),
        refused("empty address", set("/entry/1/resource/address", "[{}]"), "GW-FIELD-REQUIRED", "person.address"),
        refused("address line without value", set("/entry/1/resource/address/0/line", "[\"\"]"), "GW-FIELD-REQUIRED", "person.address.line"),
        refused("CCCD identifier without period", remove("/entry/1/resource/identifier/0/period"), "GW-FIELD-REQUIRED", "person.idIssuedOn"),
        refused("CCCD assigner without display", set("/entry/1/resource/identifier/0/assigner", "{\"reference\":\"urn:uuid:x\"}"),
            "GW-FIELD-REQUIRED", "person.idIssuedBy"),
        refused("composition without identifier", remove("/entry/0/resource/identifier"), "GW-FIELD-REQUIRED", "number"),
        refused("composition identifier without value", remove("/entry/0/resource/identifier/value"), "GW-FIELD-REQUIRED", "number"),
        refused("no composition", remove("/entry/0"), "GW-FHIR-INVALID", "Bundle.entry[0].resource"),
        coded("an observation without code", remove("/entry/5/resource/code")),
        coded("entries without fullUrl", remove("/entry/2/fullUrl")));
  }

  static Stream<Arguments> hostileEligibilityRequests() {
    return Stream.of(
        refused("patient CCCD identifier without value", remove("/contained/0/identifier/0/value"), "GW-PATIENT-ID-MISSING", "cccd"),
        refused("patient identifier without system", remove("/contained/0/identifier/0/system"), "GW-PATIENT-ID-MISSING", "cccd"),
        coded("QR extension without value (ignored: the CCCD identifier is used)",
            set("/contained/0/extension", "[{\"url\":\"" + FhirIdentifiers.EXT_CCCD_QR + "\"}]")),
        coded("QR extension as a coding", set("/contained/0/extension", "[{\"url\":\"" + FhirIdentifiers.EXT_CCCD_QR + "\",\"valueCoding\":{\"code\":\"x\"}}]")),
        refused("QR extension without value and no CCCD", both(remove("/contained/0/identifier"),
            set("/contained/0/extension", "[{\"url\":\"" + FhirIdentifiers.EXT_CCCD_QR + "\"}]")), "GW-PATIENT-ID-MISSING", "cccd"),
        refused("officer identifier without value", remove("/contained/1/identifier/0/value"), "GW-OFFICER-CCCD-FORMAT", "officer.cccd"),
        refused("officer with an empty name", set("/contained/1/name", "[{}]"), "GW-OFFICER-INVALID", "officer.fullName"),
        refused("enterer referring to nothing", set("/enterer", "{\"reference\":\"#nobody\"}"), "GW-OFFICER-MISSING", "officer"),
        refused("facility identifier without value", remove("/contained/2/identifier/0/value"), "GW-FACILITY-MISSING", "facilityCode"),
        refused("provider identifier without value", set("/provider", "{\"identifier\":{\"system\":\"" + FhirIdentifiers.FACILITY_CODE + "\"}}"),
            "GW-FACILITY-MISSING", "facilityCode"),
        refused("patient referring to a resource elsewhere", set("/patient", "{\"reference\":\"Patient/123\"}"), "GW-FHIR-INVALID",
            "CoverageEligibilityRequest.patient"),
        refused("patient referring to the officer", set("/patient", "{\"reference\":\"#officer\"}"), "GW-FHIR-INVALID", "CoverageEligibilityRequest.patient"),
        refused("empty patient name", set("/contained/0/name", "[{}]"), "GW-NAME-MISSING", "fullName"),
        coded("given without family", set("/contained/0/name", "[{\"given\":[\"BÌNH\"]}]")),
        coded("birth year only", set("/contained/0/birthDate", "\"1989\"")));
  }

  private static void assertOutcome(Runnable mapAndValidate, String code, String field) {
    try {
      mapAndValidate.run();
      assertThat(code).as("accepted, but expected %s", code).isNull();
    } catch (GatewayException e) {
      assertThat(e.errorCode().httpStatus()).isBetween(400, 499);
      if (code != null) {
        assertThat(e.errorCode().code()).isEqualTo(code);
        if (field != null) {
          assertThat(e.field()).contains(field);
        }
      } else {
        assertThat(e.field()).isPresent();
      }
    }
  }

  private static <T extends Resource> T parse(Class<T> type, ObjectNode body) {
    try {
      return FHIR.newJsonParser().parseResource(type, JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theSampleResourcesMapToValidRequests() {
    assertThatCode(() -> checkIns.validate(documents.checkIn(parse(Encounter.class, json(encounter()))))).doesNotThrowAnyException();
    assertThatCode(() -> certificates.validate(documents.certificate(parse(Bundle.class, json(certificate()))), "ADD")).doesNotThrowAnyException();
    assertThatCode(() -> eligibilities.validate(eligibility.toRequest(parse(CoverageEligibilityRequest.class, json(eligibilityRequest())))))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "Encounter: {0} -> {2} {3}")
  @MethodSource("hostileEncounters")
  void anEncounterIsMappedOrRefusedWithACode(String name, Consumer<ObjectNode> change, String code, String field) {
    ObjectNode body = json(encounter());
    change.accept(body);
    Encounter encounter = parse(Encounter.class, body);

    assertOutcome(() -> checkIns.validate(documents.checkIn(encounter)), code, field);
  }

  @ParameterizedTest(name = "Bundle: {0} -> {2} {3}")
  @MethodSource("hostileBundles")
  void aCertificateBundleIsMappedOrRefusedWithACode(String name, Consumer<ObjectNode> change, String code, String field) {
    ObjectNode body = json(certificate());
    change.accept(body);
    Bundle bundle = parse(Bundle.class, body);

    assertOutcome(() -> certificates.validate(documents.certificate(bundle), "ADD"), code, field);
  }

  @ParameterizedTest(name = "CoverageEligibilityRequest: {0} -> {2} {3}")
  @MethodSource("hostileEligibilityRequests")
  void anEligibilityRequestIsMappedOrRefusedWithACode(String name, Consumer<ObjectNode> change, String code, String field) {
    ObjectNode body = json(eligibilityRequest());
    change.accept(body);
    CoverageEligibilityRequest request = parse(CoverageEligibilityRequest.class, body);

    assertOutcome(() -> eligibilities.validate(eligibility.toRequest(request)), code, field);
  }

  @Test
  void aFailureTheMappingDidNotForeseeIsAnUnusableResourceNotAnInternalError() {
    Encounter broken = new Encounter() {
      @Override
      public Reference getSubject() {
        throw new ClassCastException("a shape nobody foresaw");
      }
    };

    assertOutcome(() -> documents.checkIn(broken), "GW-FHIR-INVALID", "Encounter");
  }
}
