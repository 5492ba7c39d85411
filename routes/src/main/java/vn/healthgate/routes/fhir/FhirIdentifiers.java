package vn.healthgate.routes.fhir;

/** The identifier systems and code systems the gateway uses in FHIR (documented in {@code docs/api.md}). */
public final class FhirIdentifiers {
  /** The canonical base of every identifier system, code system, value set and extension of the project. */
  public static final String BASE = "https://fhir.healthgate.vn/";
  /** Version and date of the served terminology (CodeSystem, ValueSet, NamingSystem). */
  static final String TERMINOLOGY_VERSION = "1.0.0";
  static final String TERMINOLOGY_DATE = "2026-01-01";

  /** Citizen ID number (CCCD), 12 digits. */
  public static final String CCCD = BASE + "sid/cccd";
  /** Social-insurance number (mã số BHXH), 10 digits, the person's for life. */
  public static final String SOCIAL_INSURANCE_NUMBER = BASE + "sid/ma-so-bhxh";
  /** Health-insurance card code (mã thẻ BHYT), 15 characters. */
  public static final String CARD_NUMBER = BASE + "sid/ma-the-bhyt";
  /** Healthcare facility code (mã CSKCB), 5 characters, first two the province. */
  public static final String FACILITY_CODE = BASE + "sid/ma-cskcb";

  /** Episode id of a visit (MA_LK of Decision 130). */
  public static final String EPISODE_ID = BASE + "sid/ma-lk";
  /** The facility's own patient id (MA_BN). */
  public static final String FACILITY_PATIENT_ID = BASE + "sid/ma-bn";
  /** Driver health certificate number (SO, NNNNN/GKSKLX/facility/yy). */
  public static final String CERTIFICATE_NUMBER = BASE + "sid/so-gksk";

  /** Visit category (MA_DOITUONG_KCB) and visit type (MA_LOAI_KCB) as Encounter.type codings. */
  public static final String VISIT_CATEGORY = BASE + "CodeSystem/ma-doituong-kcb";
  public static final String VISIT_TYPE = BASE + "CodeSystem/ma-loai-kcb";
  /** Items of a driver health certificate, as Observation codes: alcohol, drug-test, conclusion, licence-class. */
  public static final String CERTIFICATE_ITEM = BASE + "CodeSystem/gksk-item";
  /** Driving-licence classes of the Road Traffic Order and Safety Law 2024 (from 2025). */
  public static final String LICENCE_CLASS_2024 = BASE + "CodeSystem/licence-class-2024";
  /** Driving-licence classes of the Road Traffic Law 2008 (licences issued before 2025). */
  public static final String LICENCE_CLASS_2008 = BASE + "CodeSystem/licence-class-2008";
  /** Extensions on Encounter: the first service, drug or supply ordered (valueCoding) and when it was ordered (valueDateTime). */
  public static final String EXT_FIRST_SERVICE = BASE + "StructureDefinition/first-service";
  public static final String EXT_FIRST_DRUG = BASE + "StructureDefinition/first-drug";
  public static final String EXT_FIRST_SUPPLY = BASE + "StructureDefinition/first-supply";
  public static final String EXT_ORDERED_AT = BASE + "StructureDefinition/first-order-time";
  /** HL7's extension on Patient.birthDate for the time of birth (a newborn's NGAY_SINH carries it). */
  public static final String EXT_BIRTH_TIME = "http://hl7.org/fhir/StructureDefinition/patient-birthTime";
  /** Extension on the conclusion Observation: the re-examination date (valueDate). */
  public static final String EXT_REEXAMINATION_DATE = BASE + "StructureDefinition/reexamination-date";

  /** The portal's lookup result codes ({@code maKetQua}). */
  public static final String PORTAL_RESULT_CODE = BASE + "CodeSystem/portal-result-code";
  /** The gateway's outcome words (ELIGIBLE, NOT_ELIGIBLE, MANUAL_CHECK, RETRY_LATER). */
  public static final String ELIGIBILITY_OUTCOME = BASE + "CodeSystem/eligibility-outcome";
  /** The result categories (CARD, INPUT, CONFIGURATION, PORTAL). */
  public static final String RESULT_CATEGORY = BASE + "CodeSystem/result-category";
  /** A submission's status (RECEIVED … DEAD_LETTER), as Task.businessStatus. */
  public static final String SUBMISSION_STATUS = BASE + "CodeSystem/submission-status";
  /** A submission's id at the gateway (Task.identifier). */
  public static final String SUBMISSION_ID = BASE + "sid/submission";
  /** An eligibility check's id at the gateway (CoverageEligibilityResponse.identifier, request.identifier). */
  public static final String ELIGIBILITY_CHECK_ID = BASE + "sid/eligibility-check";
  /** The portal's receipt of a delivered document (Task.output). */
  public static final String PORTAL_RECEIPT = BASE + "sid/portal-receipt";
  /** Extensions on CoverageEligibilityResponse carrying what REST carries too. */
  public static final String EXT_RESULT_CATEGORY = BASE + "StructureDefinition/result-category";
  public static final String EXT_FIVE_YEARS_CONTINUOUS_FROM = BASE + "StructureDefinition/five-years-continuous-from";
  public static final String EXT_VISIT_HISTORY = BASE + "StructureDefinition/visit-history";
  public static final String EXT_WARNING = BASE + "StructureDefinition/warning";
  /** The gateway's error catalogue (GW-…). */
  public static final String GATEWAY_ERROR = BASE + "CodeSystem/gateway-error";

  /** Extension on Patient carrying the raw text of the CCCD's QR code. */
  public static final String EXT_CCCD_QR = BASE + "StructureDefinition/cccd-qr";
  /** Extensions on CoverageEligibilityResponse. */
  public static final String EXT_PORTAL_RESULT = BASE + "StructureDefinition/portal-result";
  public static final String EXT_OUTCOME = BASE + "StructureDefinition/eligibility-outcome";
  public static final String EXT_MESSAGE_VI = BASE + "StructureDefinition/message-vi";

  private FhirIdentifiers() {}
}
