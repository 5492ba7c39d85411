package vn.healthgate.gateway.security;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import vn.healthgate.certs.ca.ClientIdentity;
import vn.healthgate.certs.tls.ClientCertificateCheck;
import vn.healthgate.gateway.config.ConfiguredFacilities;
import vn.healthgate.routes.error.ErrorCode;

/**
 * Identifies the caller of the HTTPS port by the client certificate the handshake accepted:
 * {@code certs}' {@link ClientCertificateCheck} with the injected clock (dates, chain, the live CRL,
 * {@code clientAuth} usage, the identity in the subject), then the facility must be onboarded.
 */
final class ClientCertificateAuthenticationProvider implements AuthenticationProvider {
  private static final Logger LOG = LoggerFactory.getLogger(ClientCertificateAuthenticationProvider.class);
  private final ClientCertificateCheck check;
  private final ConfiguredFacilities facilities;
  private final Clock clock;

  ClientCertificateAuthenticationProvider(ClientCertificateCheck check, ConfiguredFacilities facilities, Clock clock) {
    this.check = check;
    this.facilities = facilities;
    this.clock = clock;
  }

  /** The certificate chain a TLS client presented, not yet checked. */
  static final class Presented extends AbstractAuthenticationToken {
    private final X509Certificate[] chain;

    Presented(X509Certificate[] chain) {
      super(List.of());
      this.chain = chain.clone();
    }

    @Override
    public Object getCredentials() {
      return chain.clone();
    }

    @Override
    public Object getPrincipal() {
      return chain[0].getSubjectX500Principal().getName();
    }
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    X509Certificate[] chain = ((Presented) authentication).chain;
    ClientCertificateCheck.Result result = check.check(chain, clock.instant());
    if (!result.accepted()) {
      LOG.warn("client certificate serial {} refused: {} ({})", chain[0].getSerialNumber().toString(16), result.failure(), result.detail());
      throw new CallerRefused(result.failure() == ClientCertificateCheck.Failure.REVOKED ? ErrorCode.AUTH_CERT_REVOKED : ErrorCode.AUTH_CERT_REJECTED);
    }
    if (result.identity() instanceof ClientIdentity.Admin admin) {
      return new CallerAuthentication(Caller.admin(admin.name(), "certificate"));
    }
    String code = ((ClientIdentity.Facility) result.identity()).code();
    if (!facilities.all().containsKey(code)) {
      throw new CallerRefused(ErrorCode.FACILITY_NOT_ONBOARDED);
    }
    return new CallerAuthentication(Caller.facility(code, "certificate"));
  }

  @Override
  public boolean supports(Class<?> type) {
    return Presented.class.isAssignableFrom(type);
  }
}
