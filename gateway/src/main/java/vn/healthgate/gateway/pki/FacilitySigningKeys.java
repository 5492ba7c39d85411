package vn.healthgate.gateway.pki;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import vn.healthgate.certs.ca.IssuedCredential;

/** Each onboarded facility's organisation signing key and certificate, loaded from its PKCS#12 key store. */
public final class FacilitySigningKeys implements vn.healthgate.routes.delivery.SigningKeys {
  private final Map<String, IssuedCredential> byFacility;

  FacilitySigningKeys(Map<String, IssuedCredential> byFacility) {
    this.byFacility = Map.copyOf(byFacility);
  }

  @Override
  public Optional<IssuedCredential> credential(String facilityCode) {
    return Optional.ofNullable(byFacility.get(facilityCode));
  }

  public Optional<X509Certificate> certificate(String facilityCode) {
    return credential(facilityCode).map(IssuedCredential::certificate);
  }

  public Map<String, IssuedCredential> all() {
    return byFacility;
  }

  @Override
  public String toString() {
    return "FacilitySigningKeys" + byFacility.keySet();
  }
}
