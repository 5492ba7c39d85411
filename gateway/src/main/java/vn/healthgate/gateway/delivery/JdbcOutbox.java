package vn.healthgate.gateway.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import vn.healthgate.routes.delivery.DocumentKind;
import vn.healthgate.routes.delivery.DuplicateSubmissionException;
import vn.healthgate.routes.delivery.Outbox;
import vn.healthgate.routes.delivery.PortalDocument;
import vn.healthgate.routes.delivery.Submission;
import vn.healthgate.routes.delivery.SubmissionFilter;
import vn.healthgate.routes.delivery.SubmissionStatus;
import vn.healthgate.gateway.persistence.Sha256;

/** The outbox table over JDBC; the same SQL runs on H2 and PostgreSQL. */
@Repository
public class JdbcOutbox implements Outbox {
  private static final String COLUMNS = "id, kind, facility_code, business_key, operation, status, attempts, last_error, next_attempt_at, payload, payload_hash,"
      + " signed_document, receipt, portal_received_at, warnings, created_at, updated_at, signed_hash, purged_at";
  private static final String PENDING = "('RECEIVED','SIGNED','SENT')";

  private final JdbcTemplate jdbc;

  public JdbcOutbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private static OffsetDateTime t(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static final RowMapper<Submission> ROW = (ResultSet rs, int n) -> new Submission(
      rs.getString("id"), DocumentKind.valueOf(rs.getString("kind")), rs.getString("facility_code"), rs.getString("business_key"),
      rs.getString("operation"), SubmissionStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
      instant(rs, "next_attempt_at"), rs.getString("payload"), rs.getString("payload_hash"), rs.getString("signed_document"),
      rs.getString("receipt"), instant(rs, "portal_received_at"), rs.getString("warnings"), instant(rs, "created_at"), instant(rs, "updated_at"),
      rs.getString("signed_hash"), instant(rs, "purged_at"));

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  @Override
  public Submission insert(PortalDocument document, String payloadJson, String payloadHash, String idempotencyKey, Instant now) {
    String id = UUID.randomUUID().toString();
    String dedup = document.kind() + "|" + document.facilityCode() + "|" + document.businessKey()
        + (document.operation().equals("ADD") ? "" : "|" + document.operation() + "|" + id);
    try {
      jdbc.update("insert into outbox (id, kind, facility_code, business_key, operation, dedup_key, idempotency_key, status, attempts, next_attempt_at,"
              + " payload, payload_hash, warnings, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'RECEIVED', 0, ?, ?, ?, ?, ?, ?)",
          id, document.kind().name(), document.facilityCode(), document.businessKey(), document.operation(), dedup, idempotencyKey, t(now),
          payloadJson, payloadHash, document.warnings().isEmpty() ? null : String.join("; ", document.warnings()), t(now), t(now));
    } catch (DuplicateKeyException e) {
      throw new DuplicateSubmissionException(e);
    }
    return find(id).orElseThrow();
  }

  @Override
  public Optional<Submission> find(String id) {
    return jdbc.query("select " + COLUMNS + " from outbox where id = ?", ROW, id).stream().findFirst();
  }

  @Override
  public Optional<Submission> findByKey(DocumentKind kind, String facilityCode, String businessKey, String operation) {
    return jdbc.query("select " + COLUMNS + " from outbox where kind = ? and facility_code = ? and business_key = ? and operation = ?"
        + " order by created_at desc fetch first 1 rows only", ROW, kind.name(), facilityCode, businessKey, operation).stream().findFirst();
  }

  @Override
  public Optional<Submission> findByIdempotencyKey(String facilityCode, String idempotencyKey) {
    return jdbc.query("select " + COLUMNS + " from outbox where facility_code = ? and idempotency_key = ?", ROW, facilityCode, idempotencyKey).stream().findFirst();
  }

  @Override
  public List<Submission> claim(int max, Duration lease, Instant now, String node) {
    String token = node + ":" + UUID.randomUUID();
    jdbc.update("update outbox set claimed_by = ?, claimed_until = ? where id in (select id from outbox where status in " + PENDING
            + " and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?) order by next_attempt_at fetch first " + max + " rows only)"
            + " and status in " + PENDING + " and (claimed_until is null or claimed_until < ?)",
        token, t(now.plus(lease)), t(now), t(now), t(now));
    return jdbc.query("select " + COLUMNS + " from outbox where claimed_by = ?", ROW, token);
  }

  @Override
  public int releaseClaims(String node) {
    return jdbc.update("update outbox set claimed_by = null, claimed_until = null where claimed_by like ?", node + ":%");
  }

  @Override
  public void markSigned(String id, String signedDocument, Instant now) {
    jdbc.update("update outbox set status = 'SIGNED', signed_document = ?, signed_hash = ?, updated_at = ? where id = ? and status in " + PENDING,
        signedDocument, Sha256.hex(signedDocument), t(now), id);
  }

  @Override
  public void markSent(String id, int attempts, Instant now) {
    jdbc.update("update outbox set status = 'SENT', attempts = ?, updated_at = ? where id = ? and status in " + PENDING, attempts, t(now), id);
  }

  @Override
  public void markAccepted(String id, String receipt, Instant portalReceivedAt, Instant now) {
    jdbc.update("update outbox set status = 'ACCEPTED', receipt = ?, portal_received_at = ?, last_error = null, claimed_by = null, claimed_until = null,"
        + " updated_at = ? where id = ?", receipt, t(portalReceivedAt), t(now), id);
  }

  @Override
  public void markRejected(String id, String reason, Instant now) {
    jdbc.update("update outbox set status = 'REJECTED', last_error = ?, claimed_by = null, claimed_until = null, updated_at = ? where id = ?",
        truncate(reason), t(now), id);
  }

  @Override
  public void reschedule(String id, int attempts, String error, Instant nextAttemptAt, Instant now) {
    jdbc.update("update outbox set attempts = ?, last_error = ?, next_attempt_at = ?, claimed_by = null, claimed_until = null, updated_at = ? where id = ?",
        attempts, truncate(error), t(nextAttemptAt), t(now), id);
  }

  @Override
  public void markDeadLetter(String id, int attempts, String error, Instant now) {
    jdbc.update("update outbox set status = 'DEAD_LETTER', attempts = ?, last_error = ?, claimed_by = null, claimed_until = null, updated_at = ? where id = ?",
        attempts, truncate(error), t(now), id);
  }

  @Override
  public void requeue(String id, Instant now) {
    jdbc.update("update outbox set status = case when signed_document is null then 'RECEIVED' else 'SENT' end, attempts = 0, next_attempt_at = ?,"
        + " claimed_by = null, claimed_until = null, updated_at = ? where id = ? and status = 'DEAD_LETTER'", t(now), t(now), id);
  }

  @Override
  public List<Submission> list(SubmissionFilter filter) {
    List<Object> args = new ArrayList<>();
    String sql = "select " + COLUMNS + " from outbox where " + where(filter, args) + " order by created_at, id offset "
        + (long) Math.max(0, filter.page()) * Math.max(1, filter.size()) + " rows fetch next " + Math.max(1, filter.size()) + " rows only";
    return jdbc.query(sql, ROW, args.toArray());
  }

  @Override
  public long count(SubmissionFilter filter) {
    List<Object> args = new ArrayList<>();
    Long count = jdbc.queryForObject("select count(*) from outbox where " + where(filter, args), Long.class, args.toArray());
    return count == null ? 0 : count;
  }

  /** The filter as a where clause; its values appended to {@code args}. */
  private static String where(SubmissionFilter filter, List<Object> args) {
    StringBuilder sql = new StringBuilder("1 = 1");
    if (filter.facilityCode() != null) {
      sql.append(" and facility_code = ?");
      args.add(filter.facilityCode());
    }
    if (filter.status() != null) {
      sql.append(" and status = ?");
      args.add(filter.status().name());
    }
    if (filter.kind() != null) {
      sql.append(" and kind = ?");
      args.add(filter.kind().name());
    }
    if (filter.episodeId() != null) {
      sql.append(" and kind = ? and business_key = ?");
      args.add(DocumentKind.CHECK_IN.name());
      args.add(filter.episodeId());
    }
    if (filter.number() != null) {
      sql.append(" and kind = ? and business_key = ?");
      args.add(DocumentKind.CERTIFICATE.name());
      args.add(filter.number());
    }
    if (filter.since() != null) {
      sql.append(" and created_at >= ?");
      args.add(t(filter.since()));
    }
    return sql.toString();
  }

  /**
   * One facility's submissions of {@code kind} for the FHIR searches, newest first: each filter is optional (null), the
   * times bound {@code created_at} ({@code from} inclusive, {@code to} exclusive).
   */
  public List<Submission> search(DocumentKind kind, String facilityCode, String id, String businessKey, Instant from, Instant to, int limit) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from outbox where facility_code = ?");
    List<Object> args = new ArrayList<>(List.of(facilityCode));
    if (kind != null) {
      sql.append(" and kind = ?");
      args.add(kind.name());
    }
    if (id != null) {
      sql.append(" and id = ?");
      args.add(id);
    }
    if (businessKey != null) {
      sql.append(" and business_key = ?");
      args.add(businessKey);
    }
    if (from != null) {
      sql.append(" and created_at >= ?");
      args.add(t(from));
    }
    if (to != null) {
      sql.append(" and created_at < ?");
      args.add(t(to));
    }
    sql.append(" order by created_at desc, id fetch first ").append(Math.max(1, limit)).append(" rows only");
    return jdbc.query(sql.toString(), ROW, args.toArray());
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
  }
}
