package vn.healthgate.gateway.operations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.healthgate.routes.delivery.DocumentKind;
import vn.healthgate.routes.delivery.SubmissionStatus;

/** {@code GET /api/v1/admin/overview}: everything the admin page shows, in one answer ({@code docs/api.md}, admin). */
record AdminOverview(Instant generatedAt, Health health, List<RouteState> routes, List<PortalState> portal, List<Backlog> backlog, AtRisk atRisk,
    DeadLetters deadLetters, List<SigningCertificate> certificates, Traffic traffic) {

  /** The overall status and each health component's. */
  @io.swagger.v3.oas.annotations.media.Schema(name = "HealthSummary")
  record Health(String status, Map<String, String> components) {}

  /** A Camel route: {@code Started}, {@code Stopped}, … */
  record RouteState(String id, String status, long uptimeSeconds) {}

  /** A portal endpoint: its breaker, when it last answered and last failed, and why ({@link FailureReason}). */
  record PortalState(String endpoint, String breaker, float failureRate, int bufferedCalls, Instant lastSuccess, Instant lastFailure,
      FailureReason.Described lastFailureReason) {}

  /** Documents waiting per facility. */
  record Backlog(String facilityCode, long pending, long oldestPendingAgeSeconds, long deadLetters) {}

  /** Pending documents older than {@code olderThanSeconds}. */
  record AtRisk(long olderThanSeconds, List<Document> items) {}

  /** The newest dead letters ({@code total} in all). */
  record DeadLetters(long total, List<Document> items) {}

  /** A waiting document: {@code episodeId} (MA_LK) for a check-in, {@code number} (SO) for a certificate; why it waits in words. */
  record Document(String id, DocumentKind kind, String facilityCode, String episodeId, String number, SubmissionStatus status, int attempts,
      Instant createdAt, Instant nextAttemptAt, Instant updatedAt, String lastError, FailureReason.Described lastFailure) {

    static Document of(OutboxStatistics.Waiting w) {
      boolean checkIn = w.kind() == DocumentKind.CHECK_IN;
      return new Document(w.id(), w.kind(), w.facilityCode(), checkIn ? w.businessKey() : null, checkIn ? null : w.businessKey(), w.status(), w.attempts(),
          w.createdAt(), w.status().finished() ? null : w.nextAttemptAt(), w.updatedAt(), w.lastError(), FailureReason.describeStored(w.lastError()));
    }
  }

  /** A facility's signing certificate: {@code OK}, {@code EXPIRING} or {@code EXPIRED}. */
  record SigningCertificate(String facilityCode, Instant notAfter, long daysLeft, String status) {}

  /** The last hour per minute. */
  record Traffic(List<TrafficHistory.Point> eligibility, List<TrafficHistory.Point> delivery) {}
}
