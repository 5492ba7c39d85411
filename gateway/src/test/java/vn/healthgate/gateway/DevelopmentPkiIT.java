package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.healthgate.certs.xml.SignaturePlacement;
import vn.healthgate.certs.xml.VerificationResult;
import vn.healthgate.certs.xml.XmlSigner;
import vn.healthgate.gateway.config.GatewayProperties;
import vn.healthgate.gateway.pki.FacilitySigningKeys;

/** The default run has a development PKI under the data folder and the simulator trusts each sample facility's certificate. */
class DevelopmentPkiIT extends GatewayIT {
  @Autowired FacilitySigningKeys keys;
  @Autowired GatewayProperties properties;

  @Test
  void everySampleFacilityHasASigningKeyRegisteredWithTheSimulator() throws Exception {
    assertThat(keys.all().keySet()).containsExactlyInAnyOrderElementsOf(properties.facilities().stream().map(GatewayProperties.Facility::code).toList());
    byte[] document = "<root><SO>00001/GKSKLX/70001/26</SO></root>".getBytes(StandardCharsets.UTF_8);

    for (String code : keys.all().keySet()) {
      assertThat(simulator.state().certificates().registered(code)).containsExactly(keys.certificate(code).orElseThrow());
      byte[] signed = XmlSigner.sign(document, keys.credential(code).orElseThrow(), SignaturePlacement.LAST_CHILD_OF_ROOT);
      VerificationResult result = simulator.state().certificates().verify(code, signed);
      assertThat(result.isValid()).as(code + ": " + result.detail()).isTrue();
    }
  }

  @Test
  void aFacilityCannotSignForAnother() throws Exception {
    byte[] signed = XmlSigner.sign("<root/>".getBytes(StandardCharsets.UTF_8), keys.credential("70002").orElseThrow(), SignaturePlacement.LAST_CHILD_OF_ROOT);

    assertThat(simulator.state().certificates().verify("70001", signed).failure()).isEqualTo(VerificationResult.Failure.UNKNOWN_SIGNER);
  }
}
