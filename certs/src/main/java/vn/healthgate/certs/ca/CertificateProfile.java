package vn.healthgate.certs.ca;

/** What a certificate is for. */
public enum CertificateProfile {
  /** The facility's organisation signing certificate: keyUsage digitalSignature + nonRepudiation. */
  FACILITY_SIGNING,
  /** A HIS client TLS certificate: keyUsage digitalSignature + keyEncipherment, extendedKeyUsage clientAuth; subject names the facility. */
  HIS_TLS_CLIENT,
  /** An integration admin's client TLS certificate: like {@link #HIS_TLS_CLIENT}, subject {@code CN=<admin>, OU=Healthgate Admins}. */
  ADMIN_TLS_CLIENT,
  /** The gateway's own TLS server certificate: extendedKeyUsage serverAuth, host names and addresses as subjectAltName. */
  GATEWAY_TLS_SERVER,
  /** Test only: a certificate without signing usage (keyEncipherment only). */
  NO_SIGNING_USAGE
}
