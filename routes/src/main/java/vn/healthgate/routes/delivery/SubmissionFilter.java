package vn.healthgate.routes.delivery;

import java.time.Instant;

/**
 * Which submissions to list; null fields do not filter. {@code episodeId} (MA_LK) finds check-ins,
 * {@code number} (SO) certificates: each implies its kind, so both together, or one with the other
 * kind, match nothing.
 */
public record SubmissionFilter(
    String facilityCode, SubmissionStatus status, DocumentKind kind, String episodeId, String number, Instant since, int page, int size) {}
