package vn.healthgate.gateway.operations.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.healthgate.gateway.security.Caller;
import vn.healthgate.gateway.web.CorrelationIdFilter;
import vn.healthgate.gateway.web.ProblemResponses;
import vn.healthgate.gateway.web.RefusalRecorder;
import vn.healthgate.gateway.web.RequestPaths;
import vn.healthgate.routes.error.ErrorCode;

/**
 * One audit entry per request, written before the answer leaves: who (the caller Spring Security
 * identified), facility, method and the path the request was dispatched on, the document an intake
 * created or the path names, the status, the correlation id. It wraps everything else, so requests refused by the
 * firewall, authentication or authorisation are recorded too. The answer is held in memory until
 * the entry is committed; if it cannot be, the caller gets 503 {@code GW-AUDIT-UNAVAILABLE} instead
 * of an unaudited answer. Only quiet reads (health, the CapabilityStatement, the sign-in page and
 * static files) are left out, unless they are refused; requests Tomcat refuses before any filter
 * runs reach the trail through {@link RefusalRecorder}. Each refused request (4xx) is logged in one
 * WARN line with its code; no stack trace. Paths are written with long digit runs masked.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class AuditFilter extends OncePerRequestFilter implements RefusalRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
  private final AuditLog audit;

  public AuditFilter(AuditLog audit) {
    this.audit = audit;
  }

  /** Reads nobody needs in the audit trail: probes, the CapabilityStatement, the sign-in page and static files. */
  static boolean quiet(String method, String path) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return false;
    }
    return path.equals("/actuator/health") || path.startsWith("/actuator/health/") || path.equals("/fhir/metadata") || path.equals("/admin/login")
        || path.startsWith("/admin/assets/") || (path.startsWith("/actuator/hawtio/") && staticFile(path));
  }

  private static boolean staticFile(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.matches(".+\\.(js|css|map|png|svg|ico|woff2?|ttf|html)");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    String path = RequestPaths.of(request);
    HeldResponse held = new HeldResponse(response, request);
    Throwable failure = null;
    try {
      chain.doFilter(request, held);
    } catch (IOException | ServletException | RuntimeException e) {
      failure = e;
    }
    int status = failure == null ? held.getStatus() : 500;
    if (failure == null) {
      held.documentAnEmptyError();
    }
    boolean quiet = quiet(request.getMethod(), path) && status < 400;
    if (!quiet) {
      try {
        record(request, status, held.getHeader("Location"), path);
      } catch (RuntimeException e) {
        LOG.error("audit entry for {} {} not written ({}): answering 503 {} instead", request.getMethod(), RequestPaths.masked(path),
            e.getClass().getSimpleName(), ErrorCode.AUDIT_UNAVAILABLE.code());
        if (!response.isCommitted()) {
          response.reset();
          response.setHeader(CorrelationIdFilter.HEADER, (String) request.getAttribute(CorrelationIdFilter.MDC_KEY));
          response.setHeader("Retry-After", "1");
          ProblemResponses.write(request, response, ErrorCode.AUDIT_UNAVAILABLE);
          return;
        }
      }
    }
    if (failure instanceof IOException e) {
      throw e;
    }
    if (failure instanceof ServletException e) {
      throw e;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    held.copyBodyToResponse();
  }

  /** A request Tomcat refused before any filter ran ({@code ContainerErrorValve}). */
  @Override
  public void record(String method, String path, int status, String correlationId) {
    audit.append("unidentified", null, method + " " + path, null, String.valueOf(status), correlationId);
  }

  private void record(HttpServletRequest request, int status, String location, String path) {
    Caller caller = Caller.of(request);
    String actor = caller != null ? caller.principal() : "unidentified";
    String document = document(location, path);
    if (status >= 400 && status < 500) {
      Object code = request.getAttribute(ProblemResponses.CODE);
      Object field = request.getAttribute(ProblemResponses.FIELD);
      LOG.warn("refused {} {} {} {}{} ({})", request.getMethod(), RequestPaths.masked(path), status, code instanceof ErrorCode c ? c.code() : "-",
          field == null ? "" : " " + field, actor);
    }
    audit.append(actor, Caller.facilityOf(request), action(request, path), document, String.valueOf(status),
        (String) request.getAttribute(CorrelationIdFilter.MDC_KEY));
  }

  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern NAMES_A_SUBMISSION = Pattern.compile("/api/v1/(?:submissions|admin/dead-letters)/(" + UUID.pattern() + ")(?:/.*)?");

  /**
   * The document an entry is about, so that a document's history can be read back ({@code document_id}): the one an intake
   * created (its {@code Location}; a FHIR {@code Location} may end in {@code /_history/1}), else the submission the path names
   * (a status read, the signed document, a dead-letter replay).
   */
  static String document(String location, String path) {
    if (location != null) {
      Matcher id = UUID.matcher(location);
      return id.find() ? id.group() : location.substring(location.lastIndexOf('/') + 1);
    }
    Matcher named = NAMES_A_SUBMISSION.matcher(path);
    return named.matches() ? named.group(1) : null;
  }

  /** Method and dispatched path; for a path the firewall refused, also its raw spelling (the evidence of what was tried). */
  private static String action(HttpServletRequest request, String path) {
    String raw = request.getRequestURI();
    boolean rejected = request.getAttribute(ProblemResponses.CODE) == ErrorCode.REQUEST_REJECTED;
    return request.getMethod() + " " + RequestPaths.masked(path) + (rejected && raw != null && !raw.equals(path) ? " (sent as " + RequestPaths.masked(raw) + ")" : "");
  }
}
