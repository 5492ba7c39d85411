package vn.healthgate.certs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.healthgate.certs.Samples;
import vn.healthgate.certs.ca.IssuedCredential;
import vn.healthgate.certs.testing.TestCertificates;
import vn.healthgate.certs.testing.TestCertificates.Purpose;
import vn.healthgate.certs.xml.SignaturePlacement;
import vn.healthgate.certs.xml.XmlSigner;
import vn.healthgate.certs.xml.XmlVerifier;

/**
 * XML-DSig signatures per second of a driver health certificate ({@code <root>} with its fields)
 * with RSA-2048 and ECDSA P-256, beside raw signing operations per second with the same keys, in
 * one run, one thread. Not a test: {@code mvn -B -pl certs -Pbench -DskipTests verify}; writes
 * {@code certs/target/benchmarks/signing.md}.
 */
public final class SigningBenchmark {
  private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 5));
  private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.measureSeconds", 10));

  private SigningBenchmark() {}

  private interface Operation {
    void run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    TestCertificates pki = TestCertificates.get();
    byte[] document = Samples.driverCertificate();
    List<String> rows = new ArrayList<>();
    XmlVerifier verifier = new XmlVerifier(pki.trustStore());
    for (Purpose purpose : new Purpose[] {Purpose.FACILITY_VALID, Purpose.FACILITY_VALID_EC}) {
      IssuedCredential credential = pki.credential(purpose);
      String key = credential.privateKey().getAlgorithm().equals("EC") ? "ECDSA P-256" : "RSA-2048";
      String jca = credential.privateKey().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
      byte[] signedOnce = XmlSigner.sign(document, credential, SignaturePlacement.LAST_CHILD_OF_ROOT);
      double raw = perSecond(() -> {
        Signature signature = Signature.getInstance(jca);
        signature.initSign(credential.privateKey());
        signature.update(document);
        signature.sign();
      });
      double xml = perSecond(() -> XmlSigner.sign(document, credential, SignaturePlacement.LAST_CHILD_OF_ROOT));
      double verify = perSecond(() -> verifier.verify(signedOnce, Instant.now()));
      rows.add(String.format("| %s | %.0f | %.0f | %.2f | %.0f |", key, raw, xml, xml / raw, verify));
    }
    String report = "document: driver health certificate <root>, " + document.length + " bytes; one thread\n\n"
        + "| key | raw signatures/s | XML-DSig signatures/s | XML / raw | XML-DSig verifications/s (with chain and CRL) |\n"
        + "|---|---|---|---|---|\n" + String.join("\n", rows) + "\n";
    System.out.println(report);
    Path out = Path.of("target", "benchmarks", "signing.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  private static double perSecond(Operation operation) throws Exception {
    run(operation, WARM_UP);
    return run(operation, MEASURE) / (double) MEASURE.toSeconds();
  }

  private static long run(Operation operation, Duration duration) throws Exception {
    long end = System.nanoTime() + duration.toNanos();
    long count = 0;
    while (System.nanoTime() < end) {
      operation.run();
      count++;
    }
    return count;
  }
}
