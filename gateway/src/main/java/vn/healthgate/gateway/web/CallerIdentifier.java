package vn.healthgate.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.cert.X509Certificate;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.healthgate.certs.ca.ClientIdentity;
import vn.healthgate.certs.tls.ClientCertificateCheck;
import vn.healthgate.gateway.config.ConfiguredFacilities;
import vn.healthgate.gateway.config.GatewayProperties;
import vn.healthgate.routes.error.ErrorCode;

/**
 * Who a request comes from: the client certificate of the HTTPS port (checked against the live CRL
 * with the injected clock), or, in the development run only, the admin page's session or the
 * {@code X-Api-Key} header. The answer is a caller or the refusal code.
 */
final class CallerIdentifier {
  private static final Logger LOG = LoggerFactory.getLogger(CallerIdentifier.class);
  private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

  /** A caller, or why there is none. */
  record Identified(Caller caller, ErrorCode refusal) {
    static Identified as(Caller caller) {
      return new Identified(caller, null);
    }

    static Identified refused(ErrorCode code) {
      return new Identified(null, code);
    }
  }

  private final ConfiguredFacilities facilities;
  private final GatewayProperties properties;
  private final ClientCertificateCheck certificates;
  private final Clock clock;

  /** @param certificates null when the HTTPS listener is off */
  CallerIdentifier(ConfiguredFacilities facilities, GatewayProperties properties, ClientCertificateCheck certificates, Clock clock) {
    this.facilities = facilities;
    this.properties = properties;
    this.certificates = certificates;
    this.clock = clock;
  }

  Identified identify(HttpServletRequest request) {
    if (request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain && certificates != null) {
      return byCertificate(chain);
    }
    if (!properties.devApiKeys()) {
      return Identified.refused(ErrorCode.AUTH_MISSING);
    }
    HttpSession session = request.getSession(false);
    if (session != null && Boolean.TRUE.equals(session.getAttribute(FacilityAuthFilter.ADMIN_SESSION))) {
      return Identified.as(Caller.admin("development admin page", "session"));
    }
    String key = request.getHeader(FacilityAuthFilter.API_KEY_HEADER);
    if (key == null || key.isBlank()) {
      return Identified.refused(ErrorCode.AUTH_MISSING);
    }
    String adminKey = properties.adminApiKey();
    if (adminKey != null && !adminKey.isBlank() && adminKey.equals(key.trim())) {
      return Identified.as(Caller.admin("development admin key", "api-key"));
    }
    return facilities.facilityForApiKey(key.trim())
        .map(code -> Identified.as(Caller.facility(code, "api-key")))
        .orElseGet(() -> Identified.refused(ErrorCode.AUTH_INVALID));
  }

  private Identified byCertificate(X509Certificate[] chain) {
    ClientCertificateCheck.Result result = certificates.check(chain, clock.instant());
    if (!result.accepted()) {
      LOG.warn("client certificate serial {} refused: {} ({})", chain[0].getSerialNumber().toString(16), result.failure(), result.detail());
      return Identified.refused(result.failure() == ClientCertificateCheck.Failure.REVOKED ? ErrorCode.AUTH_CERT_REVOKED : ErrorCode.AUTH_CERT_REJECTED);
    }
    if (result.identity() instanceof ClientIdentity.Admin admin) {
      return Identified.as(Caller.admin(admin.name(), "certificate"));
    }
    String code = ((ClientIdentity.Facility) result.identity()).code();
    return facilities.all().containsKey(code) ? Identified.as(Caller.facility(code, "certificate")) : Identified.refused(ErrorCode.FACILITY_NOT_ONBOARDED);
  }
}
