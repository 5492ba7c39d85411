package vn.healthgate.gateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.healthgate.certs.ca.IssuedCredential;
import vn.healthgate.gateway.GatewayApplication;
import vn.healthgate.gateway.pki.FacilitySigningKeys;

/**
 * End-to-end delivery throughput (intake to ACCEPTED at the simulated portal) of driver health
 * certificates, beside raw RSA-2048 signing operations per second with the same key in the same
 * JVM, and the intake latency. Not a test:
 * {@code mvn -B -pl gateway -am -Pbench -DskipTests verify -Dbench.class=vn.healthgate.gateway.bench.DeliveryBenchmark};
 * writes {@code gateway/target/benchmarks/delivery.md}.
 */
public final class DeliveryBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DOCUMENTS = Integer.getInteger("bench.documents", 2000);
  private static final int CLIENTS = Integer.getInteger("bench.clients", 16);

  private DeliveryBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of("target", "bench-data-delivery");
    if (Files.exists(data)) {
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    ConfigurableApplicationContext app = new SpringApplicationBuilder(GatewayApplication.class)
        // command-line arguments, not default properties: application.yml would win over those
        .run("--server.port=0", "--gateway.simulator.port=0", "--gateway.tls.port=0", "--gateway.data-dir=./target/bench-data-delivery", "--gateway.outbox.poll-interval=50ms", "--logging.level.root=WARN", "--logging.level.vn.healthgate=WARN");
    try {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      IssuedCredential key = app.getBean(FacilitySigningKeys.class).credential("70001").orElseThrow();
      byte[] sample = Files.readAllBytes(Path.of("..", "certs", "src", "test", "resources", "samples", "driver-certificate.xml"));
      rawSignaturesPerSecond(key, sample, 3_000);
      double raw = rawSignaturesPerSecond(key, sample, 10_000);

      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      warmUp(http, port, jdbc);
      jdbc.update("delete from outbox");
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      long start = System.nanoTime();
      List<Future<Long>> latencies = new ArrayList<>();
      for (int i = 0; i < DOCUMENTS; i++) {
        int n = i;
        latencies.add(pool.submit(() -> submit(http, port, n + 1)));
      }
      long[] intake = new long[DOCUMENTS];
      for (int i = 0; i < DOCUMENTS; i++) {
        intake[i] = latencies.get(i).get();
      }
      double intakeSeconds = (System.nanoTime() - start) / 1e9;
      awaitAccepted(jdbc, DOCUMENTS);
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      Arrays.sort(intake);
      double e2e = DOCUMENTS / seconds;
      String report = String.format("documents: %d driver health certificates from %d concurrent clients, facility key RSA-2048%n%n"
              + "| raw RSA-2048 signatures/s | end-to-end documents/s (intake to ACCEPTED) | end-to-end / raw | intake req/s | intake p50 ms | intake p99 ms |%n"
              + "|---|---|---|---|---|---|%n| %.0f | %.0f | %.2f | %.0f | %.2f | %.2f |%n",
          DOCUMENTS, CLIENTS, raw, e2e, e2e / raw, DOCUMENTS / intakeSeconds, intake[DOCUMENTS / 2] / 1e6, intake[(int) (DOCUMENTS * 0.99)] / 1e6);
      System.out.println(report);
      Path out = Path.of("target", "benchmarks", "delivery.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
    } finally {
      app.close();
    }
  }

  private static double rawSignaturesPerSecond(IssuedCredential key, byte[] data, long millis) throws Exception {
    long end = System.nanoTime() + millis * 1_000_000;
    long count = 0;
    while (System.nanoTime() < end) {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key.privateKey());
      signature.update(data);
      signature.sign();
      count++;
    }
    return count / (millis / 1000.0);
  }

  private static void warmUp(HttpClient http, int port, JdbcTemplate jdbc) throws Exception {
    for (int i = 0; i < 200; i++) {
      submit(http, port, 90_000 + i);
    }
    awaitAccepted(jdbc, 200);
  }

  private static void awaitAccepted(JdbcTemplate jdbc, long count) {
    while (jdbc.queryForObject("select count(*) from outbox where status = 'ACCEPTED'", Long.class) < count) {
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
    }
  }

  private static long submit(HttpClient http, int port, int serial) throws Exception {
    String facility = List.of("70001", "70002", "70003", "70011", "70100").get(serial % 5);
    String body = JSON.writeValueAsString(Certificates.body(facility, serial));
    long begin = System.nanoTime();
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/driver-health-certificates"))
        .header("Content-Type", "application/json").header("X-Api-Key", "dev-" + facility)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202 && response.statusCode() != 200) {
      throw new IllegalStateException("intake answered " + response.statusCode() + ": " + response.body());
    }
    return System.nanoTime() - begin;
  }

  /** The same certificate body as the delivery tests use. */
  private static final class Certificates {
    static java.util.Map<String, Object> body(String facility, int serial) {
      return vn.healthgate.gateway.BenchmarkSamples.certificate(facility, serial);
    }
  }
}
