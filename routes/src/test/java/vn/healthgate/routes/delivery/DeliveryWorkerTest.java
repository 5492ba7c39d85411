package vn.healthgate.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.junit.jupiter.api.Test;
import vn.healthgate.certs.KeyType;
import vn.healthgate.certs.ca.IssuedCredential;

/**
 * A document that cannot be signed (its facility's key cannot sign, or its text cannot be serialised) spends an attempt on
 * every try, keeps the reason and ends DEAD_LETTER when the budget is spent, instead of escaping the delivery batch.
 */
class DeliveryWorkerTest {
  private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final int BUDGET = 3;
  private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5), BUDGET, 0.0);

  private final FakeOutbox outbox = new FakeOutbox();

  private DeliveryWorker worker(SigningKeys keys) {
    // signing fails before anything is sent: a sender without a portal is never asked
    return new DeliveryWorker(outbox, new DocumentSigner(keys), new PortalSender(null, null), RETRY, CLOCK, "test-node", 10, Duration.ofMinutes(2));
  }

  private static Map<String, String> checkInFields(String name) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("MA_LK", "LK-1");
    fields.put("STT", "1");
    fields.put("MA_BN", "BN-1");
    fields.put("HO_TEN", name);
    fields.put("MA_CSKCB", "70001");
    return fields;
  }

  /** A check-in as stored by intake (possibly before today's validation rules existed). */
  private Submission stored(String name) {
    PortalDocument document = new PortalDocument(DocumentKind.CHECK_IN, "70001", "LK-1", "ADD", checkInFields(name), List.of());
    return outbox.insert(document, DocumentJson.write(document), DocumentJson.hash(document), null, NOW);
  }

  /** A facility signing credential: an EC P-256 key and a self-signed certificate (quick to make; the signer needs nothing more). */
  private static final IssuedCredential VALID = selfSigned(KeyType.EC_P256.generate());

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

  private static SigningKeys aValidKey() {
    return facility -> Optional.of(VALID);
  }

  /** The facility's credential with a private key the XML signer cannot use (an Ed25519 key where RSA or EC is expected). */
  private static SigningKeys aKeyThatCannotSign() {
    PrivateKey ed25519;
    try {
      ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    IssuedCredential broken = new IssuedCredential(ed25519, VALID.certificate(), List.of());
    return facility -> Optional.of(broken);
  }

  /** Runs delivery attempts on the stored row until it leaves the queue, at most {@code max} times. */
  private List<Submission> attempts(DeliveryWorker worker, String id, int max) {
    List<Submission> after = new java.util.ArrayList<>();
    for (int i = 0; i < max && outbox.get(id).status() != SubmissionStatus.DEAD_LETTER; i++) {
      worker.deliver(outbox.get(id));
      after.add(outbox.get(id));
    }
    return after;
  }

  @Test
  void aDocumentWhoseKeyCannotSignSpendsItsAttemptsAndEndsDeadLetterWithTheReason() {
    String id = stored("NGUYỄN VĂN AN").id();

    List<Submission> after = attempts(worker(aKeyThatCannotSign()), id, BUDGET + 2);

    assertThat(after).hasSize(BUDGET);
    assertThat(after.get(0).status()).isEqualTo(SubmissionStatus.RECEIVED);
    assertThat(after.get(0).attempts()).isEqualTo(1);
    assertThat(after.get(0).nextAttemptAt()).isEqualTo(NOW.plusSeconds(2));
    assertThat(after.get(0).lastError()).startsWith("signing failed: IllegalStateException: cannot sign the document");
    assertThat(after.get(1).attempts()).isEqualTo(2);
    assertThat(after.get(1).nextAttemptAt()).isEqualTo(NOW.plusSeconds(4));
    Submission last = outbox.get(id);
    assertThat(last.status()).isEqualTo(SubmissionStatus.DEAD_LETTER);
    assertThat(last.attempts()).isEqualTo(BUDGET);
    assertThat(last.lastError()).isEqualTo("signing failed: IllegalStateException: cannot sign the document (caused by InvalidKeyException)");
    assertThat(last.signedDocument()).isNull();
  }

  @Test
  void aDocumentWhoseTextCannotBeSerialisedEndsDeadLetterInsteadOfEscapingTheBatch() {
    // accepted before intake refused such text: a lone surrogate in the name
    String id = stored("NGUYỄN VĂN AN\uD800").id();

    attempts(worker(aValidKey()), id, BUDGET + 2);

    Submission last = outbox.get(id);
    assertThat(last.status()).isEqualTo(SubmissionStatus.DEAD_LETTER);
    assertThat(last.attempts()).isEqualTo(BUDGET);
    assertThat(last.lastError()).isEqualTo("signing failed: IllegalStateException: cannot serialise XML (caused by IOException)");
    assertThat(last.lastError()).doesNotContain("NGUYỄN");
  }

  @Test
  void anUnreadableStoredDocumentEndsDeadLetterWithTheReason() {
    Submission good = stored("NGUYỄN VĂN AN");
    String id = outbox.put(new Submission(good.id(), good.kind(), good.facilityCode(), good.businessKey(), good.operation(), good.status(), 0, null,
        NOW, "{not json", good.payloadHash(), null, null, null, null, NOW, NOW, null, null)).id();

    attempts(worker(aValidKey()), id, BUDGET + 2);

    assertThat(outbox.get(id).status()).isEqualTo(SubmissionStatus.DEAD_LETTER);
    assertThat(outbox.get(id).attempts()).isEqualTo(BUDGET);
    assertThat(outbox.get(id).lastError()).startsWith("unreadable stored document: IllegalStateException: unreadable outbox payload");
  }
}
