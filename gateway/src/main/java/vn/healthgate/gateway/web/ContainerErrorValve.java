package vn.healthgate.gateway.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.healthgate.routes.error.ErrorCode;

/**
 * Tomcat's own error report (requests refused before any servlet or filter ran: an unparseable
 * request line or header, an unknown transfer coding or HTTP version) in the catalogue's format
 * instead of Tomcat's HTML page; a transfer coding or version Tomcat does not implement is the
 * client's mistake here, so 400, not 501 or 505. One WARN line per refusal, no stack trace, and an
 * audit entry through the {@link RefusalRecorder}. Installed on the host by {@link ContainerErrors}.
 */
public class ContainerErrorValve extends ErrorReportValve {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerErrorValve.class);
  private final java.util.function.Supplier<RefusalRecorder> recorder;

  /** Tomcat's own instance (by class name) records nothing; {@link ContainerErrors} installs one that does. */
  public ContainerErrorValve() {
    this(() -> null);
  }

  ContainerErrorValve(java.util.function.Supplier<RefusalRecorder> recorder) {
    this.recorder = recorder;
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    ErrorCode code = status == HttpServletResponse.SC_NOT_IMPLEMENTED || status == HttpServletResponse.SC_HTTP_VERSION_NOT_SUPPORTED
        ? ErrorCode.HTTP_MALFORMED : ProblemResponses.forStatus(status);
    String correlationId = UUID.randomUUID().toString();
    String uri = request.getDecodedRequestURI();
    if (uri == null || uri.isEmpty()) {
      uri = request.getCoyoteRequest().requestURI().toString();
    }
    String path = uri == null || uri.isEmpty() ? "/" : uri;
    LOG.warn("refused {} at the HTTP layer: {} {} [cid={}]", status, code.code(), throwable == null ? "" : throwable.getClass().getSimpleName(), correlationId);
    record(request.getMethod(), path, code.httpStatus(), correlationId);
    try {
      response.setStatus(code.httpStatus());
      response.setHeader(CorrelationIdFilter.HEADER, correlationId);
      response.setCharacterEncoding("UTF-8");
      Object document;
      if (RequestPaths.fhir(path)) {
        response.setContentType(ProblemResponses.FHIR_JSON);
        document = ProblemResponses.operationOutcome(code, null);
      } else {
        response.setContentType(ProblemResponses.PROBLEM_JSON.toString());
        document = ProblemResponses.body(code, null, java.util.List.of(), RequestPaths.masked(path), correlationId);
      }
      java.io.Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(ProblemResponses.json(document));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      LOG.debug("could not write the error report: {}", e.toString());
    }
  }

  private void record(String method, String path, int status, String correlationId) {
    RefusalRecorder audit = recorder.get();
    if (audit == null) {
      return;
    }
    try {
      audit.record(method == null || method.isEmpty() ? "-" : method, RequestPaths.masked(path), status, correlationId);
    } catch (RuntimeException e) {
      LOG.error("audit entry for a refusal at the HTTP layer not written: {} [cid={}]", e.getClass().getSimpleName(), correlationId);
    }
  }
}
