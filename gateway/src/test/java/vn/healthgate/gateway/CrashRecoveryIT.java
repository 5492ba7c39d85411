package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.healthgate.gateway.pki.FacilityKeyStores;
import vn.healthgate.gateway.pki.FacilitySigningKeys;
import vn.healthgate.simulator.PortalSimulator;
import vn.healthgate.simulator.SimulatorSettings;

/**
 * The real gateway jar as a separate process: 2,000 documents accepted with 202, the process killed
 * with SIGKILL while it delivers, started again on the same data folder. Every 202 must end
 * ACCEPTED, and the portal must hold each document once. Writes {@code target/reliability/crash.md}.
 */
class CrashRecoveryIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
  private static final List<String> FACILITIES = List.of("70001", "70002", "70003", "70011", "70100");
  private static final String PKI_PASSWORD = "crash-test-password";
  private static final int PER_KIND = 1000;

  @TempDir Path data;
  private PortalSimulator simulator;
  private Process gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.destroyForcibly();
    }
    if (simulator != null) {
      simulator.close();
    }
  }

  @Test
  void sigkillDuringDeliveryLosesAndDuplicatesNothing() throws Exception {
    simulator = PortalSimulator.start(SimulatorSettings.defaults().withPort(0));
    FacilitySigningKeys keys = FacilityKeyStores.load(data.resolve("pki"), PKI_PASSWORD.toCharArray(), true, FACILITIES, Clock.systemUTC());
    var ca = FacilityKeyStores.developmentCa(data.resolve("pki"), PKI_PASSWORD.toCharArray(), Clock.systemUTC()).orElseThrow();
    simulator.state().certificates().trust(ca.rootCertificate(), ca.issuingCertificate(), ca.crl());
    keys.all().forEach((code, credential) -> simulator.state().certificates().register(code, credential.certificate()));
    simulator.state().faults().add("certificate", vn.healthgate.simulator.Faults.Kind.LATENCY, 40, null, null);
    simulator.state().faults().add("check-in", vn.healthgate.simulator.Faults.Kind.LATENCY, 40, null, null);
    int port = freePort();

    gateway = start(port, "first");
    List<String> accepted = submitAll(port);
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> acceptedAtPortal() >= 200);
    long deliveredBeforeKill = acceptedAtPortal();
    gateway.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    Instant killedAt = Instant.now();

    gateway = start(port, "second");
    await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1)).until(() -> acceptedAtPortal() >= 2L * PER_KIND);
    Duration recovery = Duration.between(killedAt, Instant.now());

    Map<String, String> statuses = statuses(port);
    long lost = accepted.stream().filter(id -> !"ACCEPTED".equals(statuses.get(id))).count();
    List<JsonNode> received = new ArrayList<>();
    received.addAll(simulator.state().received().list("certificate").stream().map(m -> (JsonNode) JSON.valueToTree(m)).toList());
    received.addAll(simulator.state().received().list("check-in").stream().map(m -> (JsonNode) JSON.valueToTree(m)).toList());
    long duplicated = received.stream().filter(n -> n.get("accepted").asInt() > 1).count();
    long resent = received.stream().filter(n -> n.get("arrivals").asInt() > 1).count();
    String report = String.format("| documents answered 202 | delivered before SIGKILL | lost | duplicated at the portal | re-sent after restart (recognised as the same) | kill to all accepted |%n"
        + "|---|---|---|---|---|---|%n| %d | %d | %d | %d | %d | %d s |%n", accepted.size(), deliveredBeforeKill, lost, duplicated, resent, recovery.toSeconds());
    Path out = Path.of("target", "reliability", "crash.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report);

    assertThat(accepted).hasSize(2 * PER_KIND);
    assertThat(deliveredBeforeKill).isLessThan(2L * PER_KIND);
    assertThat(lost).isZero();
    assertThat(duplicated).isZero();
    assertThat(received).hasSize(2 * PER_KIND);
  }

  private long acceptedAtPortal() {
    return simulator.state().received().list("certificate").stream().filter(m -> ((Integer) m.get("accepted")) > 0).count()
        + simulator.state().received().list("check-in").stream().filter(m -> ((Integer) m.get("accepted")) > 0).count();
  }

  private Process start(int port, String name) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path jar = Path.of("target", "gateway.jar");
    assertThat(jar).as("the gateway jar (mvn package builds it before the integration tests)").exists();
    Process process = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(),
        "--server.port=" + port,
        // the HTTPS port is not used here; a free one, so a gateway running beside the test does not collide
        "--gateway.tls.port=0",
        "--gateway.data-dir=" + data.toAbsolutePath(),
        "--gateway.simulator.enabled=false",
        "--gateway.portal.base-url=" + simulator.baseUrl(),
        "--gateway.pki.password=" + PKI_PASSWORD,
        "--gateway.outbox.poll-interval=100ms",
        "--gateway.outbox.initial-retry-delay=200ms",
        "--gateway.outbox.max-retry-delay=2s",
        "--logging.level.root=WARN")
        .redirectErrorStream(true)
        .redirectOutput(Path.of("target", "crash-test-gateway-" + name + ".log").toFile())
        .start();
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
        HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    return process;
  }

  private static List<String> submitAll(int port) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<String>> ids = new ArrayList<>();
    for (int i = 0; i < PER_KIND; i++) {
      String facility = FACILITIES.get(i % FACILITIES.size());
      int n = i;
      ids.add(pool.submit(() -> submit(port, "/api/v1/driver-health-certificates", DocumentSamples.certificate(facility, n + 1), facility)));
      ids.add(pool.submit(() -> submit(port, "/api/v1/check-ins", DocumentSamples.checkIn(facility, "CRASH-" + facility + "-" + n), facility)));
    }
    List<String> accepted = new ArrayList<>();
    for (Future<String> id : ids) {
      accepted.add(id.get());
    }
    pool.shutdown();
    return accepted;
  }

  private static String submit(int port, String path, Map<String, Object> body, String facility) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json").header("X-Api-Key", "dev-" + facility)
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return JSON.readTree(response.body()).get("id").asText();
  }

  private static Map<String, String> statuses(int port) throws Exception {
    Map<String, String> statuses = new ConcurrentHashMap<>();
    Set<String> seen = new HashSet<>();
    for (int page = 0; ; page++) {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/submissions?size=500&page=" + page))
          .header("X-Api-Key", "dev-admin").build(), HttpResponse.BodyHandlers.ofString());
      JsonNode items = JSON.readTree(response.body()).get("items");
      if (items == null || items.isEmpty()) {
        return statuses;
      }
      items.forEach(item -> {
        seen.add(item.get("id").asText());
        statuses.put(item.get("id").asText(), item.get("status").asText());
      });
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
