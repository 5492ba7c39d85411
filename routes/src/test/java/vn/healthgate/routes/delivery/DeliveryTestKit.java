package vn.healthgate.routes.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.healthgate.certs.KeyType;
import vn.healthgate.certs.ca.IssuedCredential;
import vn.healthgate.routes.portal.PortalClient;
import vn.healthgate.routes.portal.PortalSettings;
import vn.healthgate.routes.portal.ResilientPortal;

/** What the delivery tests share: a fixed clock, signing keys that work or not, stored documents, events recorded, a portal that is never called. */
final class DeliveryTestKit {
  static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** A facility signing credential: an EC P-256 key and a self-signed certificate (quick to make; the signer needs nothing more). */
  static final IssuedCredential VALID = selfSigned(KeyType.EC_P256.generate());

  private DeliveryTestKit() {}

  private static IssuedCredential selfSigned(KeyPair keys) {
    try {
      X500Name name = new X500Name("CN=Cơ sở KCB 70001, UID=CSKCB:70001");
      X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(NOW.minusSeconds(3600)),
          Date.from(NOW.plus(Duration.ofDays(365))), name, keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
      return new IssuedCredential(keys.getPrivate(), new JcaX509CertificateConverter().getCertificate(holder), List.of());
    } catch (OperatorCreationException | CertificateException e) {
      throw new IllegalStateException(e);
    }
  }

  static SigningKeys aValidKey() {
    return facility -> Optional.of(VALID);
  }

  /** The facility's credential with a private key the XML signer cannot use (an Ed25519 key where RSA or EC is expected). */
  static SigningKeys aKeyThatCannotSign() {
    PrivateKey ed25519;
    try {
      ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    IssuedCredential broken = new IssuedCredential(ed25519, VALID.certificate(), List.of());
    return facility -> Optional.of(broken);
  }

  static Map<String, String> checkInFields(String episode, String name) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("MA_LK", episode);
    fields.put("STT", "1");
    fields.put("MA_BN", "BN-1");
    fields.put("HO_TEN", name);
    fields.put("MA_CSKCB", "70001");
    return fields;
  }

  /** A check-in as intake stored it (possibly before today's validation rules existed), due now. */
  static Submission storedCheckIn(FakeOutbox outbox, String episode, String name) {
    PortalDocument document = new PortalDocument(DocumentKind.CHECK_IN, "70001", episode, "ADD", checkInFields(episode, name), List.of());
    return outbox.insert(document, DocumentJson.write(document), DocumentJson.hash(document), null, NOW);
  }

  /** The row as an earlier attempt left it: {@code attempts} spent, maybe signed. */
  static Submission afterEarlierAttempts(FakeOutbox outbox, Submission s, int attempts, String signedDocument) {
    return outbox.put(new Submission(s.id(), s.kind(), s.facilityCode(), s.businessKey(), s.operation(),
        signedDocument == null ? SubmissionStatus.RECEIVED : SubmissionStatus.SENT, attempts, "earlier", NOW, s.payload(), s.payloadHash(),
        signedDocument, null, null, null, s.createdAt(), NOW, null, null));
  }

  /** Breakers on the fixed clock, as the gateway's take the application's. */
  static CircuitBreakerRegistry breakers() {
    return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom().clock(CLOCK).build());
  }

  /** The real breakers and time limits of the portal, around a client no test lets reach the network. */
  static ResilientPortal portal(CircuitBreakerRegistry breakers) {
    PortalSettings settings = new PortalSettings(URI.create("http://127.0.0.1:9"), Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(60),
        Duration.ofMinutes(50), Duration.ofMillis(100));
    return new ResilientPortal(new PortalClient(settings, CLOCK), breakers, TimeLimiterRegistry.ofDefaults());
  }

  /** Events as the gateway's metrics would count them. */
  static final class RecordedEvents implements DeliveryEvents {
    final List<String> outcomes = new ArrayList<>();

    @Override
    public synchronized void attemptEnded(DocumentKind kind, String facilityCode, Outcome outcome, Duration took) {
      outcomes.add(kind.endpoint().id() + " " + facilityCode + " " + outcome.name().toLowerCase(java.util.Locale.ROOT));
    }

    synchronized List<String> outcomes() {
      return List.copyOf(outcomes);
    }
  }
}
