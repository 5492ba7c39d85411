package vn.healthgate.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/** Builds RFC 9457 problem documents from the error catalogue: stable code, English and Vietnamese text, never a stack trace. */
public final class ProblemResponses {
  public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
  private static final String TYPE_BASE = "https://fhir.healthgate.vn/errors/";

  private ProblemResponses() {}

  public static Map<String, Object> body(ErrorCode code, String field, String path) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_BASE + code.code());
    body.put("title", code.english());
    body.put("status", code.httpStatus());
    body.put("code", code.code());
    body.put("detail", code.english());
    body.put("detailVi", code.vietnamese());
    if (field != null) {
      body.put("field", field);
    }
    if (path != null) {
      body.put("instance", path);
    }
    String cid = MDC.get(CorrelationIdFilter.MDC_KEY);
    if (cid != null) {
      body.put("correlationId", cid);
    }
    return body;
  }

  public static ResponseEntity<Map<String, Object>> entity(GatewayException e, String path) {
    ResponseEntity.BodyBuilder builder = ResponseEntity.status(e.errorCode().httpStatus()).contentType(PROBLEM_JSON);
    e.retryAfter().ifPresent(d -> builder.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(d)));
    return builder.body(body(e.errorCode(), e.field().orElse(null), path));
  }

  public static ResponseEntity<Map<String, Object>> entity(ErrorCode code, String path) {
    return ResponseEntity.status(code.httpStatus()).contentType(PROBLEM_JSON).body(body(code, null, path));
  }

  /** For filters, which run outside Spring MVC's exception handling. */
  public static void write(HttpServletResponse response, ObjectMapper json, ErrorCode code, HttpServletRequest request) throws IOException {
    response.setStatus(code.httpStatus());
    response.setContentType(PROBLEM_JSON.toString());
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body(code, null, request.getRequestURI()));
  }

  public static String retryAfterSeconds(Duration duration) {
    return String.valueOf(Math.max(1, (duration.toMillis() + 999) / 1000));
  }
}
