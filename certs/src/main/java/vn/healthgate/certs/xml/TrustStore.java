package vn.healthgate.certs.xml;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/** What a verifier trusts: root certificates (anchors), intermediate CA certificates and the CRLs to consult. */
public record TrustStore(List<X509Certificate> anchors, List<X509Certificate> intermediates, List<X509CRL> crls) {
  public TrustStore {
    anchors = List.copyOf(anchors);
    intermediates = List.copyOf(intermediates);
    crls = List.copyOf(crls);
  }
}
