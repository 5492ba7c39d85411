package vn.healthgate.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.healthgate.routes.error.ErrorCode;

/**
 * TRACE is answered here, on every path, with 405 in the catalogue's format (audited like any
 * request), instead of by Tomcat with an empty body; no servlet ever echoes a request back.
 * Tomcat lets TRACE through to the filters for this ({@link ContainerErrors}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class TraceRefusal extends OncePerRequestFilter {
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"TRACE".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    response.setHeader(HttpHeaders.ALLOW, "GET, HEAD, POST, PUT, OPTIONS");
    ProblemResponses.write(request, response, ErrorCode.METHOD_NOT_ALLOWED);
  }
}
