package vn.healthgate.certs.ca;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/**
 * How a facility is named in its certificates: {@code UID=CSKCB:70001, CN=<name>, O=<name>, ST=Bình Phước, C=VN}.
 * The facility code is read back from the {@code UID} attribute.
 */
public final class FacilityIdentity {
  private static final Pattern CODE = Pattern.compile("CSKCB:(\\d{5})");

  private FacilityIdentity() {}

  public static String subject(String facilityCode, String facilityName) {
    if (!facilityCode.matches("\\d{5}")) {
      throw new IllegalArgumentException("a facility code has 5 digits: " + facilityCode);
    }
    return "UID=CSKCB:" + facilityCode + ", CN=" + escape(facilityName) + ", O=" + escape(facilityName) + ", ST=Bình Phước, C=VN";
  }

  public static Optional<String> facilityCode(X509Certificate certificate) {
    String name = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    Matcher matcher = CODE.matcher(name);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  static String escape(String value) {
    return value.replace("\\", "\\\\").replace(",", "\\,").replace("+", "\\+").replace("\"", "\\\"").replace("<", "\\<").replace(">", "\\>").replace(";", "\\;").replace("=", "\\=");
  }
}
