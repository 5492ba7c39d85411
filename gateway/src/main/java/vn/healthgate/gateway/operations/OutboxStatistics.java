package vn.healthgate.gateway.operations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.healthgate.routes.delivery.DocumentKind;
import vn.healthgate.routes.delivery.SubmissionStatus;

/**
 * What is waiting in the outbox, per facility: documents not yet finished, the oldest of them, and
 * dead letters. One grouped query, recomputed at most every {@code ttl}; read by the health
 * components, the backlog gauges and the admin page.
 */
public class OutboxStatistics {
  /** The outbox of one facility. */
  public record FacilityBacklog(String facilityCode, long pending, Instant oldestPendingSince, long deadLetters) {}

  /** The whole outbox at {@code takenAt}. */
  public record Snapshot(Instant takenAt, Map<String, FacilityBacklog> byFacility) {
    public long pending() {
      return byFacility.values().stream().mapToLong(FacilityBacklog::pending).sum();
    }

    public long deadLetters() {
      return byFacility.values().stream().mapToLong(FacilityBacklog::deadLetters).sum();
    }

    public Optional<Instant> oldestPendingSince() {
      return byFacility.values().stream().map(FacilityBacklog::oldestPendingSince).filter(java.util.Objects::nonNull).min(Instant::compareTo);
    }

    public Duration oldestPendingAge() {
      return oldestPendingSince().map(since -> Duration.between(since, takenAt)).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
    }
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration ttl;
  private volatile Snapshot last;

  public OutboxStatistics(JdbcTemplate jdbc, Clock clock, Duration ttl) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ttl = ttl;
  }

  public Snapshot snapshot() {
    Snapshot current = last;
    Instant now = clock.instant();
    if (current != null && Duration.between(current.takenAt(), now).compareTo(ttl) < 0) {
      return current;
    }
    Map<String, FacilityBacklog> byFacility = new TreeMap<>();
    jdbc.query("select facility_code,"
        + " sum(case when status in ('RECEIVED','SIGNED','SENT') then 1 else 0 end) as pending,"
        + " min(case when status in ('RECEIVED','SIGNED','SENT') then created_at end) as oldest,"
        + " sum(case when status = 'DEAD_LETTER' then 1 else 0 end) as dead"
        + " from outbox where status in ('RECEIVED','SIGNED','SENT','DEAD_LETTER') group by facility_code", (ResultSet rs) -> {
          byFacility.put(rs.getString("facility_code"), new FacilityBacklog(rs.getString("facility_code"), rs.getLong("pending"), instant(rs), rs.getLong("dead")));
        });
    Snapshot fresh = new Snapshot(now, Map.copyOf(byFacility));
    last = fresh;
    return fresh;
  }

  /** A document not yet delivered, as the admin page lists those at risk. */
  public record PendingDocument(String id, DocumentKind kind, String facilityCode, SubmissionStatus status, int attempts, String lastError,
      Instant createdAt, Instant nextAttemptAt) {}

  /** Pending documents created before {@code olderThan}: the documents at risk, oldest first. */
  public List<PendingDocument> pendingOlderThan(Instant olderThan, int limit) {
    return jdbc.query("select id, kind, facility_code, status, attempts, last_error, created_at, next_attempt_at from outbox"
        + " where status in ('RECEIVED','SIGNED','SENT') and created_at < ? order by created_at, id fetch first " + limit + " rows only",
        (rs, row) -> new PendingDocument(rs.getString("id"), DocumentKind.valueOf(rs.getString("kind")), rs.getString("facility_code"),
            SubmissionStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "created_at"),
            instant(rs, "next_attempt_at")),
        OffsetDateTime.ofInstant(olderThan, java.time.ZoneOffset.UTC));
  }

  private static Instant instant(ResultSet rs) throws SQLException {
    return instant(rs, "oldest");
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
