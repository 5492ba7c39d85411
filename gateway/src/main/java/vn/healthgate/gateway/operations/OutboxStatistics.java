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

  /** Pending documents created before {@code olderThan}: the documents at risk, oldest first. */
  public List<Map<String, Object>> pendingOlderThan(Instant olderThan, int limit) {
    return jdbc.queryForList("select id, kind, facility_code, status, attempts, last_error, created_at, next_attempt_at from outbox"
        + " where status in ('RECEIVED','SIGNED','SENT') and created_at < ? order by created_at fetch first " + limit + " rows only",
        OffsetDateTime.ofInstant(olderThan, java.time.ZoneOffset.UTC));
  }

  private static Instant instant(ResultSet rs) throws SQLException {
    OffsetDateTime value = rs.getObject("oldest", OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
