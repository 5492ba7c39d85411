package vn.healthgate.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import vn.healthgate.gateway.web.RequestPaths;
import vn.healthgate.routes.error.ErrorCode;

/**
 * Who may call what (docs/security.md, "Authorisation"), as authorisation managers whose refusals
 * carry their catalogue code. An anonymous request is refused without a code: Spring Security then
 * asks the caller to identify itself (401 {@code GW-AUTH-MISSING}).
 */
final class AccessRules {
  private AccessRules() {}

  /** Anyone, identified or not (the default run's API documentation). */
  static AuthorizationManager<RequestAuthorizationContext> anyone() {
    return new AuthorizationManager<>() {
      @Override
      @SuppressWarnings("deprecation")
      public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        return new AuthorizationDecision(true);
      }
    };
  }

  /** Any identified caller, facility or admin. */
  static AuthorizationManager<RequestAuthorizationContext> identified() {
    return rule((caller, request) -> CodedDecision.granted());
  }

  /** Facility endpoints: a facility acts for itself (handlers compare the facility a request names); an admin may not. */
  static AuthorizationManager<RequestAuthorizationContext> facility() {
    return rule((caller, request) -> caller.role() == Caller.Role.FACILITY ? CodedDecision.granted() : CodedDecision.denied(ErrorCode.FACILITY_ONLY));
  }

  /** Reading submissions: a facility its own, an admin all; an admin may only read. */
  static AuthorizationManager<RequestAuthorizationContext> facilityOrAdminReading() {
    return rule((caller, request) -> caller.role() == Caller.Role.FACILITY || reads(request)
        ? CodedDecision.granted() : CodedDecision.denied(ErrorCode.FACILITY_ONLY));
  }

  /** Admin endpoints: role ADMIN; an action (not a read) that a browser marks as coming from elsewhere is refused whatever the credential. */
  static AuthorizationManager<RequestAuthorizationContext> admin() {
    return rule((caller, request) -> {
      if (caller.role() != Caller.Role.ADMIN) {
        return CodedDecision.denied(ErrorCode.ADMIN_ONLY);
      }
      boolean foreign = BrowserOrigin.crossSite(request) || (caller.via().equals("session") && !BrowserOrigin.provenSameSite(request));
      return !reads(request) && foreign ? CodedDecision.denied(ErrorCode.ADMIN_ACTION_HEADER) : CodedDecision.granted();
    });
  }

  /** GET and HEAD, except Jolokia's exec and write, which act although they may come as GET. */
  private static boolean reads(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      return false;
    }
    String path = RequestPaths.of(request);
    return !(path.startsWith("/actuator/jolokia/exec") || path.startsWith("/actuator/jolokia/write"));
  }

  private interface Rule {
    CodedDecision decide(Caller caller, HttpServletRequest request);
  }

  private static AuthorizationManager<RequestAuthorizationContext> rule(Rule rule) {
    return new AuthorizationManager<>() {
      @Override
      @SuppressWarnings("deprecation")
      public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        if (!(authentication.get() instanceof CallerAuthentication identified)) {
          return new AuthorizationDecision(false);
        }
        return rule.decide(identified.getPrincipal(), context.getRequest());
      }
    };
  }
}
