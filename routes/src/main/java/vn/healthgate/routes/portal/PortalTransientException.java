package vn.healthgate.routes.portal;

/**
 * A delivery attempt failed for a reason that may pass: no answer, a timeout, a 5xx, a refused session or account. The
 * message is the reason kept in the outbox ({@code lastError}).
 */
public final class PortalTransientException extends RuntimeException {
  private final PortalEndpoint endpoint;

  public PortalTransientException(PortalEndpoint endpoint, String reason, Throwable cause) {
    super(reason, cause);
    this.endpoint = endpoint;
  }

  public PortalEndpoint endpoint() {
    return endpoint;
  }

  public String reason() {
    return getMessage();
  }
}
