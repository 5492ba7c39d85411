package vn.healthgate.routes.error;

import java.time.Duration;
import java.util.Optional;

/**
 * An expected failure with its catalogue code. {@code field} names the offending input (a JSON
 * path such as {@code officer.cccd}); {@code retryAfter} is set for temporary conditions.
 * Messages never carry personal data.
 */
public class GatewayException extends RuntimeException {
  private final ErrorCode errorCode;
  private final String field;
  private final Duration retryAfter;

  public GatewayException(ErrorCode errorCode, String field) {
    this(errorCode, field, null, null);
  }

  public GatewayException(ErrorCode errorCode, String field, Duration retryAfter, Throwable cause) {
    super(errorCode.code() + (field == null ? "" : " (" + field + ")"), cause, false, false);
    this.errorCode = errorCode;
    this.field = field;
    this.retryAfter = retryAfter;
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
