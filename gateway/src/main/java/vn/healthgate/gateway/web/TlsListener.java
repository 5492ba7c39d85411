package vn.healthgate.gateway.web;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import vn.healthgate.gateway.pki.GatewayTlsMaterial;

/**
 * The HTTPS listener (default 8443): TLS 1.2/1.3, a client certificate chained to the facility CA
 * required during the handshake (wrong CA, expired: refused there). Who the certificate names, and
 * whether the current CRL revokes it, is decided per request by the security filter chain ({@code security.CallerAuthenticationFilter}).
 */
public final class TlsListener {
  private final Connector connector;

  public TlsListener(GatewayTlsMaterial material, int port) {
    connector = new Connector(Http11NioProtocol.class.getName());
    connector.setPort(port);
    connector.setScheme("https");
    connector.setSecure(true);
    ContainerErrors.apply(connector);
    Http11NioProtocol protocol = (Http11NioProtocol) connector.getProtocolHandler();
    protocol.setSSLEnabled(true);
    SSLHostConfig host = new SSLHostConfig();
    host.setProtocols("TLSv1.2+TLSv1.3");
    host.setCertificateVerification("required");
    host.setTrustStore(material.clientTrustStore());
    SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
    // the file only names the source in Tomcat's start-up line (it would say ~/.keystore); the key store object is what is used
    certificate.setCertificateKeystoreFile(material.keyStoreFile().toString());
    certificate.setCertificateKeystore(material.serverKeyStore());
    certificate.setCertificateKeystorePassword(material.keyStorePassword());
    certificate.setCertificateKeyAlias("gateway");
    host.addCertificate(certificate);
    protocol.addSslHostConfig(host);
  }

  public Connector connector() {
    return connector;
  }

  /** The port it listens on (the chosen one when configured as 0). */
  public int localPort() {
    return connector.getLocalPort();
  }
}
