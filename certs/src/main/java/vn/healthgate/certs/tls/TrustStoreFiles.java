package vn.healthgate.certs.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;
import vn.healthgate.certs.ca.Pem;
import vn.healthgate.certs.xml.TrustStore;

/**
 * A trust store read from PEM files (root, issuing CA, CRL), whose CRL is read again whenever its
 * file changes: {@code certs revoke} (or {@code certs crl}) takes effect without a restart.
 */
public final class TrustStoreFiles implements Supplier<TrustStore> {
  private final List<X509Certificate> anchors;
  private final List<X509Certificate> intermediates;
  private final Path crl;
  private FileTime crlModified;
  private TrustStore current;

  public TrustStoreFiles(Path rootPem, Path issuingPem, Path crlPem) {
    this.anchors = List.of(Pem.readCertificate(rootPem));
    this.intermediates = List.of(Pem.readCertificate(issuingPem));
    this.crl = crlPem;
    get();
  }

  @Override
  public synchronized TrustStore get() {
    FileTime modified = modified();
    if (current == null || !modified.equals(crlModified)) {
      current = new TrustStore(anchors, intermediates, List.of(Pem.readCrl(crl)));
      crlModified = modified;
    }
    return current;
  }

  /** The trusted root certificates (for the TLS handshake's trust store). */
  public List<X509Certificate> anchors() {
    return anchors;
  }

  public List<X509Certificate> intermediates() {
    return intermediates;
  }

  private FileTime modified() {
    try {
      return Files.getLastModifiedTime(crl);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CRL " + crl, e);
    }
  }
}
