package vn.healthgate.certs.ca;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM reading and writing of certificates and CRLs. */
public final class Pem {
  private Pem() {}

  public static String encode(Object certificateOrCrl) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(certificateOrCrl);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  public static void write(Path file, Object certificateOrCrl) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, encode(certificateOrCrl), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static X509Certificate readCertificate(Path file) {
    try {
      return (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CertificateException e) {
      throw new IllegalArgumentException("not a certificate: " + file, e);
    }
  }

  public static X509CRL readCrl(Path file) {
    try {
      return (X509CRL) factory().generateCRL(new ByteArrayInputStream(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.cert.CRLException e) {
      throw new IllegalArgumentException("not a CRL: " + file, e);
    }
  }

  static CertificateFactory factory() {
    try {
      return CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException(e);
    }
  }

}
