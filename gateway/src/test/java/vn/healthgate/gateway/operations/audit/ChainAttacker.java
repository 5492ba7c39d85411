package vn.healthgate.gateway.operations.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Someone with write access to the database rewriting the audit trail, with or without the audit key. */
final class ChainAttacker {
  /** How the attacker computes an entry's hash from the one before it and the stored row. */
  interface Hasher {
    String hash(String prev, long seq, Map<String, Object> row);
  }

  private final JdbcTemplate jdbc;

  ChainAttacker(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The published pre-key algorithm: SHA-256 over {@code prev | seq | at | fields}, no secret needed. */
  static String plainSha256(String prev, long seq, Map<String, Object> row) {
    String text = String.join("|", prev, Long.toString(seq), ((OffsetDateTime) row.get("at")).toInstant().toString(), (String) row.get("actor"),
        String.valueOf(row.get("facility_code")), (String) row.get("action"), String.valueOf(row.get("document_id")), (String) row.get("result"),
        String.valueOf(row.get("correlation_id")));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Someone holding the key (an admin) computing what the gateway would. */
  static Hasher withKey(AuditKey key) {
    return (prev, seq, row) -> EntryHash.keyed(key, prev, seq, ((OffsetDateTime) row.get("at")).toInstant(), new AuditFields((String) row.get("actor"),
        (String) row.get("facility_code"), (String) row.get("action"), (String) row.get("document_id"), (String) row.get("result"),
        (String) row.get("correlation_id")));
  }

  /** Deletes one entry and moves every later one down by one, leaving no gap. */
  void deleteAndCloseTheGap(long seq) {
    jdbc.update("delete from audit_log where seq = ?", seq);
    long last = jdbc.queryForObject("select max(seq) from audit_log", Long.class);
    for (long s = seq + 1; s <= last; s++) {
      jdbc.update("update audit_log set seq = ? where seq = ?", s - 1, s);
    }
  }

  /** Recomputes every hash from {@code seq} on with {@code hasher}, sets each entry's key id to {@code keyId}, and moves the head. */
  void rechainFrom(long seq, Hasher hasher, String keyId) {
    String prev = seq == 1 ? AuditLog.GENESIS : jdbc.queryForObject("select hash from audit_log where seq = ?", String.class, seq - 1);
    long last = jdbc.queryForObject("select max(seq) from audit_log", Long.class);
    for (long s = seq; s <= last; s++) {
      Map<String, Object> row = jdbc.queryForMap("select * from audit_log where seq = ?", s);
      row.put("at", jdbc.queryForObject("select at from audit_log where seq = ?", OffsetDateTime.class, s));
      String hash = hasher.hash(prev, s, row);
      jdbc.update("update audit_log set prev_hash = ?, hash = ?, key_id = ? where seq = ?", prev, hash, keyId, s);
      prev = hash;
    }
    moveHeadToLastEntry();
  }

  /** Deletes every entry after {@code seq}. */
  void cutAfter(long seq) {
    jdbc.update("delete from audit_log where seq > ?", seq);
  }

  /** Points the chain head at the last entry, as if nothing had happened. */
  void moveHeadToLastEntry() {
    jdbc.update("update audit_head set seq = (select max(seq) from audit_log), hash = (select hash from audit_log where seq = (select max(seq) from audit_log))");
  }

  /** Inserts an entry by hand after the last one, hashed with {@code hasher}, with {@code keyId} (null: a legacy entry). */
  void insertAfterLast(Hasher hasher, String keyId, String action) {
    Long last = jdbc.queryForObject("select coalesce(max(seq), 0) from audit_log", Long.class);
    String prev = last == 0 ? AuditLog.GENESIS : jdbc.queryForObject("select hash from audit_log where seq = ?", String.class, last);
    OffsetDateTime at = OffsetDateTime.parse("2024-05-01T08:00:00.123Z");
    Map<String, Object> row = new java.util.HashMap<>(Map.of("at", at, "actor", "system", "action", action, "result", "ok"));
    String hash = hasher.hash(prev, last + 1, row);
    jdbc.update("insert into audit_log (seq, at, actor, facility_code, action, document_id, result, correlation_id, prev_hash, hash, key_id)"
        + " values (?, ?, 'system', null, ?, null, 'ok', null, ?, ?, ?)", last + 1, at, action, prev, hash, keyId);
    moveHeadToLastEntry();
  }
}
