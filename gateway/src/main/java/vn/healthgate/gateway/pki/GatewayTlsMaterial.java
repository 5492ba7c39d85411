package vn.healthgate.gateway.pki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.healthgate.certs.KeyType;
import vn.healthgate.certs.ca.CertificateAuthority;
import vn.healthgate.certs.ca.CertificateProfile;
import vn.healthgate.certs.ca.IssuedCredential;
import vn.healthgate.certs.ca.KeyStores;
import vn.healthgate.certs.ca.Pem;
import vn.healthgate.certs.tls.ClientCertificateCheck;
import vn.healthgate.certs.tls.TrustStoreFiles;
import vn.healthgate.gateway.config.GatewayProperties;

/**
 * What the HTTPS listener needs: the gateway's server key, the CA that client certificates must
 * chain to (for the handshake) and the live check of each client certificate (CRL, usage, identity).
 * In the default run it first issues, from the development CA, the server certificate and a client
 * certificate per sample facility plus one for an admin ({@code <pki>/tls/}), so the HTTPS port can be
 * tried with curl.
 */
public final class GatewayTlsMaterial {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayTlsMaterial.class);
  static final String ALIAS = "gateway";

  private final IssuedCredential server;
  private final Path keyStoreFile;
  private final char[] keyStorePassword;
  private final TrustStoreFiles clientTrust;
  private final ClientCertificateCheck check;

  private GatewayTlsMaterial(IssuedCredential server, Path keyStoreFile, char[] keyStorePassword, TrustStoreFiles clientTrust) {
    this.server = server;
    this.keyStoreFile = keyStoreFile;
    this.keyStorePassword = keyStorePassword;
    this.clientTrust = clientTrust;
    this.check = new ClientCertificateCheck(clientTrust);
  }

  public static GatewayTlsMaterial load(GatewayProperties.Tls tls, GatewayProperties.Pki pki, List<String> facilityCodes, Clock clock) {
    char[] storePassword = tls.keyStorePassword().toCharArray();
    if (pki.generateDevelopmentPki()) {
      issueDevelopmentCredentials(tls, pki, facilityCodes, clock, storePassword);
    }
    if (!Files.exists(tls.keyStore())) {
      throw new IllegalStateException("no TLS server key store at " + tls.keyStore() + " (gateway.tls.key-store; issue one with 'certs issue-server')");
    }
    return new GatewayTlsMaterial(KeyStores.load(tls.keyStore(), storePassword), tls.keyStore().toAbsolutePath().normalize(), storePassword,
        new TrustStoreFiles(tls.clientCaRoot(), tls.clientCaIssuing(), tls.clientCrl()));
  }

  private static void issueDevelopmentCredentials(GatewayProperties.Tls tls, GatewayProperties.Pki pki, List<String> facilityCodes, Clock clock, char[] storePassword) {
    char[] pkiPassword = pki.password().toCharArray();
    CertificateAuthority ca = FacilityKeyStores.developmentCaCreatingIt(pki.dir(), pkiPassword, clock);
    if (!Files.exists(tls.keyStore())) {
      List<String> hosts = tls.hosts() == null || tls.hosts().isEmpty() ? List.of("localhost", "127.0.0.1") : tls.hosts();
      KeyStores.save(tls.keyStore(), ca.issueServer(hosts, KeyType.RSA_2048), storePassword);
      LOG.info("Development TLS server certificate for {} issued", hosts);
    }
    Path clients = pki.dir().resolve("tls");
    for (String code : facilityCodes) {
      Path file = clients.resolve(code + "-tls.p12");
      if (!Files.exists(file)) {
        IssuedCredential client = ca.issue(new CertificateAuthority.IssueRequest(CertificateProfile.HIS_TLS_CLIENT, code, "Cơ sở KCB " + code, KeyType.EC_P256, null, null));
        KeyStores.save(file, client, pkiPassword);
        Pem.write(clients.resolve(code + "-tls.pem"), client.certificate());
      }
    }
    Path admin = clients.resolve("admin-tls.p12");
    if (!Files.exists(admin)) {
      KeyStores.save(admin, ca.issueAdmin("Development Admin", KeyType.EC_P256, null, null), pkiPassword);
      LOG.info("Development client TLS certificates in {} (one per sample facility, admin-tls.p12 for role ADMIN)", clients.toAbsolutePath().normalize());
    }
  }

  /** The server key and chain as an in-memory key store (alias {@value #ALIAS}). */
  public KeyStore serverKeyStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      Certificate[] chain = new Certificate[server.chain().size() + 1];
      chain[0] = server.certificate();
      for (int i = 0; i < server.chain().size(); i++) {
        chain[i + 1] = server.chain().get(i);
      }
      store.setKeyEntry(ALIAS, server.privateKey(), keyStorePassword, chain);
      return store;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build the TLS server key store", e);
    }
  }

  /** The file the server key was loaded from (for what the listener reports; the key itself comes from {@link #serverKeyStore()}). */
  public Path keyStoreFile() {
    return keyStoreFile;
  }

  public String keyStorePassword() {
    return new String(keyStorePassword);
  }

  /** The CA certificates a client certificate must chain to during the handshake. */
  public KeyStore clientTrustStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int i = 0;
      for (var certificate : clientTrust.anchors()) {
        store.setCertificateEntry("root-" + i++, certificate);
      }
      for (var certificate : clientTrust.intermediates()) {
        store.setCertificateEntry("issuing-" + i++, certificate);
      }
      return store;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build the client trust store", e);
    }
  }

  public ClientCertificateCheck clientCheck() {
    return check;
  }
}
