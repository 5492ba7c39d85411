package vn.healthgate.gateway.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.healthgate.gateway.web.CorrelationIdFilter;
import vn.healthgate.gateway.web.Caller;
import vn.healthgate.gateway.web.FacilityAuthFilter;

/** Writes one audit entry per API call outcome (REST, FHIR and admin): who, facility, what, which document, result, correlation id. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class AuditFilter extends OncePerRequestFilter {
  private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
  private final AuditLog audit;

  public AuditFilter(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    boolean jolokiaWrite = path.startsWith("/actuator/jolokia") && !"GET".equals(request.getMethod());
    return !(path.startsWith("/api/") || path.startsWith("/fhir/") || path.equals("/admin") || path.startsWith("/admin/") || jolokiaWrite)
        || path.equals("/fhir/metadata");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } finally {
      String facility = (String) request.getAttribute(FacilityAuthFilter.FACILITY);
      Caller caller = (Caller) request.getAttribute(Caller.ATTRIBUTE);
      String actor = caller != null ? abbreviate(caller.principal(), 40) : "unidentified";
      String location = response.getHeader("Location");
      String document = location == null ? null : location.substring(location.lastIndexOf('/') + 1);
      String path = request.getRequestURI();
      try {
        audit.append(actor, facility, request.getMethod() + " " + (path.length() > 190 ? path.substring(0, 190) : path), document,
            String.valueOf(response.getStatus()), (String) request.getAttribute(CorrelationIdFilter.MDC_KEY));
      } catch (RuntimeException e) {
        LOG.error("could not write the audit entry for {} {}: {}", request.getMethod(), path, e.getClass().getSimpleName());
      }
    }
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
