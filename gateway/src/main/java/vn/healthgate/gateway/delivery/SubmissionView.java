package vn.healthgate.gateway.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.healthgate.routes.delivery.DocumentKind;
import vn.healthgate.routes.delivery.Submission;

/** A submission as the API shows it ({@code docs/api.md}, status and evidence). */
final class SubmissionView {
  private SubmissionView() {}

  static Map<String, Object> of(Submission s) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", s.id());
    view.put("kind", s.kind().name());
    view.put("facilityCode", s.facilityCode());
    view.put(s.kind() == DocumentKind.CHECK_IN ? "episodeId" : "number", s.businessKey());
    view.put("operation", s.operation());
    view.put("status", s.status().name());
    view.put("attempts", s.attempts());
    if (s.lastError() != null) {
      view.put("lastError", s.lastError());
    }
    if (!s.status().finished()) {
      view.put("nextAttemptAt", s.nextAttemptAt());
    }
    if (s.receipt() != null) {
      Map<String, Object> receipt = new LinkedHashMap<>();
      receipt.put(s.kind() == DocumentKind.CHECK_IN ? "transactionId" : "uuid", s.receipt());
      receipt.put("receivedAt", s.portalReceivedAt());
      view.put("portalReceipt", receipt);
    }
    if (s.warnings() != null) {
      view.put("warnings", List.of(s.warnings().split("; ")));
    }
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("payloadSha256", s.payloadHash());
    if (s.signedHash() != null) {
      evidence.put("signedDocumentSha256", s.signedHash());
    }
    if (s.purgedAt() != null) {
      evidence.put("bodiesPurgedAt", s.purgedAt());
    }
    view.put("evidence", evidence);
    view.put("createdAt", s.createdAt());
    view.put("updatedAt", s.updatedAt());
    view.put("links", links(s));
    return view;
  }

  static Map<String, String> links(Submission s) {
    Map<String, String> links = new LinkedHashMap<>();
    links.put("self", "/api/v1/submissions/" + s.id());
    links.put("signedDocument", "/api/v1/submissions/" + s.id() + "/signed-document");
    return links;
  }

  static Instant parseSince(String since) {
    return since == null || since.isBlank() ? null : Instant.parse(since);
  }
}
