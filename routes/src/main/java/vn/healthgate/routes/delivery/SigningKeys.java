package vn.healthgate.routes.delivery;

import java.util.Optional;
import vn.healthgate.certs.ca.IssuedCredential;

/** Each facility's organisation signing key (implemented by the gateway over its key stores or an HSM). */
public interface SigningKeys {
  Optional<IssuedCredential> credential(String facilityCode);
}
