package vn.healthgate.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/** The request as the rest of the application sees it: the caller as principal, role ADMIN for admins (actuator's "when-authorized"). */
final class CallerRequest extends HttpServletRequestWrapper {
  private final Caller caller;

  CallerRequest(HttpServletRequest request, Caller caller) {
    super(request);
    this.caller = caller;
  }

  @Override
  public Principal getUserPrincipal() {
    return caller::principal;
  }

  @Override
  public String getRemoteUser() {
    return caller.principal();
  }

  @Override
  public boolean isUserInRole(String role) {
    return caller.role().name().equals(role);
  }
}
