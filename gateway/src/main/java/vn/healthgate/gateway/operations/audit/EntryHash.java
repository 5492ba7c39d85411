package vn.healthgate.gateway.operations.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The hash that chains one entry to the one before it. Keyed entries: HMAC-SHA256 with the audit key over {@code key id, prev_hash,
 * seq, at, actor, facility, action, document, result, correlation id}, each written as its length and its text (null as {@code -}),
 * so no text can move from one field into its neighbour. Legacy entries (written before the key, {@code key_id} null): plain SHA-256
 * over the same fields joined with {@code |}, as they were written.
 */
final class EntryHash {
  private EntryHash() {}

  static String keyed(AuditKey key, String prev, long seq, Instant at, AuditFields f) {
    StringBuilder text = new StringBuilder("audit-entry-v1");
    for (String field : new String[] {key.id(), prev, Long.toString(seq), at.toString(), f.actor(), f.facilityCode(), f.action(), f.documentId(),
        f.result(), f.correlationId()}) {
      text.append('|').append(field == null ? "-" : field.length() + ":" + field);
    }
    return key.mac(text.toString());
  }

  static String legacy(String prev, long seq, Instant at, AuditFields f) {
    String text = String.join("|", prev, Long.toString(seq), at.toString(), f.actor(), String.valueOf(f.facilityCode()), f.action(),
        String.valueOf(f.documentId()), f.result(), String.valueOf(f.correlationId()));
    return AuditKey.sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
