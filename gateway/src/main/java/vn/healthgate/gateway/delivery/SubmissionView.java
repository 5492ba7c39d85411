package vn.healthgate.gateway.delivery;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import vn.healthgate.routes.delivery.DocumentKind;
import vn.healthgate.routes.delivery.Submission;
import vn.healthgate.routes.delivery.SubmissionStatus;

/** A submission as the API shows it ({@code docs/api.md}, status and evidence); absent values are omitted. */
@Schema(name = "Submission", description = "A check-in notice or driver health certificate the gateway owns, with its delivery status and evidence")
record SubmissionView(
    String id,
    DocumentKind kind,
    String facilityCode,
    @Schema(description = "MA_LK, for a check-in") String episodeId,
    @Schema(description = "SO, for a certificate") String number,
    @Schema(allowableValues = {"ADD", "EDIT"}) String operation,
    SubmissionStatus status,
    int attempts,
    String lastError,
    @Schema(description = "while the submission is pending") Instant nextAttemptAt,
    PortalReceipt portalReceipt,
    List<String> warnings,
    Evidence evidence,
    Instant createdAt,
    Instant updatedAt,
    Links links) {

  /** The portal's receipt: {@code transactionId} for a check-in, {@code uuid} for a certificate. */
  record PortalReceipt(String transactionId, String uuid, Instant receivedAt) {}

  /** SHA-256 (hex) of the document as received (normalised) and of the signed XML sent; {@code bodiesPurgedAt} after retention. */
  record Evidence(String payloadSha256, String signedDocumentSha256, Instant bodiesPurgedAt) {}

  /** Where to read the submission and its signed document. */
  @Schema(name = "SubmissionLinks")
  record Links(String self, String signedDocument) {}

  static SubmissionView of(Submission s) {
    boolean checkIn = s.kind() == DocumentKind.CHECK_IN;
    PortalReceipt receipt = s.receipt() == null ? null
        : new PortalReceipt(checkIn ? s.receipt() : null, checkIn ? null : s.receipt(), s.portalReceivedAt());
    return new SubmissionView(s.id(), s.kind(), s.facilityCode(), checkIn ? s.businessKey() : null, checkIn ? null : s.businessKey(), s.operation(),
        s.status(), s.attempts(), s.lastError(), s.status().finished() ? null : s.nextAttemptAt(), receipt, warnings(s),
        new Evidence(s.payloadHash(), s.signedHash(), s.purgedAt()), s.createdAt(), s.updatedAt(), links(s));
  }

  static Links links(Submission s) {
    return new Links("/api/v1/submissions/" + s.id(), "/api/v1/submissions/" + s.id() + "/signed-document");
  }

  static List<String> warnings(Submission s) {
    return s.warnings() == null ? null : List.of(s.warnings().split("; "));
  }
}
