package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Client mistakes the independent attack answered with 5xx, Tomcat HTML or Spring's default JSON:
 * each is now a 4xx in the project's format, problem+json on the REST API and an OperationOutcome
 * on {@code /fhir}, with its catalogue code (and {@code Allow} on a 405).
 */
class HttpRefusalsIT extends GatewayIT {
  @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private Reply getWithKey(String path, String key) {
    return sendPlain(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-Api-Key", key).GET().build());
  }

  private Reply sendPlain(HttpRequest request) {
    try {
      return sendTls(HTTP, request);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String code(Reply reply) {
    return reply.body().has("code") ? reply.body().get("code").asText() : reply.body().at("/issue/0/details/coding/0/code").asText();
  }

  private RawRequests.Answer raw(String method, String target, Map<String, String> headers, String body, boolean chunked) {
    return RawRequests.send(port, new RawRequests.Request(method, target, headers, body, chunked));
  }

  @Test
  void pagingParametersThatAreNotNumbersOrOutOfRangeAreRefusedWithTheirName() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("size=abc", "size");
    cases.put("page=x", "page");
    cases.put("page=999999999", "page");
    cases.put("page=-1", "page");
    cases.put("size=0", "size");
    cases.put("size=501", "size");
    cases.put("kind=foo", "kind");
    cases.put("status=LOST", "status");
    cases.put("since=yesterday", "since");
    cases.forEach((query, field) -> {
      Reply reply = getWithKey("/api/v1/submissions?" + query, "dev-70001");
      assertThat(reply.status()).as(query).isEqualTo(400);
      assertThat(code(reply)).as(query).isEqualTo("GW-PARAMETER-INVALID");
      assertThat(reply.body().get("field").asText()).as(query).isEqualTo(field);
    });
    assertThat(getWithKey("/api/v1/admin/dead-letters?page=999999999", "dev-admin").status()).isEqualTo(400);
    assertThat(getWithKey("/api/v1/submissions?page=100000&size=500", "dev-70001").status()).as("the documented limits themselves").isEqualTo(200);
  }

  @Test
  void theErrorPageIsNoEndpoint() {
    Reply anonymous = get("/error");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(code(anonymous)).isEqualTo("GW-AUTH-MISSING");
    Reply identified = getWithKey("/error", "dev-70001");
    assertThat(identified.status()).isEqualTo(404);
    assertThat(code(identified)).isEqualTo("GW-NOT-FOUND");
  }

  @Test
  void aWrongMethodIs405WithAllowInTheFormatOfItsPath() {
    RawRequests.Answer unknown = raw("FOO", "/api/v1/check-ins", Map.of("X-Api-Key", "dev-70001"), "", false);
    assertThat(unknown.status()).isEqualTo(405);
    assertThat(unknown.head()).containsIgnoringCase("Allow: POST");
    assertThat(unknown.body()).contains("GW-METHOD-NOT-ALLOWED");
    RawRequests.Answer get = raw("GET", "/api/v1/eligibility-checks", Map.of("X-Api-Key", "dev-70001"), "", false);
    assertThat(get.status()).isEqualTo(405);
    assertThat(get.head()).containsIgnoringCase("Allow: POST");
    RawRequests.Answer trace = raw("TRACE", "/api/v1/check-ins", Map.of("X-Api-Key", "dev-70001"), "", false);
    assertThat(trace.status()).isEqualTo(405);
    assertThat(trace.head()).containsIgnoringCase("Allow:");
    assertThat(trace.body()).contains("GW-METHOD-NOT-ALLOWED").doesNotContain("X-Api-Key");
    RawRequests.Answer longMethod = raw("X".repeat(300), "/api/v1/check-ins", Map.of("X-Api-Key", "dev-70001"), "", false);
    assertThat(longMethod.status()).isEqualTo(405);
  }

  @Test
  void aMalformedChunkedBodyIs400NotAServerError() {
    for (String path : new String[] {"/api/v1/check-ins", "/fhir/Encounter"}) {
      RawRequests.Answer answer = RawRequests.sendBytes(port, ("POST " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Api-Key: dev-70001\r\n"
          + "Content-Type: application/" + (path.startsWith("/fhir") ? "fhir+" : "") + "json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"));
      assertThat(answer.status()).as(path).isEqualTo(400);
      assertThat(answer.body()).as(path).contains("GW-HTTP-MALFORMED");
    }
  }

  @Test
  void requestsTomcatRefusesBeforeAnyFilterAre400InTheCatalogueFormat() {
    RawRequests.Answer encoding = raw("POST", "/api/v1/check-ins", Map.of("Transfer-Encoding", "foo"), "", false);
    assertThat(encoding.status()).as("an unknown transfer coding is the client's mistake").isEqualTo(400);
    assertThat(encoding.head()).contains("application/problem+json");
    assertThat(encoding.body()).contains("GW-HTTP-MALFORMED");
    RawRequests.Answer fhir = raw("POST", "/fhir/Encounter", Map.of("Transfer-Encoding", "foo"), "", false);
    assertThat(fhir.status()).isEqualTo(400);
    assertThat(fhir.body()).contains("\"resourceType\":\"OperationOutcome\"").contains("GW-HTTP-MALFORMED");
    RawRequests.Answer header = RawRequests.sendBytes(port, "GET /api/v1/submissions HTTP/1.1\r\nHost: x\r\nConnection: close\r\nBad Header\r\n\r\n");
    assertThat(header.status()).isEqualTo(400);
    assertThat(header.body()).contains("GW-HTTP-MALFORMED").doesNotContain("<html");
    RawRequests.Answer target = RawRequests.sendBytes(port, "GET /api/v1/x{y} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(target.status()).isEqualTo(400);
    assertThat(target.body()).contains("GW-HTTP-MALFORMED");
  }

  @Test
  void anOverlongIdempotencyKeyIsRefusedNotAServerError() {
    Reply reply = sendPlain(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/check-ins")).header("X-Api-Key", "dev-70001")
        .header("Content-Type", "application/json").header("Idempotency-Key", "k".repeat(201))
        .POST(HttpRequest.BodyPublishers.ofString(writeJson(DocumentSamples.checkIn("70001", "70001-IDEM-" + System.nanoTime())))).build());
    assertThat(reply.status()).isBetween(400, 499);
    assertThat(code(reply)).startsWith("GW-");
  }

  @Test
  void fhirRefusalsOfIdentityAccessSizeAndRateAreOperationOutcomes() {
    String encounter = FhirTestSupport.FHIR.newJsonParser().encodeResourceToString(FhirDocumentsIT.encounter("70102-RATE-" + System.nanoTime()))
        .replace("70001", "70102");
    Reply anonymous = post("/fhir/Encounter", "application/fhir+json", encounter, null);
    assertOperationOutcome(anonymous, 401, "GW-AUTH-MISSING");
    assertOperationOutcome(post("/fhir/Encounter", "application/fhir+json", encounter, "nope"), 401, "GW-AUTH-INVALID");
    assertOperationOutcome(post("/fhir/Encounter", "application/fhir+json", encounter, "dev-admin"), 403, "GW-FACILITY-ONLY");
    assertOperationOutcome(post("/fhir/Encounter", "application/fhir+json", "{\"x\":\"" + "7".repeat(1_100_000) + "\"}", "dev-70102"), 413,
        "GW-BODY-TOO-LARGE");
    Reply first = post("/fhir/Encounter", "application/fhir+json", encounter, "dev-70102");
    Reply second = post("/fhir/Encounter", "application/fhir+json", encounter, "dev-70102");
    Reply limited = first.status() == 429 ? first : second;
    assertOperationOutcome(limited, 429, "GW-RATE-LIMITED");
    assertThat(limited.header("Retry-After")).matches("\\d+");
    assertOperationOutcome(post("/fhir/Encounter", "application/fhir+xml",
        "<?xml version=\"1.0\"?><!DOCTYPE Encounter SYSTEM \"http://127.0.0.1:1/x.dtd\"><Encounter xmlns=\"http://hl7.org/fhir\"/>", "dev-70001"), 400,
        "GW-XML-DOCTYPE");
    assertOperationOutcome(post("/fhir/Encounter", "application/fhir+xml",
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ELEMENT r ANY>]><Encounter xmlns=\"http://hl7.org/fhir\"/>", "dev-70001"), 400, "GW-XML-DOCTYPE");
  }

  private static void assertOperationOutcome(Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/fhir+json");
    assertThat(reply.body().get("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).isEqualTo(code);
  }

  private static String writeJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aBrokenPercentEscapeInTheQueryIsRefusedNotAServerError() {
    RawRequests.Answer fhir = raw("GET", "/fhir/metadata?q=%zz", Map.of(), "", false);
    assertThat(fhir.status()).isEqualTo(400);
    assertThat(fhir.body()).contains("\"resourceType\":\"OperationOutcome\"").contains("GW-REQUEST-REJECTED");
    RawRequests.Answer rest = raw("GET", "/api/v1/submissions?q=%zz&x=%", Map.of("X-Api-Key", "dev-70001"), "", false);
    assertThat(rest.status()).isEqualTo(400);
    assertThat(rest.body()).contains("GW-REQUEST-REJECTED");
  }

  @Test
  void anUnknownHttpVersionIs400AndAuditedLikeEveryRefusalAtTheHttpLayer() {
    RawRequests.Answer version = RawRequests.sendBytes(port, "GET /actuator/health HTTP/1.2\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(version.status()).isEqualTo(400);
    assertThat(version.body()).contains("GW-HTTP-MALFORMED");
    RawRequests.Answer header = RawRequests.sendBytes(port, "GET /api/v1/submissions HTTP/1.1\r\nHost: x\r\nConnection: close\r\nBad Header\r\n\r\n");
    for (RawRequests.Answer answer : List.of(version, header)) {
      String correlationId = answer.head().lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("x-correlation-id:"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElseThrow();
      assertThat(jdbc.queryForList("select result from audit_log where correlation_id = ?", String.class, correlationId)).containsExactly("400");
    }
  }

  @Test
  void anErrorALibraryAnswersWithoutABodyGetsTheCataloguesDocument() {
    Reply health = get("/actuator/health/nothing");
    assertThat(health.status()).isEqualTo(404);
    assertThat(health.header("Content-Type")).startsWith("application/problem+json");
    assertThat(code(health)).isEqualTo("GW-NOT-FOUND");
  }

  @Test
  void aNumberTypedIntoAPathIsMaskedInTheAnswerTheAuditTrailAndTheLog() {
    String cccd = "079203012345";
    Reply reply = sendPlain(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/submissions/" + cccd)).header("X-Api-Key", "dev-70001")
        .header("X-Correlation-Id", "masked-" + System.nanoTime()).GET().build());
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.text()).doesNotContain(cccd).contains("079*******45");
    String action = jdbc.queryForObject("select action from audit_log where correlation_id = ?", String.class, reply.header("X-Correlation-Id"));
    assertThat(action).isEqualTo("GET /api/v1/submissions/079*******45");
  }

  @Test
  void theCapabilityStatementAnswersHeadAsWellAsGetWithoutIdentity() {
    RawRequests.Answer head = raw("HEAD", "/fhir/metadata", Map.of(), "", false);
    assertThat(head.status()).isEqualTo(200);
  }

  @Test
  void traceGetsThePathsOwnAllowAfterIdentification() {
    RawRequests.Answer rest = raw("TRACE", "/api/v1/check-ins", Map.of("X-Api-Key", "dev-70001"), "", false);
    assertThat(rest.status()).isEqualTo(405);
    assertThat(rest.head()).containsIgnoringCase("Allow: POST");
    assertThat(rest.body()).contains("GW-METHOD-NOT-ALLOWED").doesNotContain("dev-70001");
    RawRequests.Answer fhir = raw("TRACE", "/fhir/Encounter", Map.of("X-Api-Key", "dev-70001"), "", false);
    assertThat(fhir.status()).isEqualTo(405);
    assertThat(fhir.head()).containsIgnoringCase("Allow: GET, HEAD, POST");
    assertThat(raw("TRACE", "/api/v1/admin/overview", Map.of(), "", false).status()).as("identity first").isEqualTo(401);
    RawRequests.Answer jolokia = raw("TRACE", "/actuator/jolokia/version", Map.of("X-Api-Key", "dev-admin"), "", false);
    assertThat(jolokia.status()).isEqualTo(405);
    assertThat(jolokia.body()).contains("GW-METHOD-NOT-ALLOWED").doesNotContain("dev-admin");
  }

  @Test
  void anEmptyAcceptHeaderMeansAnyType() {
    RawRequests.Answer scrape = raw("GET", "/actuator/prometheus", Map.of("X-Api-Key", "dev-admin", "Accept", ""), "", false);
    assertThat(scrape.status()).isEqualTo(200);
  }

  @Test
  void aBodyThatIsNotValidUtf8IsRefused() {
    byte[] head = ("POST /api/v1/check-ins HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Api-Key: dev-70001\r\nContent-Type: application/json\r\n")
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] body = {'{', '"', 'x', '"', ':', '"', (byte) 0xC0, (byte) 0xBC, '"', '}'};
    java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream();
    request.writeBytes(head);
    request.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    request.writeBytes(body);
    RawRequests.Answer overlong = RawRequests.sendBytes(port, request.toByteArray());
    assertThat(overlong.status()).as("an overlong '<'").isEqualTo(400);
    assertThat(overlong.body()).contains("GW-JSON-MALFORMED");
  }
}
