package vn.healthgate.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.healthgate.certs.testing.TestCertificates;
import vn.healthgate.certs.testing.TestCertificates.Purpose;
import vn.healthgate.certs.xml.SignaturePlacement;
import vn.healthgate.certs.xml.XmlSigner;

/**
 * Signatures made by {@code certs} verified by an independent implementation: xmlsec1 (libxmlsec1
 * over OpenSSL, Debian package {@code xmlsec1}, installed by {@code .ci/run}).
 */
class Xmlsec1InteropIT {
  private static final TestCertificates PKI = TestCertificates.get();

  @TempDir Path work;

  @BeforeAll
  static void xmlsec1IsInstalled() throws Exception {
    Process p = new ProcessBuilder("xmlsec1", "--version").redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as("xmlsec1 must be installed (apt-get install xmlsec1; .ci/run does it)").isTrue();
  }

  record Outcome(int exit, String output) {}

  /**
   * xmlsec1 1.2 takes CRLs only from the document's KeyInfo: the test adds the current CRL there
   * (KeyInfo is outside the signed content, so the signature is unchanged). It checks a CRL only
   * against trusted certificates, so the issuing CA is given as trusted beside the root.
   */
  private Outcome xmlsec1Verify(byte[] signed) throws Exception {
    String crl = Files.readString(PKI.crlPem()).replaceAll("-----[^-]+-----", "").replaceAll("\\s", "");
    String withCrl = new String(signed, StandardCharsets.UTF_8).replace("</ds:X509Data>", "<ds:X509CRL>" + crl + "</ds:X509CRL></ds:X509Data>");
    Path file = Files.createTempFile(work, "signed", ".xml");
    Files.writeString(file, withCrl);
    List<String> command = new ArrayList<>(List.of("xmlsec1", "--verify",
        "--trusted-pem", PKI.rootPem().toString(),
        "--trusted-pem", PKI.issuingPem().toString(),
        file.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Outcome(process.exitValue(), output);
  }

  @Test
  void xmlsec1AcceptsRsaSha256CheckInSignedInsideChukydonvi() throws Exception {
    byte[] signed = XmlSigner.sign(Samples.checkIn(), PKI.credential(Purpose.FACILITY_VALID), SignaturePlacement.insideElement("CHUKYDONVI"));

    Outcome outcome = xmlsec1Verify(signed);
    assertThat(outcome.exit()).as(outcome.output()).isZero();
    assertThat(outcome.output()).contains("OK");
  }

  @Test
  void xmlsec1AcceptsEcdsaP256CertificateSignedAsLastChild() throws Exception {
    byte[] signed = XmlSigner.sign(Samples.driverCertificate(), PKI.credential(Purpose.FACILITY_VALID_EC), SignaturePlacement.LAST_CHILD_OF_ROOT);

    Outcome outcome = xmlsec1Verify(signed);
    assertThat(outcome.exit()).as(outcome.output()).isZero();
  }

  @Test
  void xmlsec1RefusesAOneByteTamper() throws Exception {
    String signed = new String(XmlSigner.sign(Samples.checkIn(), PKI.credential(Purpose.FACILITY_VALID), SignaturePlacement.insideElement("CHUKYDONVI")), StandardCharsets.UTF_8);
    byte[] tampered = signed.replace("<STT>1<", "<STT>2<").getBytes(StandardCharsets.UTF_8);

    Outcome outcome = xmlsec1Verify(tampered);
    assertThat(outcome.exit()).as(outcome.output()).isNotZero();
    assertThat(outcome.output()).contains("SignedInfo References (ok/all): 0/1");
  }

  @ParameterizedTest(name = "xmlsec1 refuses {0}: {1}")
  @CsvSource({
      "FACILITY_EXPIRED, certificate has expired",
      "FACILITY_NOT_YET_VALID, certificate is not yet valid",
      "FACILITY_REVOKED, certificate is revoked",
      "WRONG_CA, unable to get local issuer certificate"})
  void xmlsec1RefusesBadCertificatesForTheRightReason(Purpose purpose, String reason) throws Exception {
    byte[] signed = XmlSigner.sign(Samples.checkIn(), PKI.credential(purpose), SignaturePlacement.insideElement("CHUKYDONVI"));

    Outcome outcome = xmlsec1Verify(signed);
    assertThat(outcome.exit()).as(outcome.output()).isNotZero();
    assertThat(outcome.output()).contains(reason);
  }
}
