package vn.healthgate.certs.xml;

import java.security.cert.X509Certificate;
import java.util.Optional;
import vn.healthgate.certs.SignatureAlgorithm;

/**
 * The outcome of verifying a signed document: valid, or the first check that failed and why.
 * Expected failures are results, not exceptions.
 */
public record VerificationResult(Failure failure, String detail, X509Certificate signer, SignatureAlgorithm algorithm) {

  /** Which check failed, in the order they run. */
  public enum Failure {
    NONE,
    MALFORMED,
    NOT_SIGNED,
    UNSUPPORTED_ALGORITHM,
    DIGEST_MISMATCH,
    SIGNATURE_VALUE,
    CERTIFICATE_NOT_YET_VALID,
    CERTIFICATE_EXPIRED,
    UNTRUSTED_CHAIN,
    CERTIFICATE_REVOKED,
    WRONG_KEY_USAGE,
    UNKNOWN_SIGNER
  }

  public static VerificationResult valid(X509Certificate signer, SignatureAlgorithm algorithm) {
    return new VerificationResult(Failure.NONE, "valid", signer, algorithm);
  }

  public static VerificationResult failed(Failure failure, String detail, X509Certificate signer, SignatureAlgorithm algorithm) {
    return new VerificationResult(failure, detail, signer, algorithm);
  }

  public boolean isValid() {
    return failure == Failure.NONE;
  }

  public Optional<X509Certificate> signerCertificate() {
    return Optional.ofNullable(signer);
  }
}
