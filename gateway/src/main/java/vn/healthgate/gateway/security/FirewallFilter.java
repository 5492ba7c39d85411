package vn.healthgate.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;

/**
 * Runs the firewall before anything parses the path. Spring Security's own chain applies it too,
 * but Spring's path parsing runs ahead of that chain and fails (500) on a path that reaches a
 * servlet mapped under a prefix ({@code /fhir/*}, {@code /actuator/jolokia/*}) through a spelling
 * that does not start with that prefix. Registered right after the audit filter ({@link SecurityConfiguration}).
 */
final class FirewallFilter extends OncePerRequestFilter {
  private final HttpFirewall firewall;
  private final Refusals refusals;

  FirewallFilter(HttpFirewall firewall, Refusals refusals) {
    this.firewall = firewall;
    this.refusals = refusals;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    try {
      firewall.getFirewalledRequest(request);
    } catch (RequestRejectedException e) {
      refusals.handle(request, response, e);
      return;
    }
    chain.doFilter(request, response);
  }
}
