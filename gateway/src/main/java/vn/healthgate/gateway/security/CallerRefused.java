package vn.healthgate.gateway.security;

import org.springframework.security.core.AuthenticationException;
import vn.healthgate.routes.error.ErrorCode;

/** A credential was presented and refused; the catalogue code says why (revoked, unknown key, facility not onboarded…). */
final class CallerRefused extends AuthenticationException {
  private final ErrorCode code;

  CallerRefused(ErrorCode code) {
    super(code.code());
    this.code = code;
  }

  ErrorCode code() {
    return code;
  }
}
