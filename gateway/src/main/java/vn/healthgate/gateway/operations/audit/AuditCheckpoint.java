package vn.healthgate.gateway.operations.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One checkpoint of the chain, kept outside the database: when, the head's sequence number and hash, which node, and an HMAC of
 * those with the audit key (named by its id). As one line: {@code 2025-06-01T08:00:00.000Z seq=42 hash=… node=gw-1 key=1a2b3c4d mac=…};
 * the same line is logged after {@value #LOG_MARKER}, and a shipped log line is read back from there.
 */
record AuditCheckpoint(Instant at, long seq, String hash, String node, String keyId, String mac) {
  static final String LOG_MARKER = "audit checkpoint ";
  private static final Pattern LINE = Pattern.compile(
      "(\\S+) seq=(\\d{1,18}) hash=([0-9a-f]{64}) node=([A-Za-z0-9._:@-]{1,64}) key=([0-9a-f]{8}) mac=([0-9a-f]{64})");

  /** A checkpoint of {@code seq} and {@code hash} signed with {@code key}; the node name is kept to letters, digits and {@code ._:@-}. */
  static AuditCheckpoint sign(AuditKey key, Instant at, long seq, String hash, String node) {
    String safeNode = node.replaceAll("[^A-Za-z0-9._:@-]", "_");
    safeNode = safeNode.isEmpty() ? "_" : safeNode.substring(0, Math.min(64, safeNode.length()));
    AuditCheckpoint unsigned = new AuditCheckpoint(at, seq, hash, safeNode, key.id(), null);
    return new AuditCheckpoint(at, seq, hash, safeNode, key.id(), key.mac(unsigned.signedText()));
  }

  /** The checkpoint a line holds (a checkpoint file's line, or a log line carrying one), or null when it holds none. */
  static AuditCheckpoint parse(String line) {
    int marker = line.indexOf(LOG_MARKER);
    Matcher m = LINE.matcher(marker >= 0 ? line.substring(marker + LOG_MARKER.length()).strip() : line.strip());
    if (!m.matches()) {
      return null;
    }
    try {
      return new AuditCheckpoint(Instant.parse(m.group(1)), Long.parseLong(m.group(2)), m.group(3), m.group(4), m.group(5), m.group(6));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Whether its HMAC is the one {@code key} makes of its fields. */
  boolean signedBy(AuditKey key) {
    return key.id().equals(keyId) && key.mac(signedText()).equals(mac);
  }

  String line() {
    return at + " seq=" + seq + " hash=" + hash + " node=" + node + " key=" + keyId + " mac=" + mac;
  }

  /** Who wrote it and when, for messages. */
  String describe() {
    return "checkpoint of " + at + " by node " + node;
  }

  private String signedText() {
    return "audit-checkpoint-v1|" + at + "|" + seq + "|" + hash + "|" + node + "|" + keyId;
  }
}
