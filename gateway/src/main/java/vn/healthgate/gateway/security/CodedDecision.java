package vn.healthgate.gateway.security;

import org.springframework.security.authorization.AuthorizationDecision;
import vn.healthgate.routes.error.ErrorCode;

/** An authorisation decision that, when it refuses, says which catalogue code the caller gets. */
final class CodedDecision extends AuthorizationDecision {
  private final ErrorCode code;

  private CodedDecision(boolean granted, ErrorCode code) {
    super(granted);
    this.code = code;
  }

  static CodedDecision granted() {
    return new CodedDecision(true, null);
  }

  static CodedDecision denied(ErrorCode code) {
    return new CodedDecision(false, code);
  }

  ErrorCode code() {
    return code;
  }
}
