package vn.healthgate.routes.portal;

/**
 * The portal answered something no row of {@link PortalAnswers} knows (a code the contract does not list, an account it
 * says may not use the endpoint, an answer without its state). Neither accepted nor retried: the document is kept as a
 * dead letter with the answer, for an admin to look at and replay once the cause is fixed.
 */
public final class PortalUnrecognisedAnswerException extends RuntimeException {
  private final PortalEndpoint endpoint;

  public PortalUnrecognisedAnswerException(PortalEndpoint endpoint, String reason) {
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
