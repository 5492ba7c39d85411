package vn.healthgate.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.ResponseEntity;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.fhir.FhirIdentifiers;

/**
 * The error catalogue as documents: RFC 9457 problem+json on {@code /api/**} and everything else,
 * a FHIR {@code OperationOutcome} on {@code /fhir/**}; stable code, English and Vietnamese text,
 * never a stack trace. Whoever writes one leaves its code in the request attribute {@link #CODE}
 * so the audit filter can log the refusal in one line.
 */
public final class ProblemResponses {
  public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
  public static final String FHIR_JSON = "application/fhir+json;charset=UTF-8";
  /** Request attribute: the {@link ErrorCode} of the answer, and the field it names (attribute {@link #FIELD}). */
  public static final String CODE = "gateway.error-code";
  public static final String FIELD = "gateway.error-field";
  private static final String TYPE_BASE = "https://fhir.healthgate.vn/errors/";
  /** Writes problems outside Spring MVC (filters, the container valve) exactly as MVC's converter does. */
  static final ObjectMapper JSON = new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

  private ProblemResponses() {}

  /** The {@code type} of a catalogue code's problem document. */
  public static URI type(ErrorCode code) {
    return URI.create(TYPE_BASE + code.code());
  }

  public static ProblemDetail body(ErrorCode code, String field, String path) {
    return body(code, field, List.of(), path, MDC.get(CorrelationIdFilter.MDC_KEY));
  }

  /**
   * RFC 9457 with the catalogue's members: {@code code}, {@code detailVi}, the {@code field} at fault,
   * the {@code allowed} values of an enumerated parameter (also named in {@code detail}) and the
   * {@code correlationId}.
   */
  static ProblemDetail body(ErrorCode code, String field, List<String> allowed, String path, String correlationId) {
    ProblemDetail body = ProblemDetail.forStatus(code.httpStatus());
    body.setType(type(code));
    body.setTitle(code.english());
    body.setProperty("code", code.code());
    body.setDetail(allowed.isEmpty() ? code.english() : code.english() + " Allowed values: " + String.join(", ", allowed) + ".");
    body.setProperty("detailVi", allowed.isEmpty() ? code.vietnamese() : code.vietnamese() + " Giá trị hợp lệ: " + String.join(", ", allowed) + ".");
    if (field != null) {
      body.setProperty("field", field);
    }
    if (!allowed.isEmpty()) {
      body.setProperty("allowed", allowed);
    }
    if (path != null) {
      body.setInstance(instance(path));
    }
    if (correlationId != null) {
      body.setProperty("correlationId", correlationId);
    }
    return body;
  }

  /** The (masked) path as a URI; characters a URI cannot hold (a request the container refused) are escaped. */
  private static URI instance(String path) {
    try {
      return new URI(path);
    } catch (URISyntaxException e) {
      try {
        return new URI(null, null, path, null);
      } catch (URISyntaxException again) {
        return URI.create("/");
      }
    }
  }

  /** The document as JSON text, for writers outside Spring MVC. */
  static String json(Object document) throws IOException {
    return JSON.writeValueAsString(document);
  }

  /** The same error as a FHIR R4 OperationOutcome (the shape {@code FhirErrors} builds with HAPI's model). */
  public static Map<String, Object> operationOutcome(ErrorCode code, String field) {
    Map<String, Object> coding = new LinkedHashMap<>();
    coding.put("system", FhirIdentifiers.GATEWAY_ERROR);
    coding.put("code", code.code());
    coding.put("display", code.english());
    Map<String, Object> issue = new LinkedHashMap<>();
    issue.put("severity", "error");
    issue.put("code", issueType(code));
    issue.put("details", Map.of("coding", List.of(coding), "text", code.english()));
    issue.put("diagnostics", code.vietnamese());
    if (field != null) {
      issue.put("expression", List.of(field));
    }
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("resourceType", "OperationOutcome");
    outcome.put("issue", List.of(issue));
    return outcome;
  }

  /** The FHIR issue type for a catalogue code's status. */
  public static String issueType(ErrorCode code) {
    return switch (code.httpStatus()) {
      case 401 -> "login";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405, 406, 415 -> "not-supported";
      case 413 -> "too-long";
      case 429 -> "throttled";
      case 503 -> "transient";
      case 500 -> "exception";
      default -> "invalid";
    };
  }

  public static ResponseEntity<ProblemDetail> entity(GatewayException e, HttpServletRequest request) {
    remember(request, e.errorCode(), e.field().orElse(null));
    ResponseEntity.BodyBuilder builder = ResponseEntity.status(e.errorCode().httpStatus()).contentType(PROBLEM_JSON);
    e.retryAfter().ifPresent(d -> builder.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(d)));
    List<String> allowed = e instanceof InvalidParameter invalid ? invalid.allowed() : List.of();
    return builder.body(body(e.errorCode(), e.field().orElse(null), allowed, RequestPaths.masked(RequestPaths.of(request)), MDC.get(CorrelationIdFilter.MDC_KEY)));
  }

  public static ResponseEntity<ProblemDetail> entity(ErrorCode code, HttpServletRequest request) {
    return entity(code, null, request);
  }

  public static ResponseEntity<ProblemDetail> entity(ErrorCode code, String field, HttpServletRequest request) {
    remember(request, code, field);
    return ResponseEntity.status(code.httpStatus()).contentType(PROBLEM_JSON).body(body(code, field, RequestPaths.masked(RequestPaths.of(request))));
  }

  /** For filters and handlers outside Spring MVC: the document in the format of the request's path. */
  public static void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code) throws IOException {
    write(request, response, code, null);
  }

  public static void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String field) throws IOException {
    remember(request, code, field);
    String path = RequestPaths.of(request);
    response.setStatus(code.httpStatus());
    response.setCharacterEncoding("UTF-8");
    if (RequestPaths.fhir(path)) {
      response.setContentType(FHIR_JSON);
      JSON.writeValue(response.getOutputStream(), operationOutcome(code, field));
    } else {
      response.setContentType(PROBLEM_JSON.toString());
      JSON.writeValue(response.getOutputStream(), body(code, field, RequestPaths.masked(path)));
    }
  }

  /** Leaves the code (and field) of the answer in the request for the audit filter's log line. */
  public static void remember(HttpServletRequest request, ErrorCode code, String field) {
    request.setAttribute(CODE, code);
    if (field != null) {
      request.setAttribute(FIELD, field);
    }
  }

  /** The catalogue code for an HTTP status some component set without one (a container or library error). */
  public static ErrorCode forStatus(int status) {
    return switch (status) {
      case 401 -> ErrorCode.AUTH_MISSING;
      case 404, 410 -> ErrorCode.NOT_FOUND;
      case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
      case 406 -> ErrorCode.NOT_ACCEPTABLE;
      case 413 -> ErrorCode.BODY_TOO_LARGE;
      case 415 -> ErrorCode.CONTENT_TYPE;
      case 403 -> ErrorCode.FORBIDDEN;
      case 503 -> ErrorCode.UNAVAILABLE;
      default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.HTTP_MALFORMED;
    };
  }

  public static String retryAfterSeconds(Duration duration) {
    return String.valueOf(Math.max(1, (duration.toMillis() + 999) / 1000));
  }
}
