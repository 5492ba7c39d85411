package vn.healthgate.routes.portal;

/**
 * The portal already holds a document with this number ({@code MA_LK} / {@code SO}). Whether it is the same document is
 * what {@link #content()} says the portal told: {@code SAME}, {@code DIFFERENT}, or {@code UNKNOWN} when its answer does not say.
 */
public final class PortalDuplicateException extends RuntimeException {
  /** What the portal said about the content of the copy it holds. */
  public enum Content { SAME, DIFFERENT, UNKNOWN }

  private final PortalEndpoint endpoint;
  private final String receipt;
  private final Content content;

  public PortalDuplicateException(PortalEndpoint endpoint, String receipt, Content content, String reason) {
    super(reason, null, false, false);
    this.endpoint = endpoint;
    this.receipt = receipt;
    this.content = content;
  }

  public PortalEndpoint endpoint() {
    return endpoint;
  }

  /** The receipt of the copy the portal holds, when its answer names it. */
  public String receipt() {
    return receipt;
  }

  public Content content() {
    return content;
  }

  public String reason() {
    return getMessage();
  }
}
