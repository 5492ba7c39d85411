package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.healthgate.certs.testing.TestCertificates;
import vn.healthgate.certs.testing.TestCertificates.Purpose;

/**
 * Who may call what, on every endpoint, for every sample facility: over the HTTPS port with client
 * certificates, and on the plain port with the development keys. A facility may act for itself and
 * is refused (403) for another; admin endpoints refuse facility identities; facility endpoints
 * refuse the admin (reading submissions aside); without a certificate the handshake itself refuses.
 * Every endpoint is also called under path spellings that reach the same handler in some part of
 * the stack (percent-encoded letters, encoded slash and backslash, {@code ;} parameters, dot
 * segments, double and trailing slashes, case changes), as each kind of caller: each is refused or
 * answers exactly like the canonical path, and each leaves its audit entry.
 */
class AuthorisationMatrixIT extends GatewayIT {
  private static final List<String> FACILITIES = List.of("70001", "70002", "70003", "70011", "70100");
  private static final TestCertificates PKI = TestCertificates.get();

  @Autowired JdbcTemplate jdbc;

  /** One call: method, path and body for the facility {@code f} it names. */
  private record Endpoint(String name, String method, Function<String, String> path, String contentType, Function<String, String> body) {
    Endpoint(String name, String method, Function<String, String> path) {
      this(name, method, path, null, f -> null);
    }
  }

  /** Who calls: a client (plain or HTTPS) and, on the plain port, its development key. */
  private record Caller(String name, HttpClient client, boolean tls, String apiKey) {}

  private final Map<String, HttpClient> clients = new HashMap<>();
  private final Map<String, Map<String, String>> documents = new HashMap<>();

  private HttpClient clientOf(String facility) {
    return clients.computeIfAbsent(facility, f -> tlsClient(PKI.clientTls(f)));
  }

  private HttpClient admin() {
    return clients.computeIfAbsent("admin", a -> tlsClient(PKI.credential(Purpose.ADMIN_CLIENT_TLS)));
  }

  private String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String serial() {
    return Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 99_999));
  }

  private URI uri(boolean tls, String rawPath) {
    return URI.create((tls ? "https://127.0.0.1:" + this.tls.localPort() : "http://127.0.0.1:" + port) + rawPath);
  }

  private HttpRequest request(Endpoint endpoint, String facility, String rawPath, Caller caller, String correlationId) {
    String body = endpoint.body().apply(facility);
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(caller.tls(), rawPath))
        .method(endpoint.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (endpoint.contentType() != null) {
      builder.header("Content-Type", endpoint.contentType());
    }
    if (caller.apiKey() != null) {
      builder.header("X-Api-Key", caller.apiKey());
    }
    if (correlationId != null) {
      builder.header("X-Correlation-Id", correlationId);
    }
    return builder.build();
  }

  private HttpRequest request(Endpoint endpoint, String facility, HttpClient tlsClient) {
    return request(endpoint, facility, endpoint.path().apply(facility), new Caller("tls", tlsClient, true, null), null);
  }

  /** A check-in and a certificate of facility {@code f}, submitted by f itself over TLS. */
  private Map<String, String> documentsOf(String f) {
    return documents.computeIfAbsent(f, code -> {
      try {
        Map<String, String> ids = new HashMap<>();
        Endpoint checkIn = new Endpoint("", "POST", x -> "/api/v1/check-ins", "application/json", x -> write(DocumentSamples.checkIn(x, x + "-MATRIX-" + serial())));
        ids.put("check-in", sendTls(clientOf(code), request(checkIn, code, clientOf(code))).body().get("id").asText());
        int number = Integer.parseInt(serial());
        Endpoint certificate = new Endpoint("", "POST", x -> "/api/v1/driver-health-certificates", "application/json",
            x -> write(DocumentSamples.certificate(x, number)));
        ids.put("certificate", sendTls(clientOf(code), request(certificate, code, clientOf(code))).body().get("id").asText());
        ids.put("certificate-number", Integer.toString(number));
        return ids;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private List<Endpoint> facilityEndpoints() {
    JsonNode citizen = citizen("000");
    return List.of(
        new Endpoint("POST /api/v1/eligibility-checks", "POST", f -> "/api/v1/eligibility-checks", "application/json", f -> {
          Map<String, Object> body = requestFor(citizen);
          body.put("facilityCode", f);
          return write(body);
        }),
        new Endpoint("POST /fhir/CoverageEligibilityRequest/$submit", "POST", f -> "/fhir/CoverageEligibilityRequest/$submit", "application/fhir+json",
            f -> FhirTestSupport.eligibilityRequest(citizen).replace("\"value\":\"" + citizen.get("facilityCode").asText() + "\"", "\"value\":\"" + f + "\"")),
        new Endpoint("POST /api/v1/check-ins", "POST", f -> "/api/v1/check-ins", "application/json", f -> write(DocumentSamples.checkIn(f, f + "-M-" + serial()))),
        new Endpoint("POST /api/v1/driver-health-certificates", "POST", f -> "/api/v1/driver-health-certificates", "application/json",
            f -> write(DocumentSamples.certificate(f, Integer.parseInt(serial())))),
        new Endpoint("PUT /api/v1/driver-health-certificates/{id}", "PUT", f -> "/api/v1/driver-health-certificates/" + documentsOf(f).get("certificate"),
            "application/json", f -> write(DocumentSamples.certificate(f, Integer.parseInt(documentsOf(f).get("certificate-number"))))),
        new Endpoint("GET /api/v1/submissions/{id}", "GET", f -> "/api/v1/submissions/" + documentsOf(f).get("check-in")),
        new Endpoint("GET /api/v1/submissions/{id}/signed-document", "GET", f -> "/api/v1/submissions/" + documentsOf(f).get("check-in") + "/signed-document"),
        new Endpoint("GET /api/v1/submissions?facilityCode=", "GET", f -> "/api/v1/submissions?facilityCode=" + f),
        new Endpoint("POST /fhir/Encounter", "POST", f -> "/fhir/Encounter", "application/fhir+json",
            f -> FhirTestSupport.FHIR.newJsonParser().encodeResourceToString(FhirDocumentsIT.encounter(f + "-F-" + serial())).replace("70001", f)),
        new Endpoint("POST /fhir/Bundle", "POST", f -> "/fhir/Bundle", "application/fhir+json",
            f -> FhirTestSupport.FHIR.newJsonParser().encodeResourceToString(
                FhirDocumentsIT.certificateBundle(serial() + "/GKSKLX/70001/" + (java.time.LocalDate.now().getYear() % 100), Bundle.BundleType.DOCUMENT))
                .replace("70001", f)));
  }

  private List<Endpoint> adminEndpoints() {
    String id = documentsOf("70001").get("check-in");
    return List.of(
        new Endpoint("GET /api/v1/admin/audit/verify", "GET", f -> "/api/v1/admin/audit/verify"),
        new Endpoint("GET /api/v1/admin/overview", "GET", f -> "/api/v1/admin/overview"),
        new Endpoint("GET /api/v1/admin/dead-letters", "GET", f -> "/api/v1/admin/dead-letters"),
        new Endpoint("POST /api/v1/admin/dead-letters/{id}/replay", "POST", f -> "/api/v1/admin/dead-letters/" + id + "/replay", "application/json", f -> ""),
        new Endpoint("POST /api/v1/admin/dead-letters/replay", "POST", f -> "/api/v1/admin/dead-letters/replay", "application/json", f -> "{\"dryRun\":true}"),
        new Endpoint("GET /actuator/prometheus", "GET", f -> "/actuator/prometheus"),
        new Endpoint("GET /actuator/circuitbreakers", "GET", f -> "/actuator/circuitbreakers"),
        new Endpoint("GET /actuator/info", "GET", f -> "/actuator/info"),
        new Endpoint("GET /actuator/jolokia/version", "GET", f -> "/actuator/jolokia/version"),
        new Endpoint("POST /actuator/jolokia (exec)", "POST", f -> "/actuator/jolokia", "application/json",
            f -> "{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\",\"operation\":\"gc\"}"),
        new Endpoint("GET /admin", "GET", f -> "/admin"));
  }

  private static String code(Reply reply) {
    if (reply.body() == null) {
      return null;
    }
    return reply.body().has("code") ? reply.body().get("code").asText() : reply.body().at("/issue/0/details/coding/0/code").asText(null);
  }

  @Test
  void everyFacilityMayActForItselfAndIsRefusedForAnotherOnEveryEndpoint() throws IOException {
    List<Endpoint> endpoints = facilityEndpoints();
    for (int i = 0; i < FACILITIES.size(); i++) {
      String facility = FACILITIES.get(i);
      String other = FACILITIES.get((i + 1) % FACILITIES.size());
      for (Endpoint endpoint : endpoints) {
        Reply own = sendTls(clientOf(facility), request(endpoint, facility, clientOf(facility)));
        assertThat(own.status()).as("%s by %s for itself: %s", endpoint.name(), facility, own.text()).isNotIn(401, 403).isLessThan(500);

        Reply foreign = sendTls(clientOf(other), request(endpoint, facility, clientOf(other)));
        assertThat(foreign.status()).as("%s by %s for %s: %s", endpoint.name(), other, facility, foreign.text()).isEqualTo(403);
        assertThat(code(foreign)).as(endpoint.name()).isEqualTo("GW-FACILITY-FORBIDDEN");
      }
    }
  }

  @Test
  void adminEndpointsRefuseEveryFacilityAndAcceptTheAdmin() throws IOException {
    for (Endpoint endpoint : adminEndpoints()) {
      for (String facility : FACILITIES) {
        Reply reply = sendTls(clientOf(facility), request(endpoint, facility, clientOf(facility)));
        assertThat(reply.status()).as("%s by %s", endpoint.name(), facility).isEqualTo(403);
        assertThat(code(reply)).isEqualTo("GW-ADMIN-ONLY");
      }
      Reply byAdmin = sendTls(admin(), request(endpoint, "70001", admin()));
      assertThat(byAdmin.status()).as("%s by the admin: %s", endpoint.name(), byAdmin.text()).isNotIn(401, 403).isLessThan(500);
    }
    assertThat(getAsAdmin("/api/v1/admin/audit/verify").body().get("valid").asBoolean()).isTrue();
  }

  @Test
  void facilityEndpointsRefuseTheAdminExceptReadingSubmissions() throws IOException {
    for (Endpoint endpoint : facilityEndpoints()) {
      Reply reply = sendTls(admin(), request(endpoint, "70001", admin()));
      if (endpoint.name().startsWith("GET /api/v1/submissions")) {
        assertThat(reply.status()).as(endpoint.name()).isNotIn(401, 403);
      } else {
        assertThat(reply.status()).as(endpoint.name()).isEqualTo(403);
        assertThat(code(reply)).as(endpoint.name()).isEqualTo("GW-FACILITY-ONLY");
      }
    }
  }

  @Test
  void withoutACertificateTheHttpsPortRefusesEveryEndpointAndThePlainPortAsksForIdentity() {
    HttpClient anonymous = tlsClient(null);
    List<Endpoint> all = new ArrayList<>(adminEndpoints());
    all.addAll(facilityEndpoints());
    Caller plain = new Caller("anonymous", HTTP, false, null);
    for (Endpoint endpoint : all) {
      assertThatThrownBy(() -> sendTls(anonymous, request(endpoint, "70001", anonymous))).as(endpoint.name()).isInstanceOf(IOException.class);
      Reply reply = send(plain, request(endpoint, "70001", endpoint.path().apply("70001"), plain, null));
      if (endpoint.name().equals("GET /admin")) {
        assertThat(reply.status()).as("the admin page sends a browser to its sign-in (default run)").isEqualTo(302);
        assertThat(reply.header("Location")).endsWith("/admin/login");
        continue;
      }
      assertThat(reply.status()).as("plain %s", endpoint.name()).isEqualTo(401);
      assertThat(code(reply)).isEqualTo("GW-AUTH-MISSING");
    }
  }

  /** Spellings of {@code rawPath} that some layer of the stack could take for the same resource. */
  static List<String[]> variants(String rawPath) {
    int q = rawPath.indexOf('?');
    String path = q < 0 ? rawPath : rawPath.substring(0, q);
    String query = q < 0 ? "" : rawPath.substring(q);
    List<String> segments = List.of(path.substring(1).split("/"));
    String first = segments.get(0);
    String rest = segments.size() > 1 ? "/" + String.join("/", segments.subList(1, segments.size())) : "";
    String last = segments.get(segments.size() - 1);
    String beforeLast = path.substring(0, path.length() - last.length());
    List<String[]> variants = new ArrayList<>(List.of(
        new String[] {"percent-encoded letter, first segment", "/" + encodeFirstLetter(first) + rest + query},
        new String[] {"percent-encoded letter, last segment", beforeLast + encodeFirstLetter(last) + query},
        new String[] {"';' parameter", "/" + first + ";x=1" + rest + query},
        new String[] {"';' parameter at the end", path + ";jsessionid=1" + query},
        new String[] {"dot segment", "/" + first + "/." + rest + query},
        new String[] {"dot-dot segment", "/" + first + "/x/.." + rest + query},
        new String[] {"encoded dot-dot segment", "/" + first + "/x/%2e%2e" + rest + query},
        new String[] {"dot-dot from a public path", "/actuator/health/.." + path + query},
        new String[] {"double slash", "/" + first + "/" + rest + query},
        new String[] {"leading double slash", "/" + path + query},
        new String[] {"trailing slash", path + "/" + query},
        new String[] {"upper case", "/" + first.toUpperCase(java.util.Locale.ROOT) + rest + query},
        new String[] {"encoded backslash", "/" + first + "%5C" + rest.replaceFirst("^/", "") + query}));
    if (!rest.isEmpty()) {
      variants.add(new String[] {"encoded slash", "/" + first + "%2F" + rest.substring(1) + query});
      variants.add(new String[] {"encoded slash, lower case", "/" + first + "%2f" + rest.substring(1) + query});
    }
    return variants;
  }

  private static String encodeFirstLetter(String segment) {
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (Character.isLetter(c) && c < 128) {
        return segment.substring(0, i) + String.format("%%%02X", (int) c) + segment.substring(i + 1);
      }
    }
    return segment;
  }

  private Reply send(Caller caller, HttpRequest request) {
    try {
      return sendTls(caller.client(), request);
    } catch (IOException e) {
      throw new IllegalStateException(caller.name() + " " + request.uri(), e);
    }
  }

  @Test
  void everyPathVariantIsRefusedOrAnswersLikeTheCanonicalPathAndIsAuditedForEveryKindOfCaller() {
    String own = "70001";
    String other = "70002";
    List<Caller> callers = List.of(
        new Caller("anonymous", HTTP, false, null),
        new Caller("facility " + own + " by key", HTTP, false, "dev-" + own),
        new Caller("facility " + other + " by key", HTTP, false, "dev-" + other),
        new Caller("admin by key", HTTP, false, "dev-admin"),
        new Caller("facility " + own + " by certificate", clientOf(own), true, null),
        new Caller("facility " + other + " by certificate", clientOf(other), true, null),
        new Caller("admin by certificate", admin(), true, null));
    List<Endpoint> endpoints = new ArrayList<>(facilityEndpoints());
    endpoints.addAll(adminEndpoints());
    String run = UUID.randomUUID().toString().substring(0, 8);
    Set<String> sent = new HashSet<>();
    int requests = 0;
    List<String> wrong = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      String canonicalPath = endpoint.path().apply(own);
      for (Caller caller : callers) {
        Reply canonical = send(caller, request(endpoint, own, canonicalPath, caller, null));
        for (String[] variant : variants(canonicalPath)) {
          String correlationId = "mx-" + run + "-" + requests++;
          Reply reply = send(caller, request(endpoint, own, variant[1], caller, correlationId));
          sent.add(correlationId);
          boolean refused = reply.status() >= 400 && reply.status() < 500 && code(reply) != null && code(reply).startsWith("GW-");
          boolean same = reply.status() == canonical.status() && Objects.equals(code(reply), code(canonical));
          if (!refused && !same) {
            wrong.add(String.format("%s as %s, %s %s: %d %s (canonical: %d %s)", endpoint.name(), caller.name(), variant[0], variant[1], reply.status(),
                code(reply), canonical.status(), code(canonical)));
          }
        }
      }
    }
    assertThat(wrong).as("variants that were neither refused nor answered like the canonical path").isEmpty();
    List<String> audited = jdbc.queryForList("select correlation_id from audit_log where correlation_id like ?", String.class, "mx-" + run + "-%");
    assertThat(new HashSet<>(audited)).as("every variant request has its audit entry").isEqualTo(sent);
    assertThat(audited).as("exactly one each").hasSize(sent.size());
    assertThat(requests).as("requests sent").isGreaterThan(1_500);
  }
}
