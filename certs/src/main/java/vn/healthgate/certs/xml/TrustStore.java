package vn.healthgate.certs.xml;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a verifier trusts: root certificates (anchors), intermediate CA certificates and the CRLs to
 * consult. Used for document signatures and for TLS client certificates alike.
 */
public record TrustStore(List<X509Certificate> anchors, List<X509Certificate> intermediates, List<X509CRL> crls) {
  public TrustStore {
    anchors = List.copyOf(anchors);
    intermediates = List.copyOf(intermediates);
    crls = List.copyOf(crls);
  }

  /** Whether a PKIX path leads from {@code certificate} through the intermediates to an anchor, as of {@code at} (revocation aside). */
  public boolean chains(X509Certificate certificate, Instant at) {
    try {
      Set<TrustAnchor> trusted = anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet());
      if (trusted.isEmpty()) {
        return false;
      }
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(certificate);
      PKIXBuilderParameters parameters = new PKIXBuilderParameters(trusted, target);
      parameters.setRevocationEnabled(false);
      parameters.setDate(Date.from(at));
      List<Object> certificates = new ArrayList<>(intermediates);
      certificates.add(certificate);
      parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(certificates)));
      CertPathBuilder.getInstance("PKIX").build(parameters);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The CRL entry revoking {@code certificate}, from a CRL its issuer signed, if there is one. */
  public Optional<X509CRLEntry> revocation(X509Certificate certificate) {
    for (X509CRL crl : crls) {
      if (crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal()) && signedByIssuerOf(crl, certificate)) {
        X509CRLEntry entry = crl.getRevokedCertificate(certificate);
        if (entry != null) {
          return Optional.of(entry);
        }
      }
    }
    return Optional.empty();
  }

  /** A one-line description of a revocation: date and reason. */
  public static String describe(X509CRLEntry entry) {
    String reason = entry.getRevocationReason() == null ? "UNSPECIFIED" : entry.getRevocationReason().name();
    return "certificate revoked on " + entry.getRevocationDate().toInstant() + " (" + reason + ")";
  }

  private boolean signedByIssuerOf(X509CRL crl, X509Certificate certificate) {
    for (X509Certificate ca : intermediates) {
      if (ca.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
        try {
          crl.verify(ca.getPublicKey());
          return true;
        } catch (GeneralSecurityException e) {
          return false;
        }
      }
    }
    return false;
  }
}
