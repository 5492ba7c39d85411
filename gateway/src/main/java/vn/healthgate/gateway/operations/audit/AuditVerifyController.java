package vn.healthgate.gateway.operations.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.healthgate.gateway.web.ProblemCodes;
import vn.healthgate.routes.error.ErrorCode;

/** {@code GET /api/v1/admin/audit/verify}: the keyed audit chain and this node's checkpoints, checked on demand. */
@RestController
@Tag(name = "Admin")
class AuditVerifyController {
  private final AuditLog audit;

  AuditVerifyController(AuditLog audit) {
    this.audit = audit;
  }

  /** Names the first broken entry and each finding. */
  @GetMapping(path = "/api/v1/admin/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Recompute the audit trail's keyed hash chain and check this node's checkpoints")
  @ProblemCodes(ErrorCode.ADMIN_ONLY)
  AuditLog.Verification verifyAudit() {
    return audit.verify();
  }
}
