package vn.healthgate.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.healthgate.gateway.GatewayApplication;
import vn.healthgate.simulator.PortalSimulator;
import vn.healthgate.simulator.data.Facilities;

/**
 * Eligibility throughput and latency through the gateway against calling the simulator directly
 * with the same load (same citizens, same officers, a cached token), in one JVM and one run.
 * Not a test: {@code mvn -B -pl gateway -am -Pbench -DskipTests verify}; writes
 * {@code gateway/target/benchmarks/eligibility.md}.
 */
public final class EligibilityBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 8));
  private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.measureSeconds", 15));
  private static final int[] CLIENTS = Arrays.stream(System.getProperty("bench.clients", "1,16,64").split(",")).mapToInt(Integer::parseInt).toArray();

  private EligibilityBenchmark() {}

  /** {@code errors} names what came back instead of a {@code 200} with portal code 000, e.g. {@code 429: 101}. */
  record Result(String target, int clients, long requests, long errors, String errorKinds, double perSecond, double p50, double p99) {}

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext app = new SpringApplicationBuilder(GatewayApplication.class)
        // command-line arguments, not default properties (application.yml would win over those); extra ones from args, e.g. --camel.main.jmx-enabled=false
        .run(java.util.stream.Stream.concat(java.util.stream.Stream.of("--server.port=0", "--gateway.simulator.port=0", "--gateway.tls.port=0", "--gateway.data-dir=./target/bench-data", "--logging.level.root=WARN", "--logging.level.vn.healthgate=WARN",
            // the gateway's own cost, not the per-facility limit (1,000 checks/s), which one facility's 16+ clients now reach
            "--resilience4j.ratelimiter.configs.facility.limit-for-period=1000000"), java.util.Arrays.stream(args)).toArray(String[]::new));
    try {
      int gatewayPort = ((WebServerApplicationContext) app).getWebServer().getPort();
      PortalSimulator simulator = app.getBean(PortalSimulator.class);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      List<JsonNode> citizens = citizens(http, simulator);
      Map<String, JsonNode> tokens = tokens(http, simulator, citizens);

      IntFunction<HttpRequest> viaGateway = i -> gatewayRequest(gatewayPort, citizens.get(i % citizens.size()));
      IntFunction<HttpRequest> direct = i -> directRequest(simulator, tokens, citizens.get(i % citizens.size()));

      List<Result> results = new ArrayList<>();
      for (int clients : CLIENTS) {
        run(http, "direct", clients, direct, WARM_UP);
        results.add(run(http, "direct", clients, direct, MEASURE));
        run(http, "gateway", clients, viaGateway, WARM_UP);
        results.add(run(http, "gateway", clients, viaGateway, MEASURE));
      }
      // the same checks of one facility over the plain port (API key) and over HTTPS (client certificate)
      List<JsonNode> ofOne = citizens.stream().filter(c -> c.get("facilityCode").asText().equals(TLS_FACILITY)).toList();
      HttpClient tls = tlsClient(Path.of("target", "bench-data", "pki"));
      int tlsPort = app.getBean(vn.healthgate.gateway.web.TlsListener.class).localPort();
      IntFunction<HttpRequest> plainOne = i -> gatewayRequest(gatewayPort, ofOne.get(i % ofOne.size()));
      IntFunction<HttpRequest> tlsOne = i -> withUri(gatewayRequest(gatewayPort, ofOne.get(i % ofOne.size())), "https://127.0.0.1:" + tlsPort);
      List<Result> transport = new ArrayList<>();
      for (int clients : Boolean.parseBoolean(System.getProperty("bench.transport", "true")) ? CLIENTS : new int[0]) {
        run(http, "http + API key", clients, plainOne, WARM_UP);
        transport.add(run(http, "http + API key", clients, plainOne, MEASURE));
        run(tls, "https + client certificate", clients, tlsOne, WARM_UP);
        transport.add(run(tls, "https + client certificate", clients, tlsOne, MEASURE));
      }
      String report = report(results) + "\n### One facility (" + TLS_FACILITY + ", " + ofOne.size() + " citizens): plain port vs HTTPS with client certificate\n\n"
          + report(transport).replace("gateway / direct throughput", "https / http throughput");
      System.out.println(report);
      Path out = Path.of("target", "benchmarks", "eligibility.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
    } finally {
      app.close();
    }
  }

  private static Result run(HttpClient http, String target, int clients, IntFunction<HttpRequest> requests, Duration duration) throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    AtomicLong sequence = new AtomicLong();
    Map<String, LongAdder> errors = new ConcurrentSkipListMap<>();
    List<long[]> perThread = new ArrayList<>();
    int[] counts = new int[clients];
    CountDownLatch done = new CountDownLatch(clients);
    for (int t = 0; t < clients; t++) {
      long[] latencies = new long[2_000_000 / clients + 1000];
      perThread.add(latencies);
      int index = t;
      Thread thread = new Thread(() -> {
        try {
          int n = 0;
          while (System.nanoTime() < end && n < latencies.length) {
            HttpRequest request = requests.apply((int) sequence.getAndIncrement());
            long start = System.nanoTime();
            try {
              HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
              if (response.statusCode() != 200) {
                errors.computeIfAbsent(Integer.toString(response.statusCode()), k -> new LongAdder()).increment();
              } else if (!response.body().contains("\"000\"")) {
                errors.computeIfAbsent("200 without 000", k -> new LongAdder()).increment();
              }
            } catch (Exception e) {
              errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
            }
            latencies[n++] = System.nanoTime() - start;
          }
          counts[index] = n;
        } finally {
          done.countDown();
        }
      });
      thread.start();
    }
    done.await();
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int offset = 0;
    for (int t = 0; t < clients; t++) {
      System.arraycopy(perThread.get(t), 0, all, offset, counts[t]);
      offset += counts[t];
    }
    Arrays.sort(all);
    double p50 = total == 0 ? 0 : all[(int) (total * 0.50)] / 1e6;
    double p99 = total == 0 ? 0 : all[Math.min(total - 1, (int) (total * 0.99))] / 1e6;
    long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
    String kinds = errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().sum()).collect(Collectors.joining(", "));
    return new Result(target, clients, total, errorCount, kinds, total / (double) duration.toSeconds(), p50, p99);
  }

  private static String report(List<Result> results) {
    StringBuilder out = new StringBuilder();
    out.append("| clients | target | requests | errors | req/s | p50 ms | p99 ms |\n|---|---|---|---|---|---|---|\n");
    for (Result r : results) {
      String errors = r.errors() == 0 ? "0" : r.errors() + " (" + r.errorKinds() + ")";
      out.append(String.format("| %d | %s | %d | %s | %.0f | %.2f | %.2f |%n", r.clients(), r.target(), r.requests(), errors, r.perSecond(), r.p50(), r.p99()));
    }
    out.append("\n| clients | gateway / direct throughput | added p50 ms | added p99 ms |\n|---|---|---|---|\n");
    for (int i = 0; i + 1 < results.size(); i += 2) {
      Result direct = results.get(i);
      Result gateway = results.get(i + 1);
      out.append(String.format("| %d | %.2f | %.2f | %.2f |%n", direct.clients(), gateway.perSecond() / direct.perSecond(),
          gateway.p50() - direct.p50(), gateway.p99() - direct.p99()));
    }
    return out.toString();
  }

  private static List<JsonNode> citizens(HttpClient http, PortalSimulator simulator) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/sim/citizens?expectedCode=000&limit=600")).build(),
        HttpResponse.BodyHandlers.ofString());
    List<JsonNode> citizens = new ArrayList<>();
    JSON.readTree(response.body()).forEach(c -> {
      if (c.get("lookupBy").asText().equals("CCCD")) {
        citizens.add(c);
      }
    });
    return citizens;
  }

  private static Map<String, JsonNode> tokens(HttpClient http, PortalSimulator simulator, List<JsonNode> citizens) throws Exception {
    Map<String, JsonNode> tokens = new LinkedHashMap<>();
    for (JsonNode c : citizens) {
      String facility = c.get("facilityCode").asText();
      if (!tokens.containsKey(facility)) {
        String form = "username=" + facility + "_BV&password=" + vn.healthgate.routes.portal.PasswordHash.md5UpperHex(Facilities.devBvPassword(facility));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/api/token/take"))
            .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
            HttpResponse.BodyHandlers.ofString());
        tokens.put(facility, JSON.readTree(response.body()).get("APIKey"));
      }
    }
    return tokens;
  }

  private static HttpRequest gatewayRequest(int port, JsonNode c) {
    String body = "{\"facilityCode\":\"" + c.get("facilityCode").asText() + "\",\"cccd\":\"" + c.get("cccd").asText()
        + "\",\"fullName\":\"" + c.get("fullName").asText() + "\",\"birthDate\":\"" + c.get("birthDate").asText()
        + "\",\"officer\":{\"fullName\":\"" + c.at("/officer/fullName").asText() + "\",\"cccd\":\"" + c.at("/officer/cccd").asText() + "\"}}";
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/eligibility-checks"))
        .header("Content-Type", "application/json").header("X-Api-Key", "dev-" + c.get("facilityCode").asText())
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
  }

  private static final String TLS_FACILITY = "70001";

  /** The development client certificate of {@link #TLS_FACILITY} and the development root, as the default run wrote them. */
  private static HttpClient tlsClient(Path pki) throws Exception {
    char[] password = "development-only-password".toCharArray();
    java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(pki.resolve("tls").resolve(TLS_FACILITY + "-tls.p12"))) {
      keys.load(in, password);
    }
    javax.net.ssl.KeyManagerFactory keyManagers = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, password);
    java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("root", vn.healthgate.certs.ca.Pem.readCertificate(pki.resolve("ca").resolve("root.pem")));
    javax.net.ssl.TrustManagerFactory trustManagers = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context).build();
  }

  private static HttpRequest withUri(HttpRequest request, String base) {
    return HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("X-Api-Key"))
        .uri(URI.create(base + request.uri().getPath())).build();
  }

  private static HttpRequest directRequest(PortalSimulator simulator, Map<String, JsonNode> tokens, JsonNode c) {
    String facility = c.get("facilityCode").asText();
    JsonNode token = tokens.get(facility);
    String birth = c.get("birthDate").asText();
    String portalBirth = birth.length() == 4 ? birth : LocalDate.parse(birth).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    String query = "?token=" + URLEncoder.encode(token.get("access_token").asText(), StandardCharsets.UTF_8)
        + "&id_token=" + token.get("id_token").asText() + "&username=" + facility + "_BV&password="
        + vn.healthgate.routes.portal.PasswordHash.md5UpperHex(Facilities.devBvPassword(facility));
    String body = "{\"maThe\":\"" + c.get("cccd").asText() + "\",\"hoTen\":\"" + c.get("fullName").asText() + "\",\"ngaySinh\":\"" + portalBirth
        + "\",\"hoTenCb\":\"" + c.at("/officer/fullName").asText() + "\",\"cccdCb\":\"" + c.at("/officer/cccd").asText() + "\"}";
    return HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/api/egw/KQNhanLichSuKCB2024" + query))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
  }
}
