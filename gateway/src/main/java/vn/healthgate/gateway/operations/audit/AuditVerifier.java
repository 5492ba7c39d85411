package vn.healthgate.gateway.operations.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.healthgate.gateway.operations.audit.AuditLog.Entry;
import vn.healthgate.gateway.operations.audit.AuditLog.Finding.Kind;
import vn.healthgate.gateway.operations.audit.AuditLog.Verification;

/**
 * Walks the chain in sequence order, in one read-only transaction with a cursor (constant memory): every entry's hash with its key
 * (or as a legacy SHA-256 before the first keyed entry), its link to the entry before, the sequence without gaps, the chain head
 * ({@code audit_head}) against the entry it names, and, in step, each checkpoint file ({@link CheckpointCursor}).
 */
final class AuditVerifier {
  static final String COLUMNS = "seq, at, actor, facility_code, action, document_id, result, correlation_id, prev_hash, hash, key_id";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;
  private final AuditKeys keys;

  AuditVerifier(JdbcTemplate jdbc, AuditKeys keys) {
    this.jdbc = jdbc;
    this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    this.readOnly.setReadOnly(true);
    this.keys = keys;
  }

  Verification verify(List<Path> checkpointFiles) {
    Findings findings = new Findings();
    List<CheckpointCursor> cursors = new ArrayList<>();
    try {
      // the files' lengths before the entries are read: every checkpoint up to there names an entry the query below sees
      for (Path file : checkpointFiles) {
        if (!Files.exists(file)) {
          findings.add(Kind.CHECKPOINTS_MISSING, null, null, "checkpoint file " + file + " does not exist");
        } else {
          cursors.add(new CheckpointCursor(file, Files.size(file), keys, findings));
        }
      }
      Walk walk = readOnly.execute(status -> {
        Map<String, Object> head = jdbc.queryForMap("select seq, hash from audit_head where id = 1");
        Walk w = new Walk(findings, cursors, ((Number) head.get("seq")).longValue(), (String) head.get("hash"));
        jdbc.query(connection -> {
          var statement = connection.prepareStatement("select " + COLUMNS + " from audit_log order by seq");
          statement.setFetchSize(1000);
          return statement;
        }, (ResultSet rs) -> {
          w.accept(row(rs));
        });
        w.end();
        return w;
      });
      long agreed = cursors.stream().mapToLong(CheckpointCursor::agreed).sum();
      return new Verification(findings.none(), walk.entries, walk.legacy, findings.firstBroken(), findings.reason(), agreed, findings.list(),
          findings.leftOut());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read an audit checkpoint file", e);
    } finally {
      for (CheckpointCursor cursor : cursors) {
        try {
          cursor.close();
        } catch (IOException e) {
          // read-only: nothing to lose
        }
      }
    }
  }

  /** The checks that need only the entry before: hash, key, link, sequence. */
  private final class Walk {
    final Findings findings;
    final List<CheckpointCursor> cursors;
    final long headSeq;
    final String headHash;
    long entries;
    long legacy;
    long lastSeq;
    String lastHash = AuditLog.GENESIS;
    boolean keyedSeen;

    Walk(Findings findings, List<CheckpointCursor> cursors, long headSeq, String headHash) {
      this.findings = findings;
      this.cursors = cursors;
      this.headSeq = headSeq;
      this.headHash = headHash;
    }

    void accept(Entry e) {
      entries++;
      if (e.seq() != lastSeq + 1) {
        findings.add(Kind.SEQUENCE_GAP, lastSeq + 1, e.seq() - 1, (e.seq() - 1 == lastSeq + 1 ? "entry seq " + (lastSeq + 1) + " is" : "entries seq "
            + (lastSeq + 1) + " to " + (e.seq() - 1) + " are") + " missing: deleted");
      } else if (!e.prevHash().equals(lastHash)) {
        findings.entry(Kind.BROKEN_LINK, e.seq(), null);
      }
      AuditFields fields = new AuditFields(e.actor(), e.facilityCode(), e.action(), e.documentId(), e.result(), e.correlationId());
      if (e.keyId() == null) {
        if (keyedSeen) {
          findings.entry(Kind.LEGACY_AFTER_KEYED, e.seq(), null);
        } else {
          legacy++;
          if (!EntryHash.legacy(e.prevHash(), e.seq(), e.at(), fields).equals(e.hash())) {
            findings.entry(Kind.ALTERED, e.seq(), null);
          }
        }
      } else {
        keyedSeen = true;
        AuditKey key = keys.byId(e.keyId());
        if (key == null) {
          findings.entry(Kind.UNKNOWN_KEY, e.seq(), e.keyId());
        } else if (!EntryHash.keyed(key, e.prevHash(), e.seq(), e.at(), fields).equals(e.hash())) {
          findings.entry(Kind.ALTERED, e.seq(), null);
        }
      }
      if (e.seq() == headSeq && !e.hash().equals(headHash)) {
        findings.add(Kind.HEAD_MISMATCH, headSeq, headSeq, "the chain head (audit_head) names entry seq " + headSeq
            + " with another hash than that entry has: the chain was rewritten");
      }
      cursors.forEach(c -> c.onEntry(e.seq(), e.hash()));
      lastSeq = e.seq();
      lastHash = e.hash();
    }

    void end() {
      cursors.forEach(c -> c.atEnd(lastSeq));
      if (headSeq > lastSeq) {
        findings.add(Kind.TRUNCATED, lastSeq + 1, headSeq, "the chain head (audit_head) names seq " + headSeq + " but the last entry is "
            + lastSeq + ": entries " + (lastSeq + 1) + " to " + headSeq + " were cut off");
      } else if (lastSeq == 0 && !AuditLog.GENESIS.equals(headHash)) {
        findings.add(Kind.HEAD_MISMATCH, null, null, "the chain head (audit_head) of an empty chain does not hold the genesis hash");
      }
    }
  }

  private static Entry row(ResultSet rs) throws SQLException {
    return new Entry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("facility_code"),
        rs.getString("action"), rs.getString("document_id"), rs.getString("result"), rs.getString("correlation_id"), rs.getString("prev_hash"),
        rs.getString("hash"), rs.getString("key_id"));
  }
}
