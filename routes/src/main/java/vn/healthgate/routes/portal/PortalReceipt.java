package vn.healthgate.routes.portal;

import java.time.Instant;

/**
 * The portal took a document: its receipt ({@code maGiaoDich} of a check-in, {@code UUID} of a certificate) and, when the
 * portal says, when it received it ({@code receivedAt} null otherwise).
 */
public record PortalReceipt(String id, Instant receivedAt) {}
