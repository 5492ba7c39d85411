package vn.healthgate.certs.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import vn.healthgate.certs.ca.ClientIdentity;
import vn.healthgate.certs.xml.TrustStore;

/**
 * Decides whether a TLS client certificate identifies someone: valid at the given time, chained to
 * the trusted CA, not revoked by the current CRL, issued for client authentication, naming a
 * facility or an admin. The TLS handshake already checks chain and dates; this check repeats them
 * against the live CRL and the injected time, and reports which one failed.
 */
public final class ClientCertificateCheck {
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  /** Which check failed, in the order they run. */
  public enum Failure { NONE, NO_CERTIFICATE, NOT_YET_VALID, EXPIRED, UNTRUSTED_CHAIN, REVOKED, NOT_FOR_CLIENT_AUTH, NO_IDENTITY }

  /** Accepted with an identity, or the failed check with a reason that names no person. */
  public record Result(Failure failure, String detail, ClientIdentity identity) {
    public boolean accepted() {
      return failure == Failure.NONE;
    }

    static Result failed(Failure failure, String detail) {
      return new Result(failure, detail, null);
    }
  }

  private final Supplier<TrustStore> trust;

  /** @param trust the current trust store; asked on every check so a newly published CRL takes effect at once */
  public ClientCertificateCheck(Supplier<TrustStore> trust) {
    this.trust = trust;
  }

  public Result check(X509Certificate[] chain, Instant at) {
    if (chain == null || chain.length == 0) {
      return Result.failed(Failure.NO_CERTIFICATE, "no client certificate");
    }
    X509Certificate leaf = chain[0];
    if (at.isBefore(leaf.getNotBefore().toInstant())) {
      return Result.failed(Failure.NOT_YET_VALID, "certificate valid only from " + leaf.getNotBefore().toInstant());
    }
    if (at.isAfter(leaf.getNotAfter().toInstant())) {
      return Result.failed(Failure.EXPIRED, "certificate expired on " + leaf.getNotAfter().toInstant());
    }
    TrustStore store = trust.get();
    if (!store.chains(leaf, at)) {
      return Result.failed(Failure.UNTRUSTED_CHAIN, "certificate not issued by the facility CA");
    }
    var revoked = store.revocation(leaf);
    if (revoked.isPresent()) {
      return Result.failed(Failure.REVOKED, TrustStore.describe(revoked.get()));
    }
    if (!forClientAuth(leaf)) {
      return Result.failed(Failure.NOT_FOR_CLIENT_AUTH, "certificate not issued for TLS client authentication");
    }
    Optional<ClientIdentity> identity = ClientIdentity.of(leaf);
    return identity.map(id -> new Result(Failure.NONE, "accepted", id))
        .orElseGet(() -> Result.failed(Failure.NO_IDENTITY, "certificate names neither a facility nor an admin"));
  }

  private static boolean forClientAuth(X509Certificate certificate) {
    try {
      List<String> usages = certificate.getExtendedKeyUsage();
      return usages != null && usages.contains(CLIENT_AUTH);
    } catch (CertificateParsingException e) {
      return false;
    }
  }
}
