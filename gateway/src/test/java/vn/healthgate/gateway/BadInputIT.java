package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets a 4xx problem document with its own stable code, before any portal call, never a 500. */
class BadInputIT extends GatewayIT {
  private static final String OFFICER = "\"officer\":{\"fullName\":\"NGÔ NGỌC GIANG\",\"cccd\":\"070186171117\"}";
  private static final String PERSON = "\"fullName\":\"VÕ HỮU BÌNH\",\"birthDate\":\"1989-11-10\"";

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("malformed JSON", "application/json", "{\"facilityCode\":", 400, "GW-JSON-MALFORMED"),
        Arguments.of("not JSON at all", "application/json", "hello", 400, "GW-JSON-MALFORMED"),
        Arguments.of("a key twice in a nested object", "application/json", "{\"facilityCode\":\"70001\",\"cccd\":\"070089868934\"," + PERSON
            + ",\"officer\":{\"fullName\":\"NGÔ NGỌC GIANG\",\"cccd\":\"070186171117\",\"cccd\":\"070186171117\"}}", 400, "GW-JSON-MALFORMED"),
        Arguments.of("a key twice at the top", "application/json", "{\"facilityCode\":\"70001\",\"cccd\":\"070089868934\",\"cccd\":\"070089868934\","
            + PERSON + "," + OFFICER + "}", 400, "GW-JSON-MALFORMED"),
        Arguments.of("wrong content type", "text/plain", "{}", 415, "GW-CONTENT-TYPE"),
        Arguments.of("form content type", "application/x-www-form-urlencoded", "cccd=070089868934", 415, "GW-CONTENT-TYPE"),
        Arguments.of("missing facility", "application/json", "{\"cccd\":\"070089868934\"," + PERSON + "," + OFFICER + "}", 422, "GW-FACILITY-MISSING"),
        Arguments.of("no patient identifier", "application/json", "{\"facilityCode\":\"70001\"," + PERSON + "," + OFFICER + "}", 422, "GW-PATIENT-ID-MISSING"),
        Arguments.of("two patient identifiers", "application/json", "{\"facilityCode\":\"70001\",\"cccd\":\"070089868934\",\"cardNumber\":\"HN4707014012731\"," + PERSON + "," + OFFICER + "}", 422, "GW-PATIENT-ID-AMBIGUOUS"),
        Arguments.of("missing full name", "application/json", "{\"facilityCode\":\"70001\",\"cccd\":\"070089868934\",\"birthDate\":\"1989-11-10\"," + OFFICER + "}", 422, "GW-NAME-MISSING"),
        Arguments.of("missing birth date", "application/json", "{\"facilityCode\":\"70001\",\"cccd\":\"070089868934\",\"fullName\":\"VÕ HỮU BÌNH\"," + OFFICER + "}", 422, "GW-BIRTHDATE-MISSING"),
        Arguments.of("CCCD of 11 digits", "application/json", body("07008986893"), 422, "GW-CCCD-FORMAT"),
        Arguments.of("CCCD of 13 digits", "application/json", body("0700898689345"), 422, "GW-CCCD-FORMAT"),
        Arguments.of("unknown province code", "application/json", body("003089868934"), 422, "GW-CCCD-PROVINCE"),
        Arguments.of("century digit contradicts birth year", "application/json", body("070289868934"), 422, "GW-CCCD-CENTURY"),
        Arguments.of("year digits contradict birth year", "application/json", body("070091868934"), 422, "GW-CCCD-BIRTHYEAR"),
        Arguments.of("sex digit contradicts sex", "application/json", "{\"facilityCode\":\"70001\",\"cccd\":\"070089868934\",\"sex\":\"FEMALE\"," + PERSON + "," + OFFICER + "}", 422, "GW-CCCD-SEX"),
        Arguments.of("QR with 6 fields", "application/json", "{\"facilityCode\":\"70001\",\"qr\":\"070089868934||VÕ HỮU BÌNH|10111989|Nam|Ấp 2, Đồng Phú\"," + OFFICER + "}", 422, "GW-QR-FIELDS"),
        Arguments.of("QR with a bad date", "application/json", "{\"facilityCode\":\"70001\",\"qr\":\"070089868934||VÕ HỮU BÌNH|31021989|Nam|Ấp 2|15032021\"," + OFFICER + "}", 422, "GW-QR-FORMAT"),
        Arguments.of("missing officer", "application/json", "{\"facilityCode\":\"70001\",\"cccd\":\"070089868934\"," + PERSON + "}", 422, "GW-OFFICER-MISSING"),
        Arguments.of("officer CCCD malformed", "application/json", "{\"facilityCode\":\"70001\",\"cccd\":\"070089868934\"," + PERSON + ",\"officer\":{\"fullName\":\"NGÔ NGỌC GIANG\",\"cccd\":\"123\"}}", 422, "GW-OFFICER-CCCD-FORMAT"),
        Arguments.of("officer CCCD with an unknown province", "application/json", "{\"facilityCode\":\"70001\",\"cccd\":\"070089868934\"," + PERSON + ",\"officer\":{\"fullName\":\"NGÔ NGỌC GIANG\",\"cccd\":\"003186171117\"}}", 422, "GW-OFFICER-CCCD-PROVINCE"),
        Arguments.of("officer name with digits", "application/json", "{\"facilityCode\":\"70001\",\"cccd\":\"070089868934\"," + PERSON + ",\"officer\":{\"fullName\":\"NGÔ 8\",\"cccd\":\"070186171117\"}}", 422, "GW-OFFICER-INVALID"),
        Arguments.of("QR issued in the future", "application/json", "{\"facilityCode\":\"70001\",\"qr\":\"070089868934||VÕ HỮU BÌNH|10111989|Nam|Ấp 2|01012999\"," + OFFICER + "}", 422, "GW-QR-ISSUE-DATE"),
        Arguments.of("birth date not ISO", "application/json", "{\"facilityCode\":\"70001\",\"cccd\":\"070089868934\",\"fullName\":\"VÕ HỮU BÌNH\",\"birthDate\":\"10/11/1989\"," + OFFICER + "}", 422, "GW-BIRTHDATE-FORMAT"),
        Arguments.of("birth date in the future", "application/json", "{\"facilityCode\":\"70001\",\"cardNumber\":\"HN4707014012731\",\"fullName\":\"VÕ HỮU BÌNH\",\"birthDate\":\"2999-01-01\"," + OFFICER + "}", 422, "GW-BIRTHDATE-FUTURE"),
        Arguments.of("name with digits", "application/json", "{\"facilityCode\":\"70001\",\"cccd\":\"070089868934\",\"fullName\":\"VÕ HỮU 8ÌNH\",\"birthDate\":\"1989-11-10\"," + OFFICER + "}", 422, "GW-NAME-FORMAT"),
        Arguments.of("card number malformed", "application/json", "{\"facilityCode\":\"70001\",\"cardNumber\":\"HN47\"," + PERSON + "," + OFFICER + "}", 422, "GW-CARD-FORMAT"),
        Arguments.of("unknown sex", "application/json", "{\"facilityCode\":\"70001\",\"cccd\":\"070089868934\",\"sex\":\"X\"," + PERSON + "," + OFFICER + "}", 422, "GW-SEX-INVALID"),
        Arguments.of("another facility's code", "application/json", "{\"facilityCode\":\"70002\",\"cccd\":\"070089868934\"," + PERSON + "," + OFFICER + "}", 403, "GW-FACILITY-FORBIDDEN"));
  }

  private static String body(String cccd) {
    return "{\"facilityCode\":\"70001\",\"cccd\":\"" + cccd + "\"," + PERSON + "," + OFFICER + "}";
  }

  @ParameterizedTest(name = "{0} -> {3} {4}")
  @MethodSource("badRequests")
  void badInputIsRefusedWithItsOwnCodeBeforeAnyPortalCall(String name, String contentType, String body, int status, String code) {
    long lookupsBefore = portalLookups();

    Reply reply = post("/api/v1/eligibility-checks", contentType, body, "dev-70001");

    assertThat(reply.status()).as(reply.text()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    assertThat(reply.body().get("code").asText()).isEqualTo(code);
    assertThat(reply.body().get("detail").asText()).isNotBlank();
    assertThat(reply.body().get("detailVi").asText()).isNotBlank();
    assertThat(reply.text()).doesNotContain("Exception").doesNotContain("at vn.").doesNotContain("070089868934");
    assertThat(reply.header("X-Correlation-Id")).isNotBlank();
    assertThat(portalLookups()).isEqualTo(lookupsBefore);
  }

  private static final String BAD = "@@BAD@@";

  static Stream<Arguments> eligibilityTextFields() {
    return Stream.of(
        Arguments.of("cccd", "facilityCode", "\\u0000"),
        Arguments.of("cccd", "cccd", "\\ud800"),
        Arguments.of("cccd", "fullName", "\\ud800"),
        Arguments.of("cccd", "fullName", "\\u0000"),
        Arguments.of("cccd", "birthDate", "\\u001f"),
        Arguments.of("cccd", "sex", "\\uffff"),
        Arguments.of("cccd", "officer.fullName", "\\udc00"),
        Arguments.of("cccd", "officer.cccd", "\\u0000"),
        Arguments.of("qr", "qr", "\\ud800"),
        Arguments.of("qr", "qr", "\\u0000"),
        Arguments.of("cardNumber", "cardNumber", "\\ufffe"));
  }

  /** An eligibility check by {@code lookup} (cccd, qr or cardNumber) with {@link #BAD} after {@code field}'s value. */
  private static String eligibilityWithBadText(String lookup, String field) {
    Map<String, Object> officer = new LinkedHashMap<>(Map.of("fullName", "NGÔ NGỌC GIANG", "cccd", "070186171117"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("facilityCode", "70001");
    switch (lookup) {
      case "qr" -> body.put("qr", "070089868934||VÕ HỮU BÌNH|10111989|Nam|Ấp 2, Đồng Phú, Bình Phước|15032021");
      case "cardNumber" -> body.put("cardNumber", "HN4707014012731");
      default -> body.put("cccd", "070089868934");
    }
    if (!lookup.equals("qr")) {
      body.put("fullName", "VÕ HỮU BÌNH");
      body.put("birthDate", "1989-11-10");
      body.put("sex", "MALE");
    }
    body.put("officer", officer);
    if (field.startsWith("officer.")) {
      officer.put(field.substring(8), officer.get(field.substring(8)) + BAD);
    } else {
      body.put(field, body.get(field) + BAD);
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "eligibility by {0}: {1} with {2} -> 422 GW-TEXT-CHARACTERS")
  @MethodSource("eligibilityTextFields")
  void textASignedDocumentCannotCarryIsRefusedInEveryEligibilityFieldBeforeAnyPortalCall(String lookup, String field, String escape) {
    long lookupsBefore = portalLookups();

    Reply reply = post("/api/v1/eligibility-checks", "application/json", eligibilityWithBadText(lookup, field).replace(BAD, escape), "dev-70001");

    assertThat(reply.status()).as(reply.text()).isEqualTo(422);
    assertThat(reply.body().get("code").asText()).isEqualTo("GW-TEXT-CHARACTERS");
    assertThat(reply.body().get("field").asText()).isEqualTo(field);
    assertThat(reply.text()).doesNotContain("070089868934");
    assertThat(portalLookups()).isEqualTo(lookupsBefore);
  }

  @Test
  void fhirEligibilityWithALoneSurrogateIsUnprocessableNamingTheMappedField() {
    JsonNode citizen = citizen("000");
    String name = citizen.get("fullName").asText();
    String request = FhirTestSupport.eligibilityRequest(citizen).replace("\"" + name + "\"", "\"" + name + "\\ud800\"");
    long lookupsBefore = portalLookups();

    Reply reply = post("/fhir/CoverageEligibilityRequest/$submit", "application/fhir+json", request, "dev-" + citizen.get("facilityCode").asText());

    assertThat(reply.status()).as(reply.text()).isEqualTo(422);
    assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isEqualTo("GW-TEXT-CHARACTERS");
    assertThat(reply.body().at("/issue/0/expression/0").asText()).isEqualTo("CoverageEligibilityRequest.contained.ofType(Patient).name");
    assertThat(reply.body().at("/issue/0/diagnostics").asText()).endsWith("(field: fullName)");
    assertThat(portalLookups()).isEqualTo(lookupsBefore);
  }

  @Test
  void fhirEligibilityWhosePatientIdentifierHasNoValueIsUnprocessableWithACode() {
    JsonNode citizen = citizen("000");
    String request = FhirTestSupport.eligibilityRequest(citizen).replaceFirst(",\"value\":\"[0-9A-Z]+\"", "");
    long lookupsBefore = portalLookups();

    Reply reply = post("/fhir/CoverageEligibilityRequest/$submit", "application/fhir+json", request, "dev-" + citizen.get("facilityCode").asText());

    assertThat(reply.status()).as(reply.text()).isEqualTo(422);
    assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isEqualTo("GW-PATIENT-ID-MISSING");
    assertThat(portalLookups()).isEqualTo(lookupsBefore);
  }

  @Test
  void fhirEligibilityWhoseQrExtensionHasNoValueIsUnprocessableWithACode() {
    JsonNode citizen = citizen("000");
    String request = FhirTestSupport.eligibilityRequest(citizen).replaceFirst(",\"value\":\"[0-9A-Z]+\"", "")
        .replaceFirst("\"resourceType\":\"Patient\",", "\"resourceType\":\"Patient\",\"extension\":[{\"url\":\"" + vn.healthgate.routes.fhir.FhirIdentifiers.EXT_CCCD_QR + "\"}],");

    Reply reply = post("/fhir/CoverageEligibilityRequest/$submit", "application/fhir+json", request, "dev-" + citizen.get("facilityCode").asText());

    assertThat(reply.status()).as(reply.text()).isEqualTo(422);
    assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isEqualTo("GW-PATIENT-ID-MISSING");
  }

  static Stream<Arguments> fhirMethodsAPathDoesNotAccept() {
    return Stream.of(
        Arguments.of("FOO", "/fhir/Encounter", "GET, HEAD, POST"),
        Arguments.of("PATCH", "/fhir/Encounter", "GET, HEAD, POST"),
        Arguments.of("PUT", "/fhir/Encounter", "GET, HEAD, POST"),
        Arguments.of("DELETE", "/fhir/Bundle", "GET, HEAD, POST"),
        Arguments.of("OPTIONS", "/fhir/Bundle", "GET, HEAD, POST"),
        Arguments.of("PATCH", "/fhir/Bundle/123", "GET, HEAD"),
        Arguments.of("DELETE", "/fhir/Task/123", "GET, HEAD"),
        Arguments.of("POST", "/fhir/CodeSystem", "GET, HEAD"),
        Arguments.of("FOO", "/fhir/CoverageEligibilityRequest/$submit", "POST"),
        Arguments.of("GET", "/fhir/CoverageEligibilityRequest/$submit", "POST"),
        Arguments.of("FOO", "/fhir/metadata", "GET, HEAD"),
        Arguments.of("POST", "/fhir/metadata", "GET, HEAD"),
        Arguments.of("PATCH", "/fhir/metadata", "GET, HEAD"),
        Arguments.of("FOO", "/fhir/", "OPTIONS"));
  }

  @ParameterizedTest(name = "{0} {1} -> 405 Allow: {2}")
  @MethodSource("fhirMethodsAPathDoesNotAccept")
  void aMethodAFhirPathDoesNotAcceptIs405WithAllowAndAnOperationOutcome(String method, String path, String allow) {
    Reply reply = request(method, path, "dev-70001");

    assertThat(reply.status()).as(reply.text()).isEqualTo(405);
    assertThat(reply.header("Allow")).isEqualTo(allow);
    assertThat(reply.header("Content-Type")).startsWith("application/fhir+json");
    assertThat(reply.body().get("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isEqualTo("GW-METHOD-NOT-ALLOWED");
    assertThat(reply.header("X-Correlation-Id")).isNotBlank();
  }

  @ParameterizedTest(name = "{0} {1} -> 404")
  @org.junit.jupiter.params.provider.CsvSource({"FOO, /fhir/Nothing", "GET, /fhir/Nothing", "GET, /fhir/Encounter/123", "GET, /fhir/Task/123", "PATCH, /fhir/Nothing/123", "POST, /fhir/$nothing"})
  void aFhirPathNothingIsServedOnIs404WhateverTheMethod(String method, String path) {
    Reply reply = request(method, path, "dev-70001");

    assertThat(reply.status()).as(reply.text()).isEqualTo(404);
    assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isEqualTo("GW-NOT-FOUND");
  }

  @ParameterizedTest(name = "GET /fhir/{0} -> 400 naming {1}")
  @org.junit.jupiter.params.provider.CsvSource({"Encounter?date=garbage, date", "Encounter?date=ge2026-13-45, date", "Bundle?timestamp=xx, timestamp",
      "Encounter?_count=abc, _count", "Task?_count=-1x, _count",
      "Encounter?date=sa2026-12-03, date", "Bundle?timestamp=ap2026-12-03, timestamp", "Encounter?date=ne2026-12-03, date"})
  void aSearchParameterValueTheServerCannotReadIs400NamingIt(String query, String parameter) {
    Reply reply = request("GET", "/fhir/" + query, "dev-70001");

    assertThat(reply.status()).as(reply.text()).isEqualTo(400);
    assertThat(reply.body().get("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isEqualTo("GW-PARAMETER-INVALID");
    assertThat(reply.body().at("/issue/0/expression/0").asText()).isEqualTo("http." + parameter);
  }

  @Test
  void theCapabilityStatementIsDatedInVietnamTime() {
    Reply reply = request("GET", "/fhir/metadata", "dev-70001");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().get("date").asText()).endsWith("+07:00");
  }

  @Test
  void theMethodsAFhirPathAcceptsStillWork() {
    assertThat(request("GET", "/fhir/metadata", "dev-70001").status()).isEqualTo(200);
    assertThat(request("HEAD", "/fhir/metadata", "dev-70001").status()).isEqualTo(200);
    assertThat(request("OPTIONS", "/fhir/", "dev-70001").body().get("resourceType").asText()).isEqualTo("CapabilityStatement");
    Reply xml = request("FOO", "/fhir/Encounter?_format=xml", "dev-70001");
    assertThat(xml.status()).isEqualTo(405);
    assertThat(xml.header("Content-Type")).startsWith("application/fhir+xml");
    assertThat(xml.text()).contains("GW-METHOD-NOT-ALLOWED");
  }

  @Test
  void everyBadInputCaseHasADistinctCode() {
    List<String> codes = badRequests().map(a -> (String) a.get()[4]).toList();
    Set<String> expectedDuplicates = Set.of("GW-JSON-MALFORMED", "GW-CONTENT-TYPE", "GW-CCCD-FORMAT");
    Set<String> seen = new HashSet<>();
    for (String code : codes) {
      assertThat(seen.add(code) || expectedDuplicates.contains(code)).as("code %s used for two different faults", code).isTrue();
    }
  }

  @Test
  void missingApiKeyIsUnauthorised() {
    Reply reply = post("/api/v1/eligibility-checks", "application/json", body("070089868934"), null);
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.body().get("code").asText()).isEqualTo("GW-AUTH-MISSING");
  }

  @Test
  void unknownApiKeyIsUnauthorised() {
    Reply reply = post("/api/v1/eligibility-checks", "application/json", body("070089868934"), "not-a-key");
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.body().get("code").asText()).isEqualTo("GW-AUTH-INVALID");
  }

  @Test
  void unknownPathIsAProblemDocument() {
    Reply reply = post("/api/v1/nothing-here", "application/json", "{}", "dev-70001");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body().get("code").asText()).isEqualTo("GW-NOT-FOUND");
  }

  @Test
  void fhirMalformedBodyIsAnOperationOutcomeWithACode() {
    Reply reply = post("/fhir/CoverageEligibilityRequest/$submit", "application/fhir+json", "{\"resourceType\":\"CoverageEligibilityRequest\"", "dev-70001");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isEqualTo("GW-JSON-MALFORMED");
  }

  @Test
  void fhirWrongContentTypeIsAnOperationOutcomeWithACode() {
    Reply reply = post("/fhir/CoverageEligibilityRequest/$submit", "text/plain", "hello", "dev-70001");
    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isEqualTo("GW-CONTENT-TYPE");
  }

  @Test
  void fhirRequestWithoutPatientIsUnprocessable() {
    Reply reply = post("/fhir/CoverageEligibilityRequest/$submit", "application/fhir+json",
        "{\"resourceType\":\"CoverageEligibilityRequest\",\"status\":\"active\"}", "dev-70001");
    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isEqualTo("GW-FHIR-INVALID");
  }

  @Test
  void fhirCccdOfElevenDigitsIsUnprocessableWithTheRestCode() {
    String request = FhirTestSupport.eligibilityRequest(citizen("000")).replaceFirst("\"value\":\"(\\d{11})\\d\"", "\"value\":\"$1\"");
    Reply reply = post("/fhir/CoverageEligibilityRequest/$submit", "application/fhir+json", request, "dev-" + citizen("000").get("facilityCode").asText());
    assertThat(reply.status()).as(reply.text()).isEqualTo(422);
    assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isIn("GW-CCCD-FORMAT", "GW-CARD-FORMAT");
  }
}
