package vn.healthgate.certs;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** The key types the facility PKI issues. */
public enum KeyType {
  RSA_2048("RSA", 2048),
  RSA_3072("RSA", 3072),
  EC_P256("EC", 256);

  private final String algorithm;
  private final int bits;

  KeyType(String algorithm, int bits) {
    this.algorithm = algorithm;
    this.bits = bits;
  }

  public KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (algorithm.equals("EC")) {
        generator.initialize(new ECGenParameterSpec("secp256r1"));
      } else {
        generator.initialize(bits);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate " + this, e);
    }
  }

  /** The JCA signature algorithm a certificate signed by a key of this type uses. */
  public String certificateSignatureAlgorithm() {
    return algorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
  }

  public static KeyType parse(String text) {
    return switch (text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_')) {
      case "RSA", "RSA_2048", "RSA2048" -> RSA_2048;
      case "RSA_3072", "RSA3072" -> RSA_3072;
      case "EC", "ECDSA", "EC_P256", "P256", "P_256" -> EC_P256;
      default -> throw new IllegalArgumentException("key type must be rsa-2048, rsa-3072 or ec-p256, not " + text);
    };
  }
}
