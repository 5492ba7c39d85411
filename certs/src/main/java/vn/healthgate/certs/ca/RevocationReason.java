package vn.healthgate.certs.ca;

import java.util.Locale;
import org.bouncycastle.asn1.x509.CRLReason;

/** Why a certificate was revoked (RFC 5280 reason codes). */
public enum RevocationReason {
  UNSPECIFIED(CRLReason.unspecified),
  KEY_COMPROMISE(CRLReason.keyCompromise),
  CA_COMPROMISE(CRLReason.cACompromise),
  AFFILIATION_CHANGED(CRLReason.affiliationChanged),
  SUPERSEDED(CRLReason.superseded),
  CESSATION_OF_OPERATION(CRLReason.cessationOfOperation);

  private final int code;

  RevocationReason(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static RevocationReason ofCode(int code) {
    for (RevocationReason r : values()) {
      if (r.code == code) {
        return r;
      }
    }
    return UNSPECIFIED;
  }

  public static RevocationReason parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
