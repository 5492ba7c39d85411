package vn.healthgate.routes.delivery;

import java.time.Instant;

/** Which submissions to list; null fields do not filter. */
public record SubmissionFilter(String facilityCode, SubmissionStatus status, DocumentKind kind, Instant since, int page, int size) {}
