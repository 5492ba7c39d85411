package vn.healthgate.gateway.pki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.healthgate.certs.KeyType;
import vn.healthgate.certs.ca.CertificateAuthority;
import vn.healthgate.certs.ca.CertificateProfile;
import vn.healthgate.certs.ca.IssuedCredential;
import vn.healthgate.certs.ca.KeyStores;

/**
 * Loads the facilities' signing key stores from {@code <pki>/facilities/<code>-signing.p12}. With
 * development PKI generation on, it first creates the CA ({@code <pki>/ca}) and any missing
 * facility key store; both are kept across restarts.
 */
public final class FacilityKeyStores {
  private static final Logger LOG = LoggerFactory.getLogger(FacilityKeyStores.class);

  private FacilityKeyStores() {}

  public static Path keyStore(Path pkiDir, String facilityCode) {
    return pkiDir.resolve("facilities").resolve(facilityCode + "-signing.p12");
  }

  public static Path caDir(Path pkiDir) {
    return pkiDir.resolve("ca");
  }

  public static FacilitySigningKeys load(Path pkiDir, char[] password, boolean generateDevelopmentPki, List<String> facilityCodes, Clock clock) {
    CertificateAuthority ca = generateDevelopmentPki ? developmentCaCreatingIt(pkiDir, password, clock) : null;
    Map<String, IssuedCredential> keys = new LinkedHashMap<>();
    for (String code : facilityCodes) {
      Path file = keyStore(pkiDir, code);
      if (!Files.exists(file) && ca != null) {
        IssuedCredential issued = ca.issue(new CertificateAuthority.IssueRequest(CertificateProfile.FACILITY_SIGNING, code, "Cơ sở KCB " + code, KeyType.RSA_2048, null, null));
        KeyStores.save(file, issued, password);
        LOG.info("Development signing certificate for facility {} issued (serial {})", code, issued.certificate().getSerialNumber().toString(16));
      }
      if (Files.exists(file)) {
        keys.put(code, KeyStores.load(file, password));
      } else {
        LOG.warn("No signing key store for facility {} at {}: its documents cannot be signed", code, file);
      }
    }
    return new FacilitySigningKeys(keys);
  }

  /** Opens the development CA under {@code <pki>/ca}, creating it on first start. */
  public static synchronized CertificateAuthority developmentCaCreatingIt(Path pkiDir, char[] password, Clock clock) {
    Path caDir = caDir(pkiDir);
    if (CertificateAuthority.exists(caDir)) {
      return CertificateAuthority.open(caDir, password, clock);
    }
    CertificateAuthority ca = CertificateAuthority.create(caDir, "Healthgate Development", KeyType.RSA_2048, password, clock);
    LOG.info("Development PKI created in {} (not for production)", caDir.toAbsolutePath().normalize());
    return ca;
  }

  /** The development CA, if there is one (to tell the simulator whom to trust). */
  public static java.util.Optional<CertificateAuthority> developmentCa(Path pkiDir, char[] password, Clock clock) {
    return CertificateAuthority.exists(caDir(pkiDir)) ? java.util.Optional.of(CertificateAuthority.open(caDir(pkiDir), password, clock)) : java.util.Optional.empty();
  }
}
