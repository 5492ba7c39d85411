package vn.healthgate.certs.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.healthgate.certs.ca.ClientIdentity;
import vn.healthgate.certs.testing.TestCertificates;
import vn.healthgate.certs.testing.TestCertificates.Purpose;
import vn.healthgate.certs.tls.ClientCertificateCheck.Failure;

class ClientCertificateCheckTest {
  private final TestCertificates pki = TestCertificates.get();
  private final ClientCertificateCheck check = new ClientCertificateCheck(
      new TrustStoreFiles(pki.rootPem(), pki.issuingPem(), pki.crlPem()));

  private ClientCertificateCheck.Result check(Purpose purpose) {
    return check.check(new X509Certificate[] {pki.credential(purpose).certificate()}, Instant.now());
  }

  @Test
  void aFacilityClientCertificateNamesItsFacility() {
    assertThat(check(Purpose.HIS_CLIENT_TLS).identity()).isEqualTo(new ClientIdentity.Facility(TestCertificates.FACILITY_CODE));
    assertThat(check.check(new X509Certificate[] {pki.clientTls("70002").certificate()}, Instant.now()).identity())
        .isEqualTo(new ClientIdentity.Facility("70002"));
  }

  @Test
  void anAdminCertificateNamesAnAdmin() {
    assertThat(check(Purpose.ADMIN_CLIENT_TLS).identity()).isEqualTo(new ClientIdentity.Admin("Test Admin"));
  }

  @Test
  void eachBadCertificateFailsWithItsReason() {
    assertThat(check(Purpose.HIS_CLIENT_TLS_EXPIRED).failure()).isEqualTo(Failure.EXPIRED);
    assertThat(check(Purpose.HIS_CLIENT_TLS_REVOKED).failure()).isEqualTo(Failure.REVOKED);
    assertThat(check(Purpose.HIS_CLIENT_TLS_WRONG_CA).failure()).isEqualTo(Failure.UNTRUSTED_CHAIN);
    assertThat(check(Purpose.FACILITY_VALID).failure()).as("a signing certificate is not a TLS client certificate").isEqualTo(Failure.NOT_FOR_CLIENT_AUTH);
    assertThat(check(Purpose.FACILITY_NOT_YET_VALID).failure()).isEqualTo(Failure.NOT_YET_VALID);
    assertThat(check.check(new X509Certificate[0], Instant.now()).failure()).isEqualTo(Failure.NO_CERTIFICATE);
  }

  @Test
  void aRevocationPublishedAfterStartTakesEffectWithoutReload() {
    var fresh = pki.authority().issueAdmin("Temporary Admin", vn.healthgate.certs.KeyType.EC_P256, null, null);
    X509Certificate[] chain = {fresh.certificate()};
    assertThat(check.check(chain, Instant.now()).accepted()).isTrue();

    pki.authority().revoke(fresh.certificate().getSerialNumber(), vn.healthgate.certs.ca.RevocationReason.AFFILIATION_CHANGED);

    assertThat(check.check(chain, Instant.now()).failure()).isEqualTo(Failure.REVOKED);
  }

  @Test
  void theServerCertificateNamesItsHostsAndIsNotAClientCertificate() throws Exception {
    var server = pki.authority().issueServer(List.of("localhost", "127.0.0.1"), vn.healthgate.certs.KeyType.EC_P256);
    assertThat(server.certificate().getSubjectAlternativeNames()).extracting(n -> (Object) n.get(1)).containsExactly("localhost", "127.0.0.1");
    assertThat(server.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(check.check(new X509Certificate[] {server.certificate()}, Instant.now()).failure()).isEqualTo(Failure.NOT_FOR_CLIENT_AUTH);
  }
}
