package vn.healthgate.certs;

import java.util.Optional;

/** XML-DSig signature algorithms: SHA-256 ones for signing, RSA-SHA1 accepted on verification of legacy documents. */
public enum SignatureAlgorithm {
  RSA_SHA256("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "http://www.w3.org/2001/04/xmlenc#sha256", true),
  ECDSA_SHA256("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", "http://www.w3.org/2001/04/xmlenc#sha256", true),
  RSA_SHA1("http://www.w3.org/2000/09/xmldsig#rsa-sha1", "http://www.w3.org/2000/09/xmldsig#sha1", false);

  private final String uri;
  private final String digestUri;
  private final boolean current;

  SignatureAlgorithm(String uri, String digestUri, boolean current) {
    this.uri = uri;
    this.digestUri = digestUri;
    this.current = current;
  }

  public String uri() {
    return uri;
  }

  public String digestUri() {
    return digestUri;
  }

  /** False for algorithms accepted only when verifying legacy documents. */
  public boolean current() {
    return current;
  }

  public static Optional<SignatureAlgorithm> ofUri(String uri) {
    for (SignatureAlgorithm a : values()) {
      if (a.uri.equals(uri)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The default for a key: RSA-SHA256 for RSA keys, ECDSA-SHA256 for EC keys. */
  public static SignatureAlgorithm forKey(java.security.PrivateKey key) {
    return key.getAlgorithm().equals("EC") ? ECDSA_SHA256 : RSA_SHA256;
  }
}
