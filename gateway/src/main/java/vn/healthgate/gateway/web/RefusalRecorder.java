package vn.healthgate.gateway.web;

/**
 * Records a request Tomcat refused before any filter ran (the audit trail implements it), so that
 * refusals at the HTTP layer are audited like every other request.
 */
@FunctionalInterface
public interface RefusalRecorder {
  /** @param method the request method as received, or {@code -} when none could be read */
  void record(String method, String path, int status, String correlationId);
}
