package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import vn.healthgate.certs.testing.TestCertificates;
import vn.healthgate.certs.testing.TestCertificates.Purpose;

/**
 * Who may call what, over the HTTPS port with client certificates: every endpoint, every sample
 * facility. A facility may act for itself and is refused (403) for another; admin endpoints refuse
 * facility identities; facility endpoints refuse the admin (reading submissions aside); without a
 * certificate the handshake itself refuses.
 */
class AuthorisationMatrixIT extends GatewayIT {
  private static final List<String> FACILITIES = List.of("70001", "70002", "70003", "70011", "70100");
  private static final TestCertificates PKI = TestCertificates.get();

  /** A request that names facility {@code f}. */
  private record Endpoint(String name, Function<String, HttpRequest> request) {}

  private final Map<String, HttpClient> clients = new HashMap<>();
  private final Map<String, Map<String, String>> documents = new HashMap<>();

  private HttpClient clientOf(String facility) {
    return clients.computeIfAbsent(facility, f -> tlsClient(PKI.clientTls(f)));
  }

  private HttpClient admin() {
    return clients.computeIfAbsent("admin", a -> tlsClient(PKI.credential(Purpose.ADMIN_CLIENT_TLS)));
  }

  private HttpRequest json(String method, String path, String contentType, String body) {
    return HttpRequest.newBuilder(tlsUri(path)).header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
  }

  private HttpRequest tlsGet(String path) {
    return HttpRequest.newBuilder(tlsUri(path)).GET().build();
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

  /** A check-in and a certificate of facility {@code f}, submitted by f itself over TLS. */
  private Map<String, String> documentsOf(String f) {
    return documents.computeIfAbsent(f, code -> {
      try {
        Map<String, String> ids = new HashMap<>();
        ids.put("check-in", sendTls(clientOf(code), json("POST", "/api/v1/check-ins", "application/json",
            write(DocumentSamples.checkIn(code, code + "-MATRIX-" + serial())))).body().get("id").asText());
        int number = Integer.parseInt(serial());
        Reply certificate = sendTls(clientOf(code), json("POST", "/api/v1/driver-health-certificates", "application/json",
            write(DocumentSamples.certificate(code, number))));
        ids.put("certificate", certificate.body().get("id").asText());
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
        new Endpoint("POST /api/v1/eligibility-checks", f -> {
          Map<String, Object> body = requestFor(citizen);
          body.put("facilityCode", f);
          return json("POST", "/api/v1/eligibility-checks", "application/json", write(body));
        }),
        new Endpoint("POST /fhir/CoverageEligibilityRequest/$submit", f -> json("POST", "/fhir/CoverageEligibilityRequest/$submit", "application/fhir+json",
            FhirTestSupport.eligibilityRequest(citizen).replace("\"value\":\"" + citizen.get("facilityCode").asText() + "\"", "\"value\":\"" + f + "\""))),
        new Endpoint("POST /api/v1/check-ins", f -> json("POST", "/api/v1/check-ins", "application/json",
            write(DocumentSamples.checkIn(f, f + "-M-" + serial())))),
        new Endpoint("POST /api/v1/driver-health-certificates", f -> json("POST", "/api/v1/driver-health-certificates", "application/json",
            write(DocumentSamples.certificate(f, Integer.parseInt(serial()))))),
        new Endpoint("PUT /api/v1/driver-health-certificates/{id}", f -> json("PUT", "/api/v1/driver-health-certificates/" + documentsOf(f).get("certificate"),
            "application/json", write(DocumentSamples.certificate(f, Integer.parseInt(documentsOf(f).get("certificate-number")))))),
        new Endpoint("GET /api/v1/submissions/{id}", f -> tlsGet("/api/v1/submissions/" + documentsOf(f).get("check-in"))),
        new Endpoint("GET /api/v1/submissions/{id}/signed-document", f -> tlsGet("/api/v1/submissions/" + documentsOf(f).get("check-in") + "/signed-document")),
        new Endpoint("GET /api/v1/submissions?facilityCode=", f -> tlsGet("/api/v1/submissions?facilityCode=" + f)),
        new Endpoint("POST /fhir/Encounter", f -> json("POST", "/fhir/Encounter", "application/fhir+json",
            FhirTestSupport.FHIR.newJsonParser().encodeResourceToString(FhirDocumentsIT.encounter(f + "-F-" + serial())).replace("70001", f))),
        new Endpoint("POST /fhir/Bundle", f -> json("POST", "/fhir/Bundle", "application/fhir+json",
            FhirTestSupport.FHIR.newJsonParser().encodeResourceToString(
                FhirDocumentsIT.certificateBundle(serial() + "/GKSKLX/70001/" + (java.time.LocalDate.now().getYear() % 100), Bundle.BundleType.DOCUMENT)).replace("70001", f))));
  }

  private List<HttpRequest> adminRequests() {
    String id = documentsOf("70001").get("check-in");
    return List.of(
        tlsGet("/api/v1/admin/audit/verify"),
        tlsGet("/api/v1/admin/dead-letters"),
        json("POST", "/api/v1/admin/dead-letters/" + id + "/replay", "application/json", ""),
        json("POST", "/api/v1/admin/dead-letters/replay", "application/json", "{\"dryRun\":true}"),
        tlsGet("/actuator/prometheus"),
        tlsGet("/actuator/circuitbreakers"),
        tlsGet("/actuator/info"),
        tlsGet("/admin"));
  }

  private static String code(Reply reply) {
    if (reply.body() == null) {
      return null;
    }
    return reply.body().has("code") ? reply.body().get("code").asText() : reply.body().at("/issue/0/details/coding/0/code").asText();
  }

  @Test
  void everyFacilityMayActForItselfAndIsRefusedForAnotherOnEveryEndpoint() throws IOException {
    List<Endpoint> endpoints = facilityEndpoints();
    for (int i = 0; i < FACILITIES.size(); i++) {
      String facility = FACILITIES.get(i);
      String other = FACILITIES.get((i + 1) % FACILITIES.size());
      for (Endpoint endpoint : endpoints) {
        Reply own = sendTls(clientOf(facility), endpoint.request().apply(facility));
        assertThat(own.status()).as("%s by %s for itself: %s", endpoint.name(), facility, own.text()).isNotIn(401, 403).isLessThan(500);

        Reply foreign = sendTls(clientOf(other), endpoint.request().apply(facility));
        assertThat(foreign.status()).as("%s by %s for %s: %s", endpoint.name(), other, facility, foreign.text()).isEqualTo(403);
        assertThat(code(foreign)).as(endpoint.name()).isEqualTo("GW-FACILITY-FORBIDDEN");
      }
    }
  }

  @Test
  void adminEndpointsRefuseEveryFacilityAndAcceptTheAdmin() throws IOException {
    for (HttpRequest request : adminRequests()) {
      for (String facility : FACILITIES) {
        Reply reply = sendTls(clientOf(facility), request);
        assertThat(reply.status()).as("%s by %s", request.uri().getPath(), facility).isEqualTo(403);
        assertThat(code(reply)).isEqualTo("GW-ADMIN-ONLY");
      }
      Reply byAdmin = sendTls(admin(), request);
      assertThat(byAdmin.status()).as("%s by the admin: %s", request.uri().getPath(), byAdmin.text()).isNotIn(401, 403).isLessThan(500);
    }
    assertThat(sendTls(admin(), tlsGet("/api/v1/admin/audit/verify")).body().get("valid").asBoolean()).isTrue();
  }

  @Test
  void facilityEndpointsRefuseTheAdminExceptReadingSubmissions() throws IOException {
    for (Endpoint endpoint : facilityEndpoints()) {
      Reply reply = sendTls(admin(), endpoint.request().apply("70001"));
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
    List<HttpRequest> all = new java.util.ArrayList<>(adminRequests());
    facilityEndpoints().forEach(e -> all.add(e.request().apply("70001")));
    for (HttpRequest request : all) {
      assertThatThrownBy(() -> sendTls(anonymous, request)).as(request.uri().getPath()).isInstanceOf(IOException.class);
      HttpRequest plain = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + request.uri().getRawPath()
              + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery())))
          .method(request.method(), request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody())).header("Content-Type", "application/json").build();
      Reply reply = sendPlain(plain);
      if (request.uri().getPath().equals("/admin")) {
        assertThat(reply.status()).as("the admin page sends a browser to its sign-in (default run)").isEqualTo(302);
        assertThat(reply.header("Location")).endsWith("/admin/login");
        continue;
      }
      assertThat(reply.status()).as("plain %s", request.uri().getPath()).isEqualTo(401);
      assertThat(code(reply)).isEqualTo("GW-AUTH-MISSING");
    }
  }

  private Reply sendPlain(HttpRequest request) {
    try {
      return sendTls(HTTP, request);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
