package vn.healthgate.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import vn.healthgate.gateway.web.ProblemResponses;
import vn.healthgate.gateway.web.RequestPaths;
import vn.healthgate.routes.error.ErrorCode;

/**
 * How Spring Security's refusals reach the caller: the catalogue document in the format of the
 * path (problem+json, or an OperationOutcome on {@code /fhir/**}). In the development run, a browser
 * opening the admin page without a session is sent to its sign-in instead.
 */
final class Refusals implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {
  private final boolean adminSignIn;

  /** @param adminSignIn the development admin page's sign-in exists ({@code gateway.dev-api-keys}) */
  Refusals(boolean adminSignIn) {
    this.adminSignIn = adminSignIn;
  }

  void refuse(HttpServletRequest request, HttpServletResponse response, ErrorCode code) throws IOException {
    ProblemResponses.write(request, response, code);
  }

  /** No credential at all. */
  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
    String path = RequestPaths.of(request);
    if (adminSignIn && (path.equals("/admin") || path.equals("/admin/")) && "GET".equals(request.getMethod())) {
      response.sendRedirect("/admin/login");
      return;
    }
    refuse(request, response, ErrorCode.AUTH_MISSING);
  }

  /**
   * An identified caller the rules refuse: the code the rule gave, or, for a path no rule lists
   * ({@code denyAll}), 404: there is nothing there this caller may use.
   */
  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
    ErrorCode code = e instanceof AuthorizationDeniedException denied && denied.getAuthorizationResult() instanceof CodedDecision decision
        && decision.code() != null ? decision.code() : ErrorCode.NOT_FOUND;
    refuse(request, response, code);
  }

  /** The firewall refused an ambiguous path (encoded slash or dot, {@code ;}, {@code ..}, {@code //}) or header. */
  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e) throws IOException {
    refuse(request, response, ErrorCode.REQUEST_REJECTED);
  }
}
