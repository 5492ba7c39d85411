package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import vn.healthgate.certs.KeyType;
import vn.healthgate.certs.ca.CertificateAuthority;
import vn.healthgate.certs.ca.CertificateProfile;
import vn.healthgate.certs.ca.RevocationReason;
import vn.healthgate.certs.testing.TestCertificates;
import vn.healthgate.certs.testing.TestCertificates.Purpose;

/** The HTTPS port refuses revoked, expired and wrong-CA client certificates (purpose-named test certificates) and stays healthy. */
class ClientCertificateIT extends GatewayIT {
  private static final TestCertificates PKI = TestCertificates.get();

  private Reply submissions(HttpClient client) throws IOException {
    return sendTls(client, HttpRequest.newBuilder(tlsUri("/api/v1/submissions")).GET().build());
  }

  @Test
  void aValidFacilityCertificateIdentifiesItsFacility() throws IOException {
    Reply reply = submissions(tlsClient(PKI.credential(Purpose.HIS_CLIENT_TLS)));
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
  }

  @Test
  void aRevokedCertificateIsRefusedWithItsOwnCode() throws IOException {
    Reply reply = submissions(tlsClient(PKI.credential(Purpose.HIS_CLIENT_TLS_REVOKED)));
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.body().get("code").asText()).isEqualTo("GW-AUTH-CERT-REVOKED");
  }

  @Test
  void expiredAndWrongCaCertificatesAreRefusedInTheHandshake() throws IOException {
    assertThatThrownBy(() -> submissions(tlsClient(PKI.credential(Purpose.HIS_CLIENT_TLS_EXPIRED)))).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> submissions(tlsClient(PKI.credential(Purpose.HIS_CLIENT_TLS_WRONG_CA)))).isInstanceOf(IOException.class);
    assertThat(submissions(tlsClient(PKI.credential(Purpose.HIS_CLIENT_TLS))).status()).as("still serving").isEqualTo(200);
  }

  @Test
  void aSigningCertificateIsNotAClientCertificate() throws IOException {
    Reply reply = submissions(tlsClient(PKI.credential(Purpose.FACILITY_VALID)));
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.body().get("code").asText()).isEqualTo("GW-AUTH-CERT-REJECTED");
  }

  @Test
  void aCertificateForAFacilityThatIsNotOnboardedIsForbidden() throws IOException {
    Reply reply = submissions(tlsClient(PKI.clientTls("70999")));
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.body().get("code").asText()).isEqualTo("GW-FACILITY-NOT-ONBOARDED");
  }

  @Test
  void aRevocationTakesEffectOnTheNextRequestWithoutRestart() throws IOException {
    CertificateAuthority ca = PKI.authority();
    var credential = ca.issue(new CertificateAuthority.IssueRequest(CertificateProfile.HIS_TLS_CLIENT, "70003", "Cơ sở KCB 70003", KeyType.EC_P256, null, null));
    assertThat(submissions(tlsClient(credential)).status()).isEqualTo(200);

    ca.revoke(credential.certificate().getSerialNumber(), RevocationReason.KEY_COMPROMISE);

    Reply reply = submissions(tlsClient(credential));
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.body().get("code").asText()).isEqualTo("GW-AUTH-CERT-REVOKED");
  }
}
