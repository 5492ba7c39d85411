package vn.healthgate.routes.delivery;

/**
 * A stored document that could not be made ready to send: its payload cannot be read, its facility has no key, or signing
 * or serialising its XML failed. Spends an attempt like a transient fault (an admin can fix the key store and replay).
 * Carries no cause: the reason names the failure and the class of its root cause, never the root cause's message, which
 * could quote the document (personal data).
 */
public final class PoisonDocumentException extends RuntimeException {

  public PoisonDocumentException(String reason) {
    super(reason, null, false, false);
  }

  /** {@code prefix: } the exception's class and message, and the class of its root cause. */
  public static PoisonDocumentException of(String prefix, RuntimeException failure) {
    return new PoisonDocumentException(prefix + ": " + describe(failure));
  }

  public String reason() {
    return getMessage();
  }

  /** The exception's class and message, and the class of its root cause; the signer's and the reader's own messages are fixed texts. */
  static String describe(RuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
        + (root == e ? "" : " (caused by " + root.getClass().getSimpleName() + ")");
  }
}
