package vn.healthgate.certs.ca;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Who a client TLS certificate names: a facility (its subject carries {@code UID=CSKCB:<code>}) or an
 * integration admin ({@code CN=<name>, OU=Healthgate Admins}). The CA decides which: it alone puts
 * these attributes into subjects.
 */
public sealed interface ClientIdentity {
  /** The organisational unit that marks an admin certificate. */
  String ADMIN_UNIT = "Healthgate Admins";

  /** A facility's HIS, acting for facility {@code code}. */
  record Facility(String code) implements ClientIdentity {}

  /** An integration admin, role ADMIN. */
  record Admin(String name) implements ClientIdentity {}

  static String adminSubject(String adminName) {
    if (adminName == null || adminName.isBlank()) {
      throw new IllegalArgumentException("an admin certificate names its holder");
    }
    return "CN=" + FacilityIdentity.escape(adminName.trim()) + ", OU=" + ADMIN_UNIT + ", O=Healthgate, C=VN";
  }

  /** The identity a certificate's subject names, if any (a facility code wins over an admin unit). */
  static Optional<ClientIdentity> of(X509Certificate certificate) {
    Optional<String> facility = FacilityIdentity.facilityCode(certificate);
    if (facility.isPresent()) {
      return Optional.of(new Facility(facility.get()));
    }
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    boolean admin = false;
    for (RDN unit : subject.getRDNs(BCStyle.OU)) {
      admin |= ADMIN_UNIT.equals(IETFUtils.valueToString(unit.getFirst().getValue()));
    }
    RDN[] names = subject.getRDNs(BCStyle.CN);
    if (admin && names.length > 0) {
      return Optional.of(new Admin(IETFUtils.valueToString(names[0].getFirst().getValue())));
    }
    return Optional.empty();
  }
}
