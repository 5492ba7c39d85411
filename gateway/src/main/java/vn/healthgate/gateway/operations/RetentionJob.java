package vn.healthgate.gateway.operations;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.healthgate.gateway.operations.audit.AuditLog;
import vn.healthgate.gateway.config.GatewayProperties;
import vn.healthgate.gateway.persistence.Sha256;

/**
 * Purges personal data after {@code gateway.retention.document-bodies}: the payload and signed XML
 * of documents that ended ACCEPTED or REJECTED (dead letters keep theirs until an admin acts), and
 * eligibility-check rows (which hold CCCD and card numbers). Status, receipt and the SHA-256 of what
 * was received and sent stay, so a dispute can still be settled against a copy. Each run with an
 * effect leaves an audit entry.
 */
public class RetentionJob implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
  private static final int BATCH = 500;

  /** What one run purged. */
  public record Purged(int documents, int eligibilityChecks) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final GatewayProperties.Retention retention;
  private final AuditLog audit;
  private ScheduledExecutorService scheduler;

  public RetentionJob(JdbcTemplate jdbc, Clock clock, GatewayProperties.Retention retention, AuditLog audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.retention = retention;
    this.audit = audit;
  }

  /** Purges everything older than the retention age as of now. */
  public synchronized Purged purge() {
    Instant now = clock.instant();
    OffsetDateTime cutoff = OffsetDateTime.ofInstant(now.minus(retention.documentBodies()), ZoneOffset.UTC);
    int documents = 0;
    List<Map<String, Object>> batch;
    do {
      batch = jdbc.queryForList("select id, signed_document, signed_hash from outbox where status in ('ACCEPTED','REJECTED') and updated_at < ?"
          + " and purged_at is null order by updated_at fetch first " + BATCH + " rows only", cutoff);
      for (Map<String, Object> row : batch) {
        String signed = (String) row.get("signed_document");
        String signedHash = row.get("signed_hash") != null ? (String) row.get("signed_hash") : signed == null ? null : Sha256.hex(signed);
        documents += jdbc.update("update outbox set payload = null, signed_document = null, signed_hash = ?, purged_at = ? where id = ? and purged_at is null",
            signedHash, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), row.get("id"));
      }
    } while (batch.size() == BATCH);
    int checks = jdbc.update("delete from eligibility_check where checked_at < ?", java.sql.Timestamp.from(cutoff.toInstant()));
    if (documents > 0 || checks > 0) {
      LOG.info("Retention: purged the bodies of {} documents and {} eligibility checks older than {}", documents, checks, retention.documentBodies());
      audit.append("system", null, "RETENTION purge older than " + retention.documentBodies(), null, "documents=" + documents + " checks=" + checks, null);
    }
    return new Purged(documents, checks);
  }

  @Override
  public synchronized void start() {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "retention");
      thread.setDaemon(true);
      return thread;
    });
    long every = retention.interval().toMillis();
    scheduler.scheduleWithFixedDelay(this::runSafely, every, every, TimeUnit.MILLISECONDS);
  }

  private void runSafely() {
    try {
      purge();
    } catch (RuntimeException e) {
      LOG.error("Retention run failed ({}); next run in {}", e.getClass().getSimpleName(), retention.interval(), e);
    }
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
