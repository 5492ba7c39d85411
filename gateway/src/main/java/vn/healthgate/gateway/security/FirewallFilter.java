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
 * Runs the firewall before anything parses the path, and has it check every header and parameter. Spring Security's own chain applies it too,
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
      inspect(firewall.getFirewalledRequest(request));
    } catch (RequestRejectedException e) {
      refusals.handle(request, response, e);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * The firewall checks header and parameter values only when they are read; reading them all here
   * means a handler never meets the refusal as an exception of its own. A multipart body is left to
   * the handlers (none accepts one: 415).
   */
  private static void inspect(HttpServletRequest firewalled) {
    for (var names = firewalled.getHeaderNames(); names.hasMoreElements(); ) {
      for (var values = firewalled.getHeaders(names.nextElement()); values.hasMoreElements(); ) {
        values.nextElement();
      }
    }
    String type = firewalled.getContentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
      firewalled.getParameterMap().forEach((name, values) -> { });
    }
  }
}
