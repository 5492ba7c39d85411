package vn.healthgate.routes.fhir;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each field of the REST intake model comes from in the FHIR resource the mappers read it from, as a FHIRPath
 * relative to the submitted resource ({@code docs/api.md}, "What an OperationOutcome names"). The validators name
 * the REST field ({@code fullName}, {@code person.idNumber}); on {@code /fhir} the OperationOutcome's
 * {@code issue.expression} names the element the client sent instead. Paths select by meaning, not by position
 * ({@code identifier.where(system='…')}, {@code contained.ofType(Patient)}), so they hold whatever order the client
 * sent, and they also name where a missing value belongs. One table per resource type, next to the mapper that reads
 * it ({@link FhirDocumentMapper}, {@link FhirEligibilityMapper}); a field missing from the table has no origin in the
 * resource (a header, a value the mapping never fills) and gets no expression rather than a wrong one.
 */
public final class FhirFieldPaths {
  private static final String ENCOUNTER_PATIENT = "Encounter.contained.ofType(Patient)";
  private static final String BUNDLE_PATIENT = "Bundle.entry.resource.ofType(Patient)";
  private static final String COMPOSITION = "Bundle.entry.resource.ofType(Composition)";
  private static final String REQUEST_PATIENT = "CoverageEligibilityRequest.contained.ofType(Patient)";
  private static final String OFFICER = "CoverageEligibilityRequest.contained.ofType(Practitioner)";

  /** {@code POST /fhir/Encounter}: the check-in notice ({@link FhirDocumentMapper#checkIn}). */
  public static final FhirFieldPaths CHECK_IN = new FhirFieldPaths("Encounter", checkIn());
  /** {@code POST /fhir/Bundle}: the driver health certificate ({@link FhirDocumentMapper#certificate}). */
  public static final FhirFieldPaths CERTIFICATE = new FhirFieldPaths("Bundle", certificate());
  /** {@code POST /fhir/CoverageEligibilityRequest/$submit} ({@link FhirEligibilityMapper#toRequest}). */
  public static final FhirFieldPaths ELIGIBILITY = new FhirFieldPaths("CoverageEligibilityRequest", eligibility());

  private final String resourceType;
  private final Map<String, String> paths;

  private FhirFieldPaths(String resourceType, Map<String, String> paths) {
    this.resourceType = resourceType;
    this.paths = Map.copyOf(paths);
  }

  public String resourceType() {
    return resourceType;
  }

  /** Every field this resource type has an origin for, with its FHIRPath. */
  public Map<String, String> table() {
    return paths;
  }

  /**
   * The FHIRPath of {@code field}: from the table; a name that already is a path into this resource type (the
   * mappers' and the terminology check's own, such as {@code Encounter.subject}) as it is; empty for anything else.
   */
  public Optional<String> of(String field) {
    if (field == null) {
      return Optional.empty();
    }
    String path = paths.get(field);
    if (path != null) {
      return Optional.of(path);
    }
    return field.equals(resourceType) || field.startsWith(resourceType + ".") ? Optional.of(field) : Optional.empty();
  }

  private static String identifier(String resource, String system) {
    return resource + ".identifier.where(system='" + system + "').value";
  }

  private static String extension(String element, String url) {
    return element + ".extension.where(url='" + url + "').value";
  }

  private static String observation(String code) {
    return "Bundle.entry.resource.ofType(Observation).where(code.coding.code='" + code + "')";
  }

  private static Map<String, String> checkIn() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("facilityCode", "Encounter.serviceProvider");
    m.put("episodeId", identifier("Encounter", FhirIdentifiers.EPISODE_ID));
    m.put("patientId", identifier(ENCOUNTER_PATIENT, FhirIdentifiers.FACILITY_PATIENT_ID));
    m.put("fullName", ENCOUNTER_PATIENT + ".name");
    m.put("cccd", identifier(ENCOUNTER_PATIENT, FhirIdentifiers.CCCD));
    m.put("birthDate", ENCOUNTER_PATIENT + ".birthDate");
    m.put("sex", ENCOUNTER_PATIENT + ".gender");
    m.put("cardNumber", identifier(ENCOUNTER_PATIENT, FhirIdentifiers.CARD_NUMBER));
    m.put("visitCategory", "Encounter.type.coding.where(system='" + FhirIdentifiers.VISIT_CATEGORY + "').code");
    m.put("arrivedAt", "Encounter.period.start");
    m.put("visitType", "Encounter.type.coding.where(system='" + FhirIdentifiers.VISIT_TYPE + "').code");
    item(m, "firstService", FhirIdentifiers.EXT_FIRST_SERVICE);
    item(m, "firstDrug", FhirIdentifiers.EXT_FIRST_DRUG);
    item(m, "firstSupply", FhirIdentifiers.EXT_FIRST_SUPPLY);
    m.put("orderedAt", extension("Encounter", FhirIdentifiers.EXT_ORDERED_AT));
    return m;
  }

  private static void item(Map<String, String> m, String field, String url) {
    String value = extension("Encounter", url);
    m.put(field, value);
    m.put(field + ".code", value + ".code");
    m.put(field + ".name", value + ".display");
  }

  private static Map<String, String> certificate() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("number", COMPOSITION + ".identifier.value");
    m.put("facilityCode", COMPOSITION + ".custodian");
    m.put("person", COMPOSITION + ".subject");
    m.put("person.fullName", BUNDLE_PATIENT + ".name");
    m.put("person.sex", BUNDLE_PATIENT + ".gender");
    m.put("person.birthDate", BUNDLE_PATIENT + ".birthDate");
    m.put("person.address", BUNDLE_PATIENT + ".address");
    m.put("person.address.line", BUNDLE_PATIENT + ".address.line");
    m.put("person.address.provinceCode", BUNDLE_PATIENT + ".address.state");
    m.put("person.address.districtCode", BUNDLE_PATIENT + ".address.district");
    m.put("person.address.communeCode", BUNDLE_PATIENT + ".address.city");
    String idNumber = BUNDLE_PATIENT + ".identifier.where(system='" + FhirIdentifiers.CCCD + "')";
    m.put("person.idNumber", idNumber + ".value");
    m.put("person.idIssuedOn", idNumber + ".period.start");
    m.put("person.idIssuedBy", idNumber + ".assigner.display");
    m.put("alcohol", observation("alcohol") + ".value");
    m.put("alcohol.value", observation("alcohol") + ".value.value");
    m.put("alcohol.unit", observation("alcohol") + ".value.unit");
    m.put("drugTest", observation("drug-test") + ".value");
    m.put("licenceClass", observation("licence-class") + ".value");
    m.put("licenceClassSystem", observation("licence-class") + ".value.coding.system");
    m.put("conclusion", observation("conclusion"));
    m.put("conclusion.code", observation("conclusion") + ".value.coding.code");
    m.put("conclusion.doctor", "Bundle.entry.resource.ofType(Practitioner).name");
    m.put("conclusion.date", COMPOSITION + ".date");
    m.put("conclusion.reexaminationDate", extension(observation("conclusion"), FhirIdentifiers.EXT_REEXAMINATION_DATE));
    m.put("conclusion.reason", observation("conclusion") + ".note.text");
    // the mapper's own names for a bundle it cannot read
    m.put("Composition.subject", COMPOSITION + ".subject");
    for (String code : new String[] {"alcohol", "drug-test", "conclusion", "licence-class"}) {
      m.put("Observation " + code, observation(code));
    }
    return m;
  }

  private static Map<String, String> eligibility() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("facilityCode", "CoverageEligibilityRequest.provider");
    m.put("cccd", identifier(REQUEST_PATIENT, FhirIdentifiers.CCCD));
    m.put("qr", extension(REQUEST_PATIENT, FhirIdentifiers.EXT_CCCD_QR));
    m.put("cardNumber", REQUEST_PATIENT + ".identifier.where(system='" + FhirIdentifiers.CARD_NUMBER + "' or system='"
        + FhirIdentifiers.SOCIAL_INSURANCE_NUMBER + "').value");
    m.put("fullName", REQUEST_PATIENT + ".name");
    m.put("birthDate", REQUEST_PATIENT + ".birthDate");
    m.put("sex", REQUEST_PATIENT + ".gender");
    m.put("officer", "CoverageEligibilityRequest.enterer");
    m.put("officer.fullName", OFFICER + ".name");
    m.put("officer.cccd", identifier(OFFICER, FhirIdentifiers.CCCD));
    return m;
  }
}
