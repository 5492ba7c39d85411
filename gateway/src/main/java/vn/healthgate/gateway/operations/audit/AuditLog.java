package vn.healthgate.gateway.operations.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.healthgate.gateway.persistence.GroupCommit;

/**
 * The keyed hash-chained audit trail: each entry's hash is an HMAC with the audit key (held outside the database) over the previous
 * entry's hash and its own fields ({@link EntryHash}); the first entry's {@code prev_hash} is 64 zeros. Entries written before the
 * key (legacy, {@code key_id} null) keep their plain SHA-256 and are accepted only before the first keyed entry. Entries carry masked
 * identifiers only (ids and codes, never a CCCD or a name).
 */
public class AuditLog {
  static final String GENESIS = "0".repeat(64);
  private static final int ATTEMPTS = 5;
  private static final int MAX_BATCH = 500;

  /** One entry as stored; {@code keyId} is null for a legacy entry. */
  public record Entry(long seq, Instant at, String actor, String facilityCode, String action, String documentId, String result,
      String correlationId, String prevHash, String hash, String keyId) {}

  /**
   * The outcome of checking the chain and the checkpoints: {@code firstBroken} is the lowest sequence number a finding names,
   * {@code reason} that finding (or the first one) in words, {@code legacyEntries} how many entries before the first keyed one carry
   * a plain SHA-256, {@code checkpoints} how many checkpoints agreed with their entry; {@code findings} lists what was found (a run
   * of consecutive entries with the same finding counts as one), at most {@value Findings#MAX}, and {@code findingsLeftOut} how many
   * more there were.
   */
  public record Verification(boolean valid, long entries, long legacyEntries, Long firstBroken, String reason, long checkpoints,
      List<Finding> findings, long findingsLeftOut) {}

  /** One thing verification found: its kind, the entries it names ({@code seq} to {@code lastSeq}; null for none), in words. */
  public record Finding(Kind kind, Long seq, Long lastSeq, String message) {
    /** What was found. */
    public enum Kind {
      /** an entry's hash does not match its fields: changed, inserted, or re-chained without the key */
      ALTERED,
      /** an entry signed with a key id that is not among the keys given */
      UNKNOWN_KEY,
      /** an unkeyed entry after keyed ones */
      LEGACY_AFTER_KEYED,
      /** an entry's prev_hash is not its predecessor's hash */
      BROKEN_LINK,
      /** sequence numbers missing: entries deleted */
      SEQUENCE_GAP,
      /** the chain head or a checkpoint names a sequence number beyond the last entry: entries cut off the end */
      TRUNCATED,
      /** the chain head's hash differs from the entry it names */
      HEAD_MISMATCH,
      /** a checkpoint's hash differs from the entry it names (or that entry is gone): the chain was rewritten after it */
      CHECKPOINT_MISMATCH,
      /** a checkpoint line whose own HMAC does not verify, or that holds no checkpoint: altered or forged */
      CHECKPOINT_FORGED,
      /** a checkpoint line naming a lower sequence number than the line before it: the chain went back */
      CHECKPOINT_OUT_OF_ORDER,
      /** a checkpoint file to check does not exist */
      CHECKPOINTS_MISSING
    }
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final AuditKeys keys;
  private final Path checkpointFile;
  private final GroupCommit<Pending> commits = new GroupCommit<>(this::writeChained, MAX_BATCH);

  /** {@code checkpointFile}: this node's checkpoints ({@link AuditCheckpoints}), checked by {@link #verify()}; null: none. */
  public AuditLog(JdbcTemplate jdbc, Clock clock, AuditKeys keys, Path checkpointFile) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    this.clock = clock;
    this.keys = keys;
    this.checkpointFile = checkpointFile;
  }

  /**
   * Appends one entry after the current last one and returns once it is committed. Concurrent callers share a commit
   * ({@link GroupCommit}), so the chain stays one sequence while throughput grows with concurrency instead of serialising one
   * commit per API call. Nodes sharing the database take turns through the locked chain head ({@code audit_head}). Fields are
   * cleaned and cut to their columns first ({@link AuditFields}), so no field can fail a batch; a batch the database still refuses
   * is written again entry by entry, so only an entry that cannot be stored fails, and only its own caller.
   *
   * @throws AuditUnavailableException this entry was not committed
   */
  public void append(String actor, String facilityCode, String action, String documentId, String result, String correlationId) {
    Pending entry = new Pending(clock.instant().truncatedTo(ChronoUnit.MILLIS), AuditFields.of(actor, facilityCode, action, documentId, result, correlationId));
    try {
      commits.write(entry);
    } catch (RuntimeException e) {
      throw new AuditUnavailableException(e);
    }
  }

  private void writeChained(List<Pending> batch) {
    AuditKey key = keys.current();
    for (int attempt = 1; ; attempt++) {
      try {
        transactions.executeWithoutResult(status -> {
          // the locked head row makes nodes sharing the database take turns (V6__audit_head.sql)
          Map<String, Object> head = jdbc.queryForMap("select seq, hash from audit_head where id = 1 for update");
          long seq = ((Number) head.get("seq")).longValue();
          String prev = (String) head.get("hash");
          List<Object[]> rows = new ArrayList<>(batch.size());
          for (Pending p : batch) {
            seq++;
            AuditFields f = p.fields();
            String hash = EntryHash.keyed(key, prev, seq, p.at(), f);
            rows.add(new Object[] {seq, OffsetDateTime.ofInstant(p.at(), ZoneOffset.UTC), f.actor(), f.facilityCode(), f.action(), f.documentId(),
                f.result(), f.correlationId(), prev, hash, key.id()});
            prev = hash;
          }
          jdbc.batchUpdate("insert into audit_log (" + AuditVerifier.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
          jdbc.update("update audit_head set seq = ?, hash = ? where id = 1", seq, prev);
        });
        return;
      } catch (ConcurrencyFailureException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** An entry not yet chained: the chain position and hashes are fixed when its batch is written. */
  private record Pending(Instant at, AuditFields fields) {}

  /**
   * Checks every entry's hash with its key, its link and the sequence, the chain head, and every line of this node's checkpoint file
   * (its own HMAC; the entry it names must exist and carry its hash). Streams the table and the file (constant memory).
   */
  public Verification verify() {
    return verify(checkpointFile == null ? List.of() : List.of(checkpointFile));
  }

  /** As {@link #verify()}, against these checkpoint files (any node's file verifies against the shared chain). */
  public Verification verify(List<Path> checkpointFiles) {
    return new AuditVerifier(jdbc, keys).verify(checkpointFiles);
  }
}
