package vn.healthgate.certs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.healthgate.certs.KeyType;
import vn.healthgate.certs.ca.CertificateAuthority;
import vn.healthgate.certs.ca.CertificateAuthority.IssueRequest;
import vn.healthgate.certs.ca.CertificateProfile;
import vn.healthgate.certs.ca.IssuedCredential;
import vn.healthgate.certs.ca.Pem;
import vn.healthgate.certs.ca.RevocationReason;
import vn.healthgate.certs.xml.TrustStore;

/**
 * Purpose-named certificates for every module's tests, made on first use (once per JVM) by this
 * committed generator in a temporary directory: a test CA, a second "wrong" CA, and one credential
 * per {@link Purpose}. PEM files of the roots, the issuing CA, the CRL and each certificate are
 * written there for external verifiers (xmlsec1). Not for production: keys are throwaway.
 */
public final class TestCertificates {

  /** What each test certificate is for. */
  public enum Purpose {
    FACILITY_VALID,
    FACILITY_VALID_EC,
    FACILITY_EXPIRED,
    FACILITY_NOT_YET_VALID,
    FACILITY_REVOKED,
    WRONG_CA,
    NO_SIGNING_USAGE,
    /** HIS client TLS certificate of facility {@link #FACILITY_CODE}. */
    HIS_CLIENT_TLS,
    HIS_CLIENT_TLS_EXPIRED,
    HIS_CLIENT_TLS_REVOKED,
    /** A client TLS certificate for facility {@link #FACILITY_CODE} issued by the wrong CA. */
    HIS_CLIENT_TLS_WRONG_CA,
    /** An integration admin's client TLS certificate. */
    ADMIN_CLIENT_TLS;

    /** The file-name form: {@code facility-valid}, {@code wrong-ca}, … */
    public String fileName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public static final String FACILITY_CODE = "70001";
  public static final String FACILITY_NAME = "Bệnh viện Đa khoa tỉnh Bình Phước";

  private static TestCertificates instance;

  private final Path directory;
  private final CertificateAuthority ca;
  private final CertificateAuthority wrongCa;
  private final Map<Purpose, IssuedCredential> credentials = new EnumMap<>(Purpose.class);
  private final Map<String, IssuedCredential> clientCredentials = new java.util.HashMap<>();

  private TestCertificates(Path directory) {
    this.directory = directory;
    char[] password = randomPassword();
    Clock clock = Clock.systemUTC();
    Instant now = clock.instant();
    ca = CertificateAuthority.create(directory.resolve("ca"), "Healthgate Test", KeyType.RSA_2048, password, clock);
    wrongCa = CertificateAuthority.create(directory.resolve("wrong-ca"), "Somebody Else", KeyType.RSA_2048, password, clock);
    issue(Purpose.FACILITY_VALID, ca, CertificateProfile.FACILITY_SIGNING, KeyType.RSA_2048, null, null);
    issue(Purpose.FACILITY_VALID_EC, ca, CertificateProfile.FACILITY_SIGNING, KeyType.EC_P256, null, null);
    issue(Purpose.FACILITY_EXPIRED, ca, CertificateProfile.FACILITY_SIGNING, KeyType.RSA_2048, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)));
    issue(Purpose.FACILITY_NOT_YET_VALID, ca, CertificateProfile.FACILITY_SIGNING, KeyType.RSA_2048, now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(400)));
    IssuedCredential revoked = issue(Purpose.FACILITY_REVOKED, ca, CertificateProfile.FACILITY_SIGNING, KeyType.RSA_2048, null, null);
    issue(Purpose.WRONG_CA, wrongCa, CertificateProfile.FACILITY_SIGNING, KeyType.RSA_2048, null, null);
    issue(Purpose.NO_SIGNING_USAGE, ca, CertificateProfile.NO_SIGNING_USAGE, KeyType.RSA_2048, null, null);
    issue(Purpose.HIS_CLIENT_TLS, ca, CertificateProfile.HIS_TLS_CLIENT, KeyType.RSA_2048, null, null);
    issue(Purpose.HIS_CLIENT_TLS_EXPIRED, ca, CertificateProfile.HIS_TLS_CLIENT, KeyType.RSA_2048, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)));
    IssuedCredential revokedClient = issue(Purpose.HIS_CLIENT_TLS_REVOKED, ca, CertificateProfile.HIS_TLS_CLIENT, KeyType.RSA_2048, null, null);
    issue(Purpose.HIS_CLIENT_TLS_WRONG_CA, wrongCa, CertificateProfile.HIS_TLS_CLIENT, KeyType.RSA_2048, null, null);
    IssuedCredential admin = ca.issueAdmin("Test Admin", KeyType.EC_P256, null, null);
    credentials.put(Purpose.ADMIN_CLIENT_TLS, admin);
    Pem.write(certificatePem(Purpose.ADMIN_CLIENT_TLS), admin.certificate());
    ca.revoke(revoked.certificate().getSerialNumber(), RevocationReason.KEY_COMPROMISE);
    ca.revoke(revokedClient.certificate().getSerialNumber(), RevocationReason.KEY_COMPROMISE);
    java.util.Arrays.fill(password, '\0');
  }

  /** The shared test PKI of this JVM. */
  public static synchronized TestCertificates get() {
    if (instance == null) {
      try {
        instance = new TestCertificates(Files.createTempDirectory("healthgate-test-pki"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  public IssuedCredential credential(Purpose purpose) {
    return credentials.get(purpose);
  }

  /** A valid HIS client TLS certificate of any facility (made on first use, then reused). */
  public synchronized IssuedCredential clientTls(String facilityCode) {
    if (facilityCode.equals(FACILITY_CODE)) {
      return credential(Purpose.HIS_CLIENT_TLS);
    }
    return clientCredentials.computeIfAbsent(facilityCode,
        code -> ca.issue(new IssueRequest(CertificateProfile.HIS_TLS_CLIENT, code, "Cơ sở KCB " + code, KeyType.EC_P256, null, null)));
  }

  /** Trusts the test CA only (with its current CRL), not the wrong CA. */
  public TrustStore trustStore() {
    return new TrustStore(List.of(ca.rootCertificate()), List.of(ca.issuingCertificate()), List.of(ca.crl()));
  }

  public CertificateAuthority authority() {
    return ca;
  }

  public Path directory() {
    return directory;
  }

  public Path rootPem() {
    return directory.resolve("ca").resolve("root.pem");
  }

  public Path issuingPem() {
    return directory.resolve("ca").resolve("issuing.pem");
  }

  public Path crlPem() {
    return directory.resolve("ca").resolve("crl.pem");
  }

  public Path certificatePem(Purpose purpose) {
    return directory.resolve(purpose.fileName() + ".pem");
  }

  private IssuedCredential issue(Purpose purpose, CertificateAuthority authority, CertificateProfile profile, KeyType keyType, Instant from, Instant to) {
    IssuedCredential credential = authority.issue(new IssueRequest(profile, FACILITY_CODE, FACILITY_NAME, keyType, from, to));
    credentials.put(purpose, credential);
    Pem.write(certificatePem(purpose), credential.certificate());
    return credential;
  }

  private static char[] randomPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes).toCharArray();
  }
}
