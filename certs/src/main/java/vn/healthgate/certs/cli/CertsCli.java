package vn.healthgate.certs.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import vn.healthgate.certs.KeyType;
import vn.healthgate.certs.SignatureAlgorithm;
import vn.healthgate.certs.ca.CertificateAuthority;
import vn.healthgate.certs.ca.CertificateProfile;
import vn.healthgate.certs.ca.IssuedCredential;
import vn.healthgate.certs.ca.KeyStores;
import vn.healthgate.certs.ca.Pem;
import vn.healthgate.certs.ca.RevocationReason;
import vn.healthgate.certs.xml.SecureXml;
import vn.healthgate.certs.xml.SignaturePlacement;
import vn.healthgate.certs.xml.TrustStore;
import vn.healthgate.certs.xml.VerificationResult;
import vn.healthgate.certs.xml.XmlSigner;
import vn.healthgate.certs.xml.XmlVerifier;

/**
 * The admins' command-line tool: {@code init}, {@code issue}, {@code revoke}, {@code list},
 * {@code crl}, {@code sign}, {@code verify}. Passwords come from environment variables, never from
 * arguments (which other users of the host can see).
 *
 * <p>Exit codes: 0 done / signature valid, 1 signature invalid, 2 wrong usage, 3 the operation failed.
 */
public final class CertsCli {
  public static final int OK = 0;
  public static final int INVALID = 1;
  public static final int USAGE = 2;
  public static final int FAILED = 3;

  static final String CA_PASSWORD_ENV = "CERTS_CA_PASSWORD";
  static final String KEYSTORE_PASSWORD_ENV = "CERTS_KEYSTORE_PASSWORD";

  private static final String USAGE_TEXT = """
      usage: certs <command> [options]     (certs <command> --help for details)
        init     create a CA (root and issuing CA) in a directory
        issue    issue a facility's signing and/or HIS TLS client certificate into a PKCS#12 key store
        issue-admin   issue an integration admin's client TLS certificate (role ADMIN at the gateway)
        issue-server  issue the gateway's TLS server certificate for its host names
        revoke   revoke an issued certificate with a reason and publish a new CRL
        list     list issued certificates and their status
        crl      publish a fresh CRL
        sign     sign an XML file (enveloped XML-DSig) with a key store
        verify   verify a signed XML file against a CA's certificates and CRL
      passwords: $CERTS_CA_PASSWORD (CA key stores), $CERTS_KEYSTORE_PASSWORD (issued/used key stores)
      exit codes: 0 ok / valid, 1 signature invalid, 2 wrong usage, 3 operation failed""";

  private static final Map<String, String> HELP = Map.ofEntries(
      Map.entry("issue-admin", "certs issue-admin --dir DIR --name NAME --out DIR [--key rsa-2048|rsa-3072|ec-p256] [--days N]\n"
          + "  writes <out>/admin-<name>.p12 (+ .pem); needs $CERTS_CA_PASSWORD and $CERTS_KEYSTORE_PASSWORD\n"
          + "  --days: days of validity from now, at least 1 (default 365)"),
      Map.entry("issue-server", "certs issue-server --dir DIR --host NAME[,NAME|IP...] --out FILE.p12 [--key rsa-2048|rsa-3072|ec-p256]\n"
          + "  the gateway's TLS server certificate; needs $CERTS_CA_PASSWORD and $CERTS_KEYSTORE_PASSWORD"),
      Map.entry("init", "certs init --dir DIR --name NAME [--key rsa-2048|rsa-3072|ec-p256]\n  needs $CERTS_CA_PASSWORD"),
      Map.entry("issue", "certs issue --dir DIR --facility CODE --facility-name NAME --out DIR [--usage signing|tls|both] [--key rsa-2048|rsa-3072|ec-p256] [--days N]\n"
          + "  writes <out>/<code>-signing.p12 / <code>-tls.p12 (+ .pem); needs $CERTS_CA_PASSWORD and $CERTS_KEYSTORE_PASSWORD\n"
          + "  --days: days of validity from now, at least 1 (default 365)"),
      Map.entry("revoke", "certs revoke --dir DIR --serial HEX [--reason key-compromise|ca-compromise|affiliation-changed|superseded|cessation-of-operation|unspecified]\n  needs $CERTS_CA_PASSWORD"),
      Map.entry("list", "certs list --dir DIR\n  needs $CERTS_CA_PASSWORD"),
      Map.entry("crl", "certs crl --dir DIR\n  writes <dir>/crl.pem; needs $CERTS_CA_PASSWORD"),
      Map.entry("sign", "certs sign --keystore FILE --in FILE --out FILE [--inside ELEMENT] [--algorithm rsa-sha256|ecdsa-sha256]\n"
          + "  without --inside the signature is the last child of the root; needs $CERTS_KEYSTORE_PASSWORD"),
      Map.entry("verify", "certs verify --dir DIR --in FILE [--at ISO-INSTANT]\n  trusts <dir>/root.pem, <dir>/issuing.pem and <dir>/crl.pem; prints VALID or the failed check"));

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final Clock clock;

  public CertsCli(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.clock = clock;
  }

  public static void main(String[] args) {
    System.exit(new CertsCli(System.out, System.err, System.getenv(), Clock.systemUTC()).run(args));
  }

  public int run(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      (args.length == 0 ? err : out).println(USAGE_TEXT);
      return args.length == 0 ? USAGE : OK;
    }
    String command = args[0];
    if (!HELP.containsKey(command)) {
      err.println("unknown command: " + command + "\n" + USAGE_TEXT);
      return USAGE;
    }
    Options options;
    try {
      options = Options.parse(List.of(args).subList(1, args.length));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage() + "\n" + HELP.get(command));
      return USAGE;
    }
    if (options.has("help")) {
      out.println(HELP.get(command));
      return OK;
    }
    try {
      return switch (command) {
        case "init" -> init(options);
        case "issue" -> issue(options);
        case "issue-admin" -> issueAdmin(options);
        case "issue-server" -> issueServer(options);
        case "revoke" -> revoke(options);
        case "list" -> list(options);
        case "crl" -> crl(options);
        case "sign" -> sign(options);
        case "verify" -> verify(options);
        default -> USAGE;
      };
    } catch (UsageException e) {
      err.println(e.getMessage() + "\n" + HELP.get(command));
      return USAGE;
    } catch (RuntimeException | SecureXml.InvalidXmlException e) {
      err.println("certs " + command + " failed: " + e.getMessage());
      return FAILED;
    }
  }

  private int init(Options o) {
    Path dir = Path.of(o.required("dir"));
    KeyType key = KeyType.parse(o.optional("key", "rsa-2048"));
    CertificateAuthority ca = CertificateAuthority.create(dir, o.required("name"), key, password(CA_PASSWORD_ENV), clock);
    out.println("CA created in " + dir);
    out.println("  root:    " + ca.rootCertificate().getSubjectX500Principal().getName());
    out.println("  issuing: " + ca.issuingCertificate().getSubjectX500Principal().getName());
    return OK;
  }

  private int issue(Options o) {
    Instant until = validUntil(o);
    CertificateAuthority ca = CertificateAuthority.open(Path.of(o.required("dir")), password(CA_PASSWORD_ENV), clock);
    String code = o.required("facility");
    String name = o.required("facility-name");
    Path outDir = Path.of(o.required("out"));
    KeyType key = KeyType.parse(o.optional("key", "rsa-2048"));
    String usage = o.optional("usage", "signing");
    if (!List.of("signing", "tls", "both").contains(usage)) {
      throw new UsageException("--usage is signing, tls or both");
    }
    char[] storePassword = password(KEYSTORE_PASSWORD_ENV);
    if (!usage.equals("tls")) {
      write(ca, new CertificateAuthority.IssueRequest(CertificateProfile.FACILITY_SIGNING, code, name, key, null, until), outDir.resolve(code + "-signing"), storePassword);
    }
    if (!usage.equals("signing")) {
      write(ca, new CertificateAuthority.IssueRequest(CertificateProfile.HIS_TLS_CLIENT, code, name, key, null, until), outDir.resolve(code + "-tls"), storePassword);
    }
    return OK;
  }

  private int issueAdmin(Options o) {
    Instant until = validUntil(o);
    CertificateAuthority ca = CertificateAuthority.open(Path.of(o.required("dir")), password(CA_PASSWORD_ENV), clock);
    String name = o.required("name");
    KeyType key = KeyType.parse(o.optional("key", "rsa-2048"));
    IssuedCredential credential = ca.issueAdmin(name, key, null, until);
    Path base = Path.of(o.required("out")).resolve("admin-" + name.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    Path p12 = Path.of(base + ".p12");
    KeyStores.save(p12, credential, password(KEYSTORE_PASSWORD_ENV));
    Pem.write(Path.of(base + ".pem"), credential.certificate());
    out.println("issued admin-tls-client certificate serial " + credential.certificate().getSerialNumber().toString(16) + " until "
        + credential.certificate().getNotAfter().toInstant() + " -> " + p12);
    return OK;
  }

  private int issueServer(Options o) {
    CertificateAuthority ca = CertificateAuthority.open(Path.of(o.required("dir")), password(CA_PASSWORD_ENV), clock);
    List<String> hosts = List.of(o.required("host").split(","));
    IssuedCredential credential = ca.issueServer(hosts.stream().map(String::trim).filter(h -> !h.isEmpty()).toList(), KeyType.parse(o.optional("key", "rsa-2048")));
    Path p12 = Path.of(o.required("out"));
    KeyStores.save(p12, credential, password(KEYSTORE_PASSWORD_ENV));
    out.println("issued gateway-tls-server certificate serial " + credential.certificate().getSerialNumber().toString(16) + " for " + hosts + " -> " + p12);
    return OK;
  }

  /**
   * The end of validity {@code --days} (default 365) from now: a whole number of days, at least 1 (0 or less would
   * issue a certificate already expired), ending before the year 10000 (the last date X.509 can state).
   */
  private Instant validUntil(Options o) {
    String text = o.optional("days", "365").trim();
    long days;
    try {
      days = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new UsageException("--days is a whole number of days, at least 1");
    }
    if (days < 1) {
      throw new UsageException("--days must be at least 1: a certificate valid for " + days + " days would be expired when issued");
    }
    Instant now = clock.instant();
    if (days > Duration.between(now, LAST_X509_INSTANT).toDays()) {
      throw new UsageException("--days " + days + " would end after the year 9999, which a certificate cannot state");
    }
    return now.plus(Duration.ofDays(days));
  }

  private static final Instant LAST_X509_INSTANT = Instant.parse("9999-12-31T23:59:59Z");

  private void write(CertificateAuthority ca, CertificateAuthority.IssueRequest request, Path base, char[] password) {
    IssuedCredential credential = ca.issue(request);
    Path p12 = Path.of(base + ".p12");
    KeyStores.save(p12, credential, password);
    Pem.write(Path.of(base + ".pem"), credential.certificate());
    out.println("issued " + request.profile().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " certificate serial "
        + credential.certificate().getSerialNumber().toString(16) + " for " + request.facilityCode() + " until "
        + credential.certificate().getNotAfter().toInstant() + " -> " + p12);
  }

  private int revoke(Options o) {
    CertificateAuthority ca = CertificateAuthority.open(Path.of(o.required("dir")), password(CA_PASSWORD_ENV), clock);
    BigInteger serial;
    try {
      serial = new BigInteger(o.required("serial"), 16);
    } catch (NumberFormatException e) {
      throw new UsageException("--serial is the hexadecimal serial number shown by 'certs list'");
    }
    RevocationReason reason;
    try {
      reason = RevocationReason.parse(o.optional("reason", "unspecified"));
    } catch (IllegalArgumentException e) {
      throw new UsageException("unknown --reason " + o.optional("reason", ""));
    }
    ca.revoke(serial, reason);
    out.println("revoked serial " + serial.toString(16) + " (" + reason.name() + "); CRL published to " + ca.directory().resolve("crl.pem"));
    return OK;
  }

  private int list(Options o) {
    CertificateAuthority ca = CertificateAuthority.open(Path.of(o.required("dir")), password(CA_PASSWORD_ENV), clock);
    out.printf("%-8s %-17s %-22s %-24s %s%n", "serial", "profile", "not after", "status", "subject");
    for (CertificateAuthority.Entry e : ca.list()) {
      String status = e.revoked() ? "REVOKED " + e.revokedFor().name() : e.notAfter().isBefore(clock.instant()) ? "EXPIRED" : "VALID";
      out.printf("%-8s %-17s %-22s %-24s %s%n", e.serial().toString(16), e.profile().name(), e.notAfter(), status, e.subject());
    }
    return OK;
  }

  private int crl(Options o) {
    CertificateAuthority ca = CertificateAuthority.open(Path.of(o.required("dir")), password(CA_PASSWORD_ENV), clock);
    var crl = ca.publishCrl();
    out.println("CRL with " + (crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size()) + " revoked certificate(s), next update "
        + crl.getNextUpdate().toInstant() + " -> " + ca.directory().resolve("crl.pem"));
    return OK;
  }

  private int sign(Options o) throws SecureXml.InvalidXmlException {
    IssuedCredential credential = KeyStores.load(Path.of(o.required("keystore")), password(KEYSTORE_PASSWORD_ENV));
    Path in = Path.of(o.required("in"));
    Path target = Path.of(o.required("out"));
    SignaturePlacement placement = o.has("inside") ? SignaturePlacement.insideElement(o.required("inside")) : SignaturePlacement.LAST_CHILD_OF_ROOT;
    SignatureAlgorithm algorithm = switch (o.optional("algorithm", SignatureAlgorithm.forKey(credential.privateKey()) == SignatureAlgorithm.ECDSA_SHA256 ? "ecdsa-sha256" : "rsa-sha256")) {
      case "rsa-sha256" -> SignatureAlgorithm.RSA_SHA256;
      case "ecdsa-sha256" -> SignatureAlgorithm.ECDSA_SHA256;
      default -> throw new UsageException("--algorithm is rsa-sha256 or ecdsa-sha256");
    };
    byte[] signed = XmlSigner.sign(readFile(in), credential, placement, algorithm);
    writeFile(target, signed);
    out.println("signed " + in + " -> " + target + " (" + algorithm.name() + ", " + credential.certificate().getSubjectX500Principal().getName() + ")");
    return OK;
  }

  private int verify(Options o) {
    Path dir = Path.of(o.required("dir"));
    Instant at;
    try {
      at = o.has("at") ? Instant.parse(o.required("at")) : clock.instant();
    } catch (DateTimeParseException e) {
      throw new UsageException("--at is an ISO instant such as 2026-11-26T08:00:00Z");
    }
    TrustStore trust = new TrustStore(List.of(Pem.readCertificate(dir.resolve("root.pem"))), List.of(Pem.readCertificate(dir.resolve("issuing.pem"))),
        Files.exists(dir.resolve("crl.pem")) ? List.of(Pem.readCrl(dir.resolve("crl.pem"))) : List.of());
    VerificationResult result = new XmlVerifier(trust).verify(readFile(Path.of(o.required("in"))), at);
    if (result.isValid()) {
      out.println("VALID " + result.algorithm().name() + " signed by " + result.signer().getSubjectX500Principal().getName());
      return OK;
    }
    out.println("INVALID " + result.failure().name() + ": " + result.detail());
    return INVALID;
  }

  private char[] password(String variable) {
    String value = env.get(variable);
    if (value == null || value.isEmpty()) {
      throw new UsageException("set the password in the environment variable $" + variable);
    }
    return value.toCharArray();
  }

  private static byte[] readFile(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void writeFile(Path file, byte[] content) {
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
