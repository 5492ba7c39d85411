package vn.healthgate.certs.ca;

/** What a certificate is for. */
public enum CertificateProfile {
  /** The facility's organisation signing certificate: keyUsage digitalSignature + nonRepudiation. */
  FACILITY_SIGNING,
  /** A HIS client TLS certificate: keyUsage digitalSignature + keyEncipherment, extendedKeyUsage clientAuth. */
  HIS_TLS_CLIENT,
  /** Test only: a certificate without signing usage (keyEncipherment only). */
  NO_SIGNING_USAGE
}
