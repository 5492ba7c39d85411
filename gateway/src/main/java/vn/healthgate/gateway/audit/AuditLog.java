package vn.healthgate.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import vn.healthgate.gateway.persistence.GroupCommit;

/**
 * The hash-chained audit trail. {@code hash = SHA-256(prev_hash | seq | at | actor | facility | action | document | result | correlation id)};
 * the first entry's {@code prev_hash} is 64 zeros. Entries carry masked identifiers only (ids and codes, never a CCCD or a name).
 */
@Repository
public class AuditLog {
  static final String GENESIS = "0".repeat(64);
  private static final int ATTEMPTS = 5;
  private static final int MAX_BATCH = 500;

  /** One entry as stored. */
  public record Entry(long seq, Instant at, String actor, String facilityCode, String action, String documentId, String result,
      String correlationId, String prevHash, String hash) {}

  /** The outcome of checking the chain: {@code firstBroken} is the first entry whose hash or link does not match. */
  public record Verification(boolean valid, long entries, Long firstBroken) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final GroupCommit<Pending> commits = new GroupCommit<>(this::writeChained, MAX_BATCH);

  public AuditLog(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    this.clock = clock;
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
            String hash = hash(prev, seq, p.at(), f.actor(), f.facilityCode(), f.action(), f.documentId(), f.result(), f.correlationId());
            rows.add(new Object[] {seq, OffsetDateTime.ofInstant(p.at(), ZoneOffset.UTC), f.actor(), f.facilityCode(), f.action(), f.documentId(),
                f.result(), f.correlationId(), prev, hash});
            prev = hash;
          }
          jdbc.batchUpdate("insert into audit_log (seq, at, actor, facility_code, action, document_id, result, correlation_id, prev_hash, hash)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
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

  /** Recomputes every hash and link in order, streaming the table (constant memory). */
  public Verification verify() {
    String[] prev = {GENESIS};
    long[] count = {0};
    Long[] broken = {null};
    jdbc.query(connection -> {
      var statement = connection.prepareStatement("select " + COLUMNS + " from audit_log order by seq");
      statement.setFetchSize(1000);
      return statement;
    }, (java.sql.ResultSet rs) -> {
      Entry e = row(rs, 0);
      count[0]++;
      if (broken[0] == null) {
        String recomputed = hash(e.prevHash(), e.seq(), e.at(), e.actor(), e.facilityCode(), e.action(), e.documentId(), e.result(), e.correlationId());
        if (e.seq() != count[0] || !e.prevHash().equals(prev[0]) || !recomputed.equals(e.hash())) {
          broken[0] = e.seq();
        }
        prev[0] = e.hash();
      }
    });
    return new Verification(broken[0] == null, count[0], broken[0]);
  }

  private static final String COLUMNS = "seq, at, actor, facility_code, action, document_id, result, correlation_id, prev_hash, hash";

  private static Entry row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Entry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("facility_code"),
        rs.getString("action"), rs.getString("document_id"), rs.getString("result"), rs.getString("correlation_id"), rs.getString("prev_hash"), rs.getString("hash"));
  }

  static String hash(String prev, long seq, Instant at, String actor, String facility, String action, String document, String result, String correlation) {
    String text = String.join("|", prev, Long.toString(seq), at.toString(), actor, String.valueOf(facility), action, String.valueOf(document),
        result, String.valueOf(correlation));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
