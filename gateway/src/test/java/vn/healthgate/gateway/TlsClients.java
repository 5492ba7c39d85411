package vn.healthgate.gateway;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import vn.healthgate.certs.ca.IssuedCredential;
import vn.healthgate.certs.ca.Pem;

/** HTTP clients for the gateway's HTTPS port: trusting its server certificate, presenting a client certificate (or none). */
final class TlsClients {
  private static final char[] PASSWORD = "test".toCharArray();

  private TlsClients() {}

  /** @param credential the client certificate to present, or null for none */
  static HttpClient client(IssuedCredential credential, Path serverRootPem) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("gateway-root", Pem.readCertificate(serverRootPem));
      TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trust);
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      if (credential != null) {
        Certificate[] chain = new Certificate[credential.chain().size() + 1];
        chain[0] = credential.certificate();
        for (int i = 0; i < credential.chain().size(); i++) {
          chain[i + 1] = credential.chain().get(i);
        }
        keys.setKeyEntry("client", credential.privateKey(), PASSWORD, chain);
      }
      keyManagers.init(keys, PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
      return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    } catch (Exception e) {
      throw new IllegalStateException("cannot build a TLS client", e);
    }
  }
}
