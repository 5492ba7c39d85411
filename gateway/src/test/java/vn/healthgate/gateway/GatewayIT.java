package vn.healthgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.healthgate.certs.ca.IssuedCredential;
import vn.healthgate.certs.testing.TestCertificates;
import vn.healthgate.gateway.web.TlsListener;
import vn.healthgate.simulator.PortalSimulator;

/**
 * Base of the integration tests: the whole gateway on a random port with the real simulator
 * in-process (also on a random port), real HTTP over loopback, an H2 file database. All subclasses
 * share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@ActiveProfiles("test")
@Import(GatewayIT.TestClock.class)
public abstract class GatewayIT {
  protected static final ObjectMapper JSON = new ObjectMapper();
  protected static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TestConfiguration(proxyBeanMethods = false)
  static class TestClock {
    @Bean
    @Primary
    Clock testClock() {
      return new MutableClock();
    }
  }

  @LocalServerPort protected int port;
  @Autowired protected PortalSimulator simulator;
  @Autowired protected CircuitBreakerRegistry breakers;
  @Autowired protected Clock clock;

  /** Client certificates are trusted from the purpose-named test CA ({@link TestCertificates}), not the development CA. */
  @DynamicPropertySource
  static void clientCertificateAuthority(DynamicPropertyRegistry registry) {
    TestCertificates pki = TestCertificates.get();
    registry.add("gateway.tls.client-ca-root", () -> pki.rootPem().toString());
    registry.add("gateway.tls.client-ca-issuing", () -> pki.issuingPem().toString());
    registry.add("gateway.tls.client-crl", () -> pki.crlPem().toString());
  }

  @Autowired protected TlsListener tls;

  /** A client of the HTTPS port presenting {@code credential} (null: no certificate). */
  protected HttpClient tlsClient(IssuedCredential credential) {
    return TlsClients.client(credential, Path.of("target", "test-data", "pki", "ca", "root.pem"));
  }

  protected URI tlsUri(String path) {
    return URI.create("https://127.0.0.1:" + tls.localPort() + path);
  }

  /** Sends over the HTTPS port; the reply, or the exception when the handshake refuses the client. */
  protected Reply sendTls(HttpClient client, HttpRequest request) throws IOException {
    try {
      return toReply(client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void cleanPortal() {
    simulator.state().reset();
    breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
  }

  protected record Reply(int status, Map<String, String> headers, JsonNode body, String text) {
    String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  protected Reply post(String path, String contentType, String body, String apiKey) {
    return post(path, contentType, body, apiKey, Map.of());
  }

  /** POST with extra request headers (e.g. {@code Idempotency-Key}). */
  protected Reply post(String path, String contentType, String body, String apiKey, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (apiKey != null) {
      request.header("X-Api-Key", apiKey);
    }
    headers.forEach(request::header);
    return send(request.build());
  }

  /** Any method (even one HTTP does not define, such as {@code FOO}), without a body; {@code apiKey} null sends none. */
  protected Reply request(String method, String path, String apiKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).method(method, HttpRequest.BodyPublishers.noBody());
    if (apiKey != null) {
      request.header("X-Api-Key", apiKey);
    }
    return send(request.build());
  }

  /** GET with the development admin key. */
  protected Reply getAsAdmin(String path) {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-Api-Key", "dev-admin").GET().build());
  }

  protected Reply get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : "http://127.0.0.1:" + port + url)).GET().build());
  }

  protected Reply postEligibility(Object body, String apiKey) {
    try {
      return post("/api/v1/eligibility-checks", "application/json", JSON.writeValueAsString(body), apiKey);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  protected Reply sim(String method, String path, String jsonBody) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path));
    request.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
    }
    return send(request.build());
  }

  private static Reply toReply(HttpResponse<String> response) throws IOException {
    Map<String, String> headers = new java.util.HashMap<>();
    response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
    JsonNode body = null;
    String text = response.body();
    if (text != null && !text.isBlank() && (text.startsWith("{") || text.startsWith("["))) {
      body = JSON.readTree(text);
    }
    return new Reply(response.statusCode(), headers, body, text);
  }

  private static Reply send(HttpRequest request) {
    try {
      return toReply(HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A citizen from the simulator whose lookup should answer {@code code}. */
  protected JsonNode citizen(String code) {
    return sim("GET", "/sim/citizens?expectedCode=" + code + "&limit=1", null).body().get(0);
  }

  /** The REST request a HIS would send for this simulator citizen. */
  protected static Map<String, Object> requestFor(JsonNode citizen) {
    Map<String, Object> request = new java.util.LinkedHashMap<>();
    request.put("facilityCode", citizen.get("facilityCode").asText());
    if ("CARD_NUMBER".equals(citizen.get("lookupBy").asText())) {
      request.put("cardNumber", citizen.get("cardNumber").asText());
    } else {
      request.put("cccd", citizen.get("cccd").asText());
    }
    request.put("fullName", citizen.get("fullName").asText());
    request.put("birthDate", citizen.get("birthDate").asText());
    request.put("officer", Map.of("fullName", citizen.get("officer").get("fullName").asText(), "cccd", citizen.get("officer").get("cccd").asText()));
    return request;
  }

  protected static String apiKeyFor(JsonNode citizen) {
    return "dev-" + citizen.get("facilityCode").asText();
  }

  protected long portalLookups() {
    return simulator.state().requestCount("card-lookup");
  }
}
