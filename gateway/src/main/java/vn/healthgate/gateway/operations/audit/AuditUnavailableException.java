package vn.healthgate.gateway.operations.audit;

/**
 * The caller's own audit entry could not be committed (the database refused that row, or could not be reached): the request it
 * records must not be answered as if it had been audited ({@code GW-AUDIT-UNAVAILABLE}).
 */
public class AuditUnavailableException extends RuntimeException {
  public AuditUnavailableException(RuntimeException cause) {
    super("the audit entry could not be committed (" + cause.getClass().getSimpleName() + ")", cause);
  }
}
