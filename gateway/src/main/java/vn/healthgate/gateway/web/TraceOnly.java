package vn.healthgate.gateway.web;

/**
 * An exception's class names and stack trace without its messages, for logging unexpected failures:
 * a message may quote the request (a SQL value, a parser's excerpt of the body) and so personal data.
 */
public final class TraceOnly extends RuntimeException {
  private TraceOnly(Throwable original, int depth) {
    super(original.getClass().getName() + " (message withheld: it may quote request data)",
        original.getCause() == null || original.getCause() == original || depth > 20 ? null : new TraceOnly(original.getCause(), depth + 1), false, true);
    setStackTrace(original.getStackTrace());
  }

  public static TraceOnly of(Throwable original) {
    return new TraceOnly(original, 0);
  }
}
