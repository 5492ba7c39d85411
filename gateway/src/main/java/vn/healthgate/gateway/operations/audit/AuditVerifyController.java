package vn.healthgate.gateway.operations.audit;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/admin/audit/verify}: the keyed audit chain and this node's checkpoints, checked on demand. */
@RestController
class AuditVerifyController {
  private final AuditLog audit;

  AuditVerifyController(AuditLog audit) {
    this.audit = audit;
  }

  /** Names the first broken entry and each finding. */
  @GetMapping(path = "/api/v1/admin/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
  AuditLog.Verification verifyAudit() {
    return audit.verify();
  }
}
