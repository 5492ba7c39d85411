package vn.healthgate.routes.fhir;

/** The identifier systems and code systems the gateway uses in FHIR (documented in {@code docs/api.md}). */
public final class FhirIdentifiers {
  private static final String BASE = "https://fhir.healthgate.vn/";

  /** Citizen ID number (CCCD), 12 digits. */
  public static final String CCCD = BASE + "sid/cccd";
  /** Social-insurance number (mã số BHXH), 10 digits, the person's for life. */
  public static final String SOCIAL_INSURANCE_NUMBER = BASE + "sid/ma-so-bhxh";
  /** Health-insurance card code (mã thẻ BHYT), 15 characters. */
  public static final String CARD_NUMBER = BASE + "sid/ma-the-bhyt";
  /** Healthcare facility code (mã CSKCB), 5 characters, first two the province. */
  public static final String FACILITY_CODE = BASE + "sid/ma-cskcb";

  /** The portal's lookup result codes ({@code maKetQua}). */
  public static final String PORTAL_RESULT_CODE = BASE + "CodeSystem/portal-result-code";
  /** The gateway's outcome words (ELIGIBLE, NOT_ELIGIBLE, MANUAL_CHECK, RETRY_LATER). */
  public static final String ELIGIBILITY_OUTCOME = BASE + "CodeSystem/eligibility-outcome";
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
