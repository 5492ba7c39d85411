package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import vn.healthgate.certs.ca.IssuedCredential;
import vn.healthgate.certs.ca.KeyStores;
import vn.healthgate.gateway.pki.FacilityKeyStores;

/**
 * Through the whole gateway: facility 70100's key store (put in place before start, as an admin would) holds an Ed25519
 * key, which the XML signer cannot use. Its documents are accepted (the key store loads), every signing attempt fails,
 * and each document ends DEAD_LETTER with the reason after the whole attempt budget, never reaching the portal.
 */
@TestPropertySource(properties = {
    "gateway.data-dir=" + SigningFailureIT.DATA_DIR,
    "gateway.outbox.max-attempts=" + SigningFailureIT.BUDGET})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SigningFailureIT extends GatewayIT {
  static final String DATA_DIR = "./target/test-data-signing-failure";
  static final int BUDGET = 3;
  private static final String FACILITY = "70100";

  static {
    Path dataDir = Path.of(DATA_DIR);
    deleteRecursively(dataDir);
    KeyStores.save(FacilityKeyStores.keyStore(dataDir.resolve("pki"), FACILITY), ed25519Credential(), "development-only-password".toCharArray());
  }

  /** An Ed25519 key with its self-signed certificate, as {@code keytool -genkeypair -keyalg Ed25519} makes one. */
  private static IssuedCredential ed25519Credential() {
    try {
      KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      X500Name name = new X500Name("CN=Cơ sở KCB " + FACILITY + ", UID=CSKCB:" + FACILITY);
      Instant now = Instant.now();
      var holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(3600)),
          Date.from(now.plus(Duration.ofDays(365))), name, keys.getPublic()).build(new JcaContentSignerBuilder("Ed25519").build(keys.getPrivate()));
      return new IssuedCredential(keys.getPrivate(), new JcaX509CertificateConverter().getCertificate(holder), List.of());
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode submission(String id) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/submissions/" + id))
        .header("X-Api-Key", "dev-" + FACILITY).GET().build();
    return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  @Test
  void aDocumentWhoseFacilityKeyCannotSignEndsDeadLetterWithTheReasonAfterTheWholeBudget() throws Exception {
    Reply certificate = post("/api/v1/driver-health-certificates", "application/json",
        JSON.writeValueAsString(DocumentSamples.certificate(FACILITY, 501)), "dev-" + FACILITY);
    Reply checkIn = post("/api/v1/check-ins", "application/json", JSON.writeValueAsString(DocumentSamples.checkIn(FACILITY, "UNSIGNABLE-1")),
        "dev-" + FACILITY);
    assertThat(certificate.status()).as(certificate.text()).isEqualTo(202);
    assertThat(checkIn.status()).as(checkIn.text()).isEqualTo(202);

    for (String id : List.of(certificate.body().get("id").asText(), checkIn.body().get("id").asText())) {
      await().atMost(Duration.ofSeconds(30)).until(() -> submission(id).get("status").asText().equals("DEAD_LETTER"));
      JsonNode dead = submission(id);
      assertThat(dead.get("attempts").asInt()).isEqualTo(BUDGET);
      assertThat(dead.get("lastError").asText()).isEqualTo("signing failed: IllegalStateException: cannot sign the document (caused by InvalidKeyException)");
      assertThat(dead.get("lastError").asText()).doesNotContain("VÕ HỮU BÌNH").doesNotContain("070089868934");
      assertThat(getAsAdmin("/api/v1/admin/dead-letters?facilityCode=" + FACILITY).text()).contains(id);
    }
    assertThat(sim("GET", "/sim/received?kind=certificate", null).text()).doesNotContain("00501/GKSKLX");
    assertThat(sim("GET", "/sim/received?kind=check-in", null).text()).doesNotContain("UNSIGNABLE-1");
  }
}
