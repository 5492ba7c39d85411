package vn.healthgate.certs.ca;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.healthgate.certs.KeyType;

/**
 * The facility PKI: a root CA that signs one issuing CA, which issues facility organisation-signing
 * certificates and HIS client TLS certificates, revokes them with a reason and publishes a CRL.
 *
 * <p>Its state lives in one directory: {@code root.p12} and {@code issuing.p12} (the CA keys, under
 * the caller's password), {@code root.pem}, {@code issuing.pem}, {@code issued/<serial>.pem},
 * {@code revoked.properties}, {@code crl.pem} and {@code serial}. Private keys of issued
 * certificates are handed to the caller, never kept here.
 */
public final class CertificateAuthority {
  private static final Duration CRL_VALIDITY = Duration.ofDays(7);
  private static final Duration BACKDATE = Duration.ofMinutes(5);
  private static final java.util.regex.Pattern IP_ADDRESS = java.util.regex.Pattern.compile("[0-9.]+|[0-9a-fA-F:]+:[0-9a-fA-F:.]*");

  /** One issued certificate, as {@link #list()} shows it. */
  public record Entry(BigInteger serial, String subject, Instant notAfter, CertificateProfile profile, RevocationReason revokedFor, Instant revokedAt) {
    public boolean revoked() {
      return revokedFor != null;
    }
  }

  /** What to issue. {@code validFrom}/{@code validTo} null mean now and one year from now. */
  public record IssueRequest(CertificateProfile profile, String facilityCode, String facilityName, KeyType keyType, Instant validFrom, Instant validTo) {}

  private final Path dir;
  private final Clock clock;
  private final IssuedCredential root;
  private final IssuedCredential issuing;

  private CertificateAuthority(Path dir, Clock clock, IssuedCredential root, IssuedCredential issuing) {
    this.dir = dir;
    this.clock = clock;
    this.root = root;
    this.issuing = issuing;
  }

  /** Creates a new CA in an empty (or missing) directory. */
  public static CertificateAuthority create(Path dir, String name, KeyType keyType, char[] password, Clock clock) {
    try {
      if (Files.exists(dir.resolve("root.p12"))) {
        throw new IllegalStateException("a CA already exists in " + dir);
      }
      Files.createDirectories(dir.resolve("issued"));
      Instant now = clock.instant();
      KeyPair rootKeys = keyType.generate();
      X500Name rootName = new X500Name("CN=" + name + " Root CA, O=" + name + ", C=VN");
      X509Certificate rootCert = sign(rootName, rootKeys, rootName, rootKeys.getPublic(), BigInteger.ONE, now.minus(BACKDATE),
          now.plus(Duration.ofDays(3650 * 2)), keyType, caExtensions(1), null);
      KeyPair issuingKeys = keyType.generate();
      X500Name issuingName = new X500Name("CN=" + name + " Issuing CA, O=" + name + ", C=VN");
      X509Certificate issuingCert = sign(rootName, rootKeys, issuingName, issuingKeys.getPublic(), BigInteger.TWO, now.minus(BACKDATE),
          now.plus(Duration.ofDays(3650)), keyType, caExtensions(0), rootCert);
      IssuedCredential root = new IssuedCredential(rootKeys.getPrivate(), rootCert, List.of());
      IssuedCredential issuing = new IssuedCredential(issuingKeys.getPrivate(), issuingCert, List.of(rootCert));
      KeyStores.save(dir.resolve("root.p12"), root, password);
      KeyStores.save(dir.resolve("issuing.p12"), issuing, password);
      Pem.write(dir.resolve("root.pem"), rootCert);
      Pem.write(dir.resolve("issuing.pem"), issuingCert);
      Files.writeString(dir.resolve("serial"), "1000");
      CertificateAuthority ca = new CertificateAuthority(dir, clock, root, issuing);
      ca.publishCrl();
      return ca;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens an existing CA directory. */
  public static CertificateAuthority open(Path dir, char[] password, Clock clock) {
    if (!Files.exists(dir.resolve("root.p12"))) {
      throw new IllegalArgumentException("no CA in " + dir + " (run init first)");
    }
    return new CertificateAuthority(dir, clock, KeyStores.load(dir.resolve("root.p12"), password), KeyStores.load(dir.resolve("issuing.p12"), password));
  }

  public static boolean exists(Path dir) {
    return Files.exists(dir.resolve("root.p12"));
  }

  /** Issues a facility certificate (signing or HIS client TLS) named by facility code and name. */
  public synchronized IssuedCredential issue(IssueRequest request) {
    if (request.profile() == CertificateProfile.ADMIN_TLS_CLIENT || request.profile() == CertificateProfile.GATEWAY_TLS_SERVER) {
      throw new IllegalArgumentException(request.profile() + " certificates are issued with issueAdmin or issueServer");
    }
    return issue(request.profile(), new X500Name(FacilityIdentity.subject(request.facilityCode(), request.facilityName())), request.keyType(),
        request.validFrom(), request.validTo(), List.of());
  }

  /** Issues an integration admin's client TLS certificate ({@code CN=<name>, OU=Healthgate Admins}); null dates mean now and a year. */
  public synchronized IssuedCredential issueAdmin(String adminName, KeyType keyType, Instant validFrom, Instant validTo) {
    return issue(CertificateProfile.ADMIN_TLS_CLIENT, new X500Name(ClientIdentity.adminSubject(adminName)), keyType, validFrom, validTo, List.of());
  }

  /** Issues the gateway's TLS server certificate for the given host names and IP addresses (the first one is its CN). */
  public synchronized IssuedCredential issueServer(List<String> hosts, KeyType keyType) {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("a server certificate names at least one host");
    }
    return issue(CertificateProfile.GATEWAY_TLS_SERVER, new X500Name("CN=" + hosts.get(0) + ", O=Healthgate Gateway, C=VN"), keyType, null, null, hosts);
  }

  private IssuedCredential issue(CertificateProfile profile, X500Name subject, KeyType keyType, Instant validFrom, Instant validTo, List<String> hosts) {
    Instant now = clock.instant();
    Instant from = validFrom != null ? validFrom : now.minus(BACKDATE);
    Instant to = validTo != null ? validTo : now.plus(Duration.ofDays(365));
    KeyPair keys = keyType.generate();
    BigInteger serial = nextSerial();
    X509Certificate certificate = sign(X500Name.getInstance(issuing.certificate().getSubjectX500Principal().getEncoded()), new KeyPair(issuing.certificate().getPublicKey(), issuing.privateKey()),
        subject, keys.getPublic(), serial, from, to,
        KeyType.parse(issuing.privateKey().getAlgorithm().equals("EC") ? "EC" : "RSA"), endEntityExtensions(profile, hosts), issuing.certificate());
    Pem.write(dir.resolve("issued").resolve(serial.toString(16) + ".pem"), certificate);
    writeProfile(serial, profile);
    return new IssuedCredential(keys.getPrivate(), certificate, List.of(issuing.certificate(), root.certificate()));
  }

  public synchronized void revoke(BigInteger serial, RevocationReason reason) {
    if (!Files.exists(dir.resolve("issued").resolve(serial.toString(16) + ".pem"))) {
      throw new IllegalArgumentException("no certificate with serial " + serial.toString(16) + " was issued by this CA");
    }
    Properties revoked = properties("revoked.properties");
    revoked.setProperty(serial.toString(16), reason.name() + "," + clock.instant());
    store(revoked, "revoked.properties");
    publishCrl();
  }

  /** Signs and writes a fresh CRL ({@code crl.pem}) listing every revoked certificate. */
  public synchronized X509CRL publishCrl() {
    Instant now = clock.instant();
    X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuing.certificate(), Date.from(now.minus(BACKDATE)));
    builder.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
    properties("revoked.properties").forEach((serial, value) -> {
      String[] parts = value.toString().split(",");
      builder.addCRLEntry(new BigInteger(serial.toString(), 16), Date.from(Instant.parse(parts[1])), RevocationReason.valueOf(parts[0]).code());
    });
    try {
      X509CRL crl = new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder(signatureAlgorithm(issuing)).build(issuing.privateKey())));
      Pem.write(dir.resolve("crl.pem"), crl);
      return crl;
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot sign the CRL", e);
    }
  }

  public X509CRL crl() {
    return Pem.readCrl(dir.resolve("crl.pem"));
  }

  public List<Entry> list() {
    Properties revoked = properties("revoked.properties");
    Properties profiles = properties("profiles.properties");
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir.resolve("issued"))) {
      for (Path file : files.sorted().toList()) {
        X509Certificate c = Pem.readCertificate(file);
        String key = c.getSerialNumber().toString(16);
        String rev = revoked.getProperty(key);
        entries.add(new Entry(c.getSerialNumber(), c.getSubjectX500Principal().getName(), c.getNotAfter().toInstant(),
            CertificateProfile.valueOf(profiles.getProperty(key, CertificateProfile.FACILITY_SIGNING.name())),
            rev == null ? null : RevocationReason.valueOf(rev.split(",")[0]), rev == null ? null : Instant.parse(rev.split(",")[1])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    entries.sort(Comparator.comparing(Entry::serial));
    return entries;
  }

  public X509Certificate rootCertificate() {
    return root.certificate();
  }

  public X509Certificate issuingCertificate() {
    return issuing.certificate();
  }

  public Path directory() {
    return dir;
  }

  private BigInteger nextSerial() {
    try {
      Path file = dir.resolve("serial");
      long next = Long.parseLong(Files.readString(file).trim()) + 1;
      Files.writeString(file, Long.toString(next));
      return BigInteger.valueOf(next);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeProfile(BigInteger serial, CertificateProfile profile) {
    Properties profiles = properties("profiles.properties");
    profiles.setProperty(serial.toString(16), profile.name());
    store(profiles, "profiles.properties");
  }

  private Properties properties(String name) {
    Properties p = new Properties();
    Path file = dir.resolve(name);
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return p;
  }

  private void store(Properties p, String name) {
    Map<Object, Object> sorted = new TreeMap<>(p);
    Properties out = new Properties();
    out.putAll(sorted);
    try (OutputStream stream = Files.newOutputStream(dir.resolve(name))) {
      out.store(stream, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String signatureAlgorithm(IssuedCredential signer) {
    return signer.privateKey().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
  }

  private interface Extensions {
    void add(X509v3CertificateBuilder builder, JcaX509ExtensionUtils utils) throws IOException;
  }

  private static Extensions caExtensions(int pathLength) {
    return (b, u) -> {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    };
  }

  private static Extensions endEntityExtensions(CertificateProfile profile, List<String> hosts) {
    return (b, u) -> {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      switch (profile) {
        case FACILITY_SIGNING -> b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        case HIS_TLS_CLIENT, ADMIN_TLS_CLIENT -> {
          b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
          b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        }
        case GATEWAY_TLS_SERVER -> {
          b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
          b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
          GeneralName[] names = hosts.stream()
              .map(h -> new GeneralName(IP_ADDRESS.matcher(h).matches() ? GeneralName.iPAddress : GeneralName.dNSName, h))
              .toArray(GeneralName[]::new);
          b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        case NO_SIGNING_USAGE -> b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyEncipherment));
        default -> throw new IllegalArgumentException(profile.name());
      }
    };
  }

  private static X509Certificate sign(X500Name issuer, KeyPair issuerKeys, X500Name subject, PublicKey subjectKey, BigInteger serial,
      Instant from, Instant to, KeyType issuerKeyType, Extensions extensions, X509Certificate issuerCert) {
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(from), Date.from(to), subject, subjectKey);
      builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          issuerCert == null ? utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()) : utils.createAuthorityKeyIdentifier(issuerCert));
      extensions.add(builder, utils);
      String algorithm = issuerKeys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : issuerKeyType.certificateSignatureAlgorithm();
      return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKeys.getPrivate())));
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot sign certificate for " + subject, e);
    }
  }
}
