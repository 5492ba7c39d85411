package vn.healthgate.simulator.portal;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.healthgate.certs.xml.TrustStore;
import vn.healthgate.certs.xml.VerificationResult;
import vn.healthgate.certs.xml.XmlVerifier;

/**
 * The portal's list of certificates registered per facility, and the CAs it trusts: a signed
 * document is accepted only when its signature verifies with {@code certs}, the certificate chains
 * to a trusted CA, is valid now, not revoked, and is registered for the facility that sends it.
 */
public final class RegisteredCertificates {
  private final Clock clock;
  private final Map<String, List<X509Certificate>> byFacility = new ConcurrentHashMap<>();
  private final List<X509Certificate> anchors = new CopyOnWriteArrayList<>();
  private final List<X509Certificate> intermediates = new CopyOnWriteArrayList<>();
  private volatile List<X509CRL> crls = List.of();

  public RegisteredCertificates(Clock clock) {
    this.clock = clock;
  }

  public void trust(X509Certificate root, X509Certificate issuing, X509CRL crl) {
    if (!anchors.contains(root)) {
      anchors.add(root);
    }
    if (!intermediates.contains(issuing)) {
      intermediates.add(issuing);
    }
    List<X509CRL> updated = new ArrayList<>(crls.stream().filter(c -> !c.getIssuerX500Principal().equals(crl.getIssuerX500Principal())).toList());
    updated.add(crl);
    crls = List.copyOf(updated);
  }

  public void register(String facilityCode, X509Certificate certificate) {
    List<X509Certificate> list = byFacility.computeIfAbsent(facilityCode, k -> new CopyOnWriteArrayList<>());
    if (!list.contains(certificate)) {
      list.add(certificate);
    }
  }

  /** Forgets a facility's certificates (as when the portal's registration is withdrawn). */
  public void unregister(String facilityCode) {
    byFacility.remove(facilityCode);
  }

  public List<X509Certificate> registered(String facilityCode) {
    return List.copyOf(byFacility.getOrDefault(facilityCode, List.of()));
  }

  /** Verifies a signed document sent by {@code facilityCode}. */
  public VerificationResult verify(String facilityCode, byte[] xml) {
    VerificationResult result = new XmlVerifier(new TrustStore(anchors, intermediates, crls)).verify(xml, clock.instant());
    if (result.isValid() && !registered(facilityCode).contains(result.signer())) {
      return VerificationResult.failed(VerificationResult.Failure.UNKNOWN_SIGNER,
          "the certificate is not registered for facility " + facilityCode, result.signer(), result.algorithm());
    }
    return result;
  }
}
