package vn.healthgate.routes.portal;

/** The portal refused a document's content (not retried: the same bytes would be refused again). The reason is kept for the facility. */
public final class PortalRefusedException extends RuntimeException {
  private final PortalEndpoint endpoint;

  public PortalRefusedException(PortalEndpoint endpoint, String reason) {
    super(reason, null, false, false);
    this.endpoint = endpoint;
  }

  public PortalEndpoint endpoint() {
    return endpoint;
  }

  public String reason() {
    return getMessage();
  }
}
