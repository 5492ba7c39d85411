package vn.healthgate.gateway.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.healthgate.routes.delivery.DocumentKind;
import vn.healthgate.routes.delivery.Submission;
import vn.healthgate.routes.delivery.Submissions;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.gateway.operations.SubmissionLookup.Event;
import vn.healthgate.gateway.web.ProblemCodes;

/**
 * {@code GET /api/v1/admin/submissions?q=}: an admin looks one submission up by its id, its episode id (MA_LK of a
 * check-in) or its number (SO of a certificate), in every facility (a number two facilities both use lists both). Each
 * comes with its status, attempts, why it waits (in words), the portal's receipt, the evidence hashes and its history:
 * the audit-trail entries naming it and the times its outbox row keeps. Admins only ({@code /api/v1/admin/**}).
 */
@RestController
@Tag(name = "Admin")
class SubmissionLookupController {
  /** The most submissions one lookup lists, and the most audit entries shown per submission. */
  static final int MAX_FOUND = 50;
  static final int MAX_HISTORY = 200;
  private static final int MAX_QUERY = 200;

  private final JdbcTemplate jdbc;
  private final Submissions submissions;

  SubmissionLookupController(JdbcTemplate jdbc, Submissions submissions) {
    this.jdbc = jdbc;
    this.submissions = submissions;
  }

  @GetMapping(path = "/api/v1/admin/submissions", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Look one submission up by its id, MA_LK (episodeId) or SO (number), in every facility, with its evidence and history")
  @ProblemCodes({ErrorCode.ADMIN_ONLY, ErrorCode.PARAMETER_INVALID})
  SubmissionLookup lookUp(@Parameter(description = "the submission's id, a check-in's MA_LK or a certificate's SO") @RequestParam(required = false) String q) {
    String query = q == null ? "" : q.strip();
    if (query.isEmpty() || query.length() > MAX_QUERY) {
      throw new GatewayException(ErrorCode.PARAMETER_INVALID, "q");
    }
    List<String> ids = jdbc.queryForList("select id from (select id, created_at from outbox where id = ?"
        + " union select id, created_at from outbox where business_key = ?) found order by created_at, id fetch first " + MAX_FOUND + " rows only",
        String.class, query, query);
    return new SubmissionLookup(query, ids.stream().map(id -> found(submissions.find(id, null))).toList());
  }

  private SubmissionLookup.Found found(Submission s) {
    boolean checkIn = s.kind() == DocumentKind.CHECK_IN;
    String self = "/api/v1/submissions/" + s.id();
    String signedDocument = s.signedHash() != null && s.purgedAt() == null ? self + "/signed-document" : null;
    SubmissionLookup.Receipt receipt = s.receipt() == null ? null
        : new SubmissionLookup.Receipt(checkIn ? s.receipt() : null, checkIn ? null : s.receipt(), s.portalReceivedAt());
    return new SubmissionLookup.Found(s.id(), s.kind(), s.facilityCode(), checkIn ? s.businessKey() : null, checkIn ? null : s.businessKey(),
        s.operation(), s.status(), s.attempts(), s.status().finished() ? null : s.nextAttemptAt(), s.lastError(), FailureReason.describeStored(s.lastError()),
        receipt, new SubmissionLookup.Evidence(s.payloadHash(), s.signedHash(), s.purgedAt(), signedDocument),
        s.warnings() == null ? null : List.of(s.warnings().split("; ")), s.createdAt(), s.updatedAt(), history(s),
        new SubmissionLookup.Links(self, signedDocument));
  }

  /**
   * The audit entries naming the submission and the times its row keeps, oldest first; always first its storing, last the
   * next attempt if one is due (the portal's time of receipt is the portal's clock, which may differ from ours).
   */
  private List<Event> history(Submission s) {
    List<Event> events = new ArrayList<>();
    events.addAll(jdbc.query("select at, actor, action, result, correlation_id from audit_log where document_id = ? order by seq fetch first "
        + MAX_HISTORY + " rows only", SubmissionLookupController::audited, s.id()));
    if (s.portalReceivedAt() != null) {
      events.add(new Event(s.portalReceivedAt(), Event.Type.PORTAL_RECEIVED, null, null, s.receipt(), null));
    }
    if (s.updatedAt() != null && !s.updatedAt().equals(s.createdAt())) {
      events.add(new Event(s.updatedAt(), Event.Type.LAST_CHANGE, null, null, s.status().name(), null));
    }
    if (s.purgedAt() != null) {
      events.add(new Event(s.purgedAt(), Event.Type.BODIES_PURGED, null, null, null, null));
    }
    events.sort(Comparator.comparing(Event::at, Comparator.nullsLast(Comparator.naturalOrder())));
    events.add(0, new Event(s.createdAt(), Event.Type.STORED, null, null, s.operation(), null));
    if (!s.status().finished() && s.nextAttemptAt() != null) {
      events.add(new Event(s.nextAttemptAt(), Event.Type.NEXT_ATTEMPT, null, null, null, null));
    }
    return events;
  }

  private static Event audited(ResultSet rs, int row) throws SQLException {
    Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
    return new Event(at, Event.Type.REQUEST, rs.getString("actor"), rs.getString("action"), rs.getString("result"), rs.getString("correlation_id"));
  }
}
