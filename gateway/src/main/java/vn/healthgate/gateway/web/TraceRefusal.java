package vn.healthgate.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import vn.healthgate.routes.error.ErrorCode;

/**
 * TRACE, which Tomcat lets through ({@link ContainerErrors}), is answered here with 405 in the
 * catalogue's format, after identification and the rules like any request: a servlet answering it
 * would echo the request, headers and credentials included. {@code Allow} names what the path takes
 * in Spring MVC (asked of its handler mappings); the FHIR server answers TRACE itself, with its own
 * {@code Allow}.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 1)
class TraceRefusal extends OncePerRequestFilter {
  private static final String GENERIC = "GET, HEAD, POST, OPTIONS";
  private final ObjectProvider<List<HandlerMapping>> mappings;

  TraceRefusal(ObjectProvider<List<HandlerMapping>> mappings) {
    this.mappings = mappings;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"TRACE".equals(request.getMethod()) || "fhir".equals(request.getHttpServletMapping().getServletName());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    response.setHeader(HttpHeaders.ALLOW, "dispatcherServlet".equals(request.getHttpServletMapping().getServletName()) ? allowedInMvc(request) : GENERIC);
    ProblemResponses.write(request, response, ErrorCode.METHOD_NOT_ALLOWED);
  }

  /** The methods Spring MVC maps for this path, as its handler mappings report them for a method they do not take. */
  private String allowedInMvc(HttpServletRequest request) {
    Set<String> allowed = new TreeSet<>();
    ServletRequestPathUtils.parseAndCache(request);
    try {
      for (HandlerMapping mapping : mappings.getIfAvailable(List::of)) {
        try {
          mapping.getHandler(request);
        } catch (HttpRequestMethodNotSupportedException e) {
          if (e.getSupportedHttpMethods() != null) {
            e.getSupportedHttpMethods().stream().map(HttpMethod::name).forEach(allowed::add);
          }
        } catch (Exception e) {
          // a mapping that cannot judge this request names no method
        }
      }
    } finally {
      ServletRequestPathUtils.clearParsedRequestPath(request);
    }
    return allowed.isEmpty() ? GENERIC : String.join(", ", allowed);
  }
}
