package vn.healthgate.routes.portal;

/** The portal did not answer usefully: connection failure, timeout, 5xx, unreadable body. */
public class PortalUnavailableException extends RuntimeException {
  private final PortalEndpoint endpoint;

  public PortalUnavailableException(PortalEndpoint endpoint, String reason, Throwable cause) {
    super(endpoint.id() + ": " + reason, cause);
    this.endpoint = endpoint;
  }

  public PortalEndpoint endpoint() {
    return endpoint;
  }
}
