package vn.healthgate.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.healthgate.certs.testing.TestCertificates;
import vn.healthgate.certs.testing.TestCertificates.Purpose;
import vn.healthgate.certs.xml.SignaturePlacement;
import vn.healthgate.certs.xml.VerificationResult;
import vn.healthgate.certs.xml.VerificationResult.Failure;
import vn.healthgate.certs.xml.XmlSigner;
import vn.healthgate.certs.xml.XmlVerifier;

/** Signing and verification with certs' own verifier; each failing certificate fails with its own reason. */
class XmlSignatureTest {
  private static final TestCertificates PKI = TestCertificates.get();
  private final XmlVerifier verifier = new XmlVerifier(PKI.trustStore());

  private static byte[] signCheckIn(Purpose purpose) throws Exception {
    return XmlSigner.sign(Samples.checkIn(), PKI.credential(purpose), SignaturePlacement.insideElement("CHUKYDONVI"));
  }

  @Test
  void checkInSignedInsideChukydonviVerifies() throws Exception {
    byte[] signed = signCheckIn(Purpose.FACILITY_VALID);

    String text = new String(signed, StandardCharsets.UTF_8);
    assertThat(text).contains("<CHUKYDONVI><ds:Signature").contains("rsa-sha256").contains("<ds:X509Certificate>");
    VerificationResult result = verifier.verify(signed, Instant.now());
    assertThat(result.isValid()).as(result.detail()).isTrue();
    assertThat(result.algorithm()).isEqualTo(SignatureAlgorithm.RSA_SHA256);
  }

  @Test
  void certificateSignedWithEcdsaAsLastChildOfRootVerifies() throws Exception {
    byte[] signed = XmlSigner.sign(Samples.driverCertificate(), PKI.credential(Purpose.FACILITY_VALID_EC), SignaturePlacement.LAST_CHILD_OF_ROOT);

    assertThat(new String(signed, StandardCharsets.UTF_8)).contains("ecdsa-sha256").endsWith("</ds:Signature></root>");
    VerificationResult result = verifier.verify(signed, Instant.now());
    assertThat(result.isValid()).as(result.detail()).isTrue();
    assertThat(result.algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_SHA256);
  }

  @Test
  void rsa3072KeysSignAndVerify() throws Exception {
    var credential = PKI.authority().issue(new vn.healthgate.certs.ca.CertificateAuthority.IssueRequest(
        vn.healthgate.certs.ca.CertificateProfile.FACILITY_SIGNING, "70011", "Trung tâm Y tế Đồng Xoài", KeyType.RSA_3072, null, null));

    byte[] signed = XmlSigner.sign(Samples.driverCertificate(), credential, SignaturePlacement.LAST_CHILD_OF_ROOT);

    assertThat(((java.security.interfaces.RSAKey) credential.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
    assertThat(verifier.verify(signed, Instant.now()).isValid()).isTrue();
  }

  @Test
  void legacyRsaSha1SignatureIsAcceptedOnVerification() throws Exception {
    byte[] signed = XmlSigner.sign(Samples.driverCertificate(), PKI.credential(Purpose.FACILITY_VALID), SignaturePlacement.LAST_CHILD_OF_ROOT, SignatureAlgorithm.RSA_SHA1);

    VerificationResult result = verifier.verify(signed, Instant.now());
    assertThat(result.isValid()).as(result.detail()).isTrue();
    assertThat(result.algorithm()).isEqualTo(SignatureAlgorithm.RSA_SHA1);
  }

  @Test
  void oneByteTamperFailsAsDigestMismatch() throws Exception {
    String signed = new String(signCheckIn(Purpose.FACILITY_VALID), StandardCharsets.UTF_8);
    String tampered = signed.replace("<MA_LOAI_KCB>01<", "<MA_LOAI_KCB>03<");

    VerificationResult result = verifier.verify(tampered.getBytes(StandardCharsets.UTF_8), Instant.now());
    assertThat(result.failure()).isEqualTo(Failure.DIGEST_MISMATCH);
  }

  @Test
  void alteredSignatureValueFailsAsSignatureValue() throws Exception {
    String signed = new String(signCheckIn(Purpose.FACILITY_VALID), StandardCharsets.UTF_8);
    int at = signed.indexOf("<ds:SignatureValue>") + "<ds:SignatureValue>".length() + 10;
    char replacement = signed.charAt(at) == 'A' ? 'B' : 'A';
    String tampered = signed.substring(0, at) + replacement + signed.substring(at + 1);

    VerificationResult result = verifier.verify(tampered.getBytes(StandardCharsets.UTF_8), Instant.now());
    assertThat(result.failure()).isEqualTo(Failure.SIGNATURE_VALUE);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "FACILITY_EXPIRED, CERTIFICATE_EXPIRED",
      "FACILITY_NOT_YET_VALID, CERTIFICATE_NOT_YET_VALID",
      "FACILITY_REVOKED, CERTIFICATE_REVOKED",
      "WRONG_CA, UNTRUSTED_CHAIN",
      "NO_SIGNING_USAGE, WRONG_KEY_USAGE"})
  void eachBadCertificateFailsWithItsOwnReason(Purpose purpose, Failure expected) throws Exception {
    VerificationResult result = verifier.verify(signCheckIn(purpose), Instant.now());

    assertThat(result.failure()).as(result.detail()).isEqualTo(expected);
  }

  @Test
  void revocationNamesTheReason() throws Exception {
    assertThat(verifier.verify(signCheckIn(Purpose.FACILITY_REVOKED), Instant.now()).detail()).contains("KEY_COMPROMISE");
  }

  @Test
  void unsignedDocumentIsNotSigned() {
    assertThat(verifier.verify(Samples.checkIn(), Instant.now()).failure()).isEqualTo(Failure.NOT_SIGNED);
  }

  @Test
  void doctypeAndExternalEntitiesAreRefused() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
    VerificationResult result = verifier.verify(xxe.getBytes(StandardCharsets.UTF_8), Instant.now());
    assertThat(result.failure()).isEqualTo(Failure.MALFORMED);
    assertThat(result.detail()).doesNotContain("root:");
  }

  @Test
  void signatureOverPartOfTheDocumentIsRefused() throws Exception {
    String signed = new String(signCheckIn(Purpose.FACILITY_VALID), StandardCharsets.UTF_8).replace("URI=\"\"", "URI=\"#part\"");

    assertThat(verifier.verify(signed.getBytes(StandardCharsets.UTF_8), Instant.now()).failure()).isEqualTo(Failure.MALFORMED);
  }
}
