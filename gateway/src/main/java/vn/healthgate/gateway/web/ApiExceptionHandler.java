package vn.healthgate.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/**
 * Every failure of the REST API as problem+json with a catalogue code; nothing else ever leaves.
 * Client mistakes are logged once, in one line, by the audit filter; only unexpected failures are
 * logged here, with their stack trace, at ERROR.
 */
@RestControllerAdvice
class ApiExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(GatewayException.class)
  ResponseEntity<ProblemDetail> gateway(GatewayException e, HttpServletRequest request) {
    if (e.errorCode().httpStatus() >= 500) {
      LOG.warn("{} on {}: {}", e.errorCode().code(), RequestPaths.of(request), e.getCause() == null ? "-" : e.getCause().toString());
    }
    return ProblemResponses.entity(e, request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
        return ProblemResponses.entity(ErrorCode.JSON_LIMITS, request);
      }
    }
    return ProblemResponses.entity(ErrorCode.JSON_MALFORMED, request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpServletRequest request) {
    return ProblemResponses.entity(ErrorCode.CONTENT_TYPE, request);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(HttpServletRequest request) {
    return ProblemResponses.entity(ErrorCode.NOT_ACCEPTABLE, request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    ResponseEntity<ProblemDetail> problem = ProblemResponses.entity(ErrorCode.METHOD_NOT_ALLOWED, request);
    Set<HttpMethod> supported = e.getSupportedHttpMethods();
    if (supported == null || supported.isEmpty()) {
      return problem;
    }
    String allow = supported.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
    return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders()).header(HttpHeaders.ALLOW, allow).body(problem.getBody());
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
    return ProblemResponses.entity(ErrorCode.NOT_FOUND, request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> parameterType(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return ProblemResponses.entity(ErrorCode.PARAMETER_INVALID, e.getName(), request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> parameterMissing(MissingServletRequestParameterException e, HttpServletRequest request) {
    return ProblemResponses.entity(ErrorCode.PARAMETER_INVALID, e.getParameterName(), request);
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<ProblemDetail> headerMissing(MissingRequestHeaderException e, HttpServletRequest request) {
    return ProblemResponses.entity(ErrorCode.PARAMETER_INVALID, e.getHeaderName(), request);
  }

  @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
  ResponseEntity<ProblemDetail> rejected(HttpServletRequest request) {
    return ProblemResponses.entity(ErrorCode.REQUEST_REJECTED, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    LOG.error("unexpected failure on {} {}", request.getMethod(), RequestPaths.of(request), TraceOnly.of(e));
    return ProblemResponses.entity(ErrorCode.INTERNAL, request);
  }
}
