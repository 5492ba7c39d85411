package vn.healthgate.certs.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A private key with its certificate and the chain up to (excluding) the root. Never logged: {@link #toString()} names the subject only. */
public record IssuedCredential(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {
  @Override
  public String toString() {
    return "IssuedCredential[" + certificate.getSubjectX500Principal().getName() + ", serial " + certificate.getSerialNumber().toString(16) + "]";
  }
}
