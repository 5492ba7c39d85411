package vn.healthgate.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/** Every failure of the REST API as problem+json with a catalogue code; nothing else ever leaves. */
@RestControllerAdvice
class ApiExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(GatewayException.class)
  ResponseEntity<Map<String, Object>> gateway(GatewayException e, HttpServletRequest request) {
    if (e.errorCode().httpStatus() >= 500) {
      LOG.warn("{} on {}: {}", e.errorCode().code(), request.getRequestURI(), e.getCause() == null ? "-" : e.getCause().toString());
    }
    return ProblemResponses.entity(e, request.getRequestURI());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodySizeLimitFilter.BodyTooLargeException) {
        return ProblemResponses.entity(ErrorCode.BODY_TOO_LARGE, request.getRequestURI());
      }
      if (cause instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
        return ProblemResponses.entity(ErrorCode.JSON_LIMITS, request.getRequestURI());
      }
    }
    return ProblemResponses.entity(ErrorCode.JSON_MALFORMED, request.getRequestURI());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpServletRequest request) {
    return ProblemResponses.entity(ErrorCode.CONTENT_TYPE, request.getRequestURI());
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Map<String, Object>> notAcceptable(HttpServletRequest request) {
    return ProblemResponses.entity(ErrorCode.NOT_ACCEPTABLE, request.getRequestURI());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpServletRequest request) {
    return ProblemResponses.entity(ErrorCode.METHOD_NOT_ALLOWED, request.getRequestURI());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(HttpServletRequest request) {
    return ProblemResponses.entity(ErrorCode.NOT_FOUND, request.getRequestURI());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
    LOG.error("unexpected failure on {}: {}", request.getRequestURI(), e.getClass().getName());
    return ProblemResponses.entity(ErrorCode.INTERNAL, request.getRequestURI());
  }
}
