package vn.healthgate.routes.delivery;

import vn.healthgate.routes.portal.PortalEndpoint;

/** What the outbox delivers. */
public enum DocumentKind {
  CHECK_IN(PortalEndpoint.CHECK_IN),
  CERTIFICATE(PortalEndpoint.CERTIFICATE);

  private final PortalEndpoint endpoint;

  DocumentKind(PortalEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  public PortalEndpoint endpoint() {
    return endpoint;
  }
}
