package vn.healthgate.gateway.delivery;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.healthgate.gateway.security.Caller;
import vn.healthgate.routes.delivery.CertificateRequest;
import vn.healthgate.routes.delivery.CheckInRequest;
import vn.healthgate.routes.delivery.DocumentKind;
import vn.healthgate.routes.delivery.Submission;
import vn.healthgate.routes.delivery.SubmissionFilter;
import vn.healthgate.routes.delivery.SubmissionStatus;
import vn.healthgate.routes.delivery.Submissions;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/** Check-in notices and driver health certificates: intake (202 once stored), status and the signed evidence. */
@RestController
class SubmissionController {
  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private final Submissions submissions;
  private final SubmissionGateway intake;

  SubmissionController(Submissions submissions, SubmissionGateway intake) {
    this.submissions = submissions;
    this.intake = intake;
  }

  @PostMapping(path = "/api/v1/check-ins", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> checkIn(@RequestBody CheckInRequest request, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
      HttpServletRequest http) {
    ownFacility(request == null ? null : request.facilityCode(), http);
    return accepted(intake.checkIn(request, key));
  }

  @PostMapping(path = "/api/v1/driver-health-certificates", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> certificate(@RequestBody CertificateRequest request, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
      HttpServletRequest http) {
    ownFacility(request == null ? null : request.facilityCode(), http);
    return accepted(intake.certificate(request, key));
  }

  @PutMapping(path = "/api/v1/driver-health-certificates/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> correct(@PathVariable String id, @RequestBody CertificateRequest request,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, HttpServletRequest http) {
    String facility = ownFacility(request == null ? null : request.facilityCode(), http);
    return accepted(intake.correctCertificate(id, facility, request, key));
  }

  @GetMapping(path = "/api/v1/submissions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> status(@PathVariable String id, HttpServletRequest http) {
    return SubmissionView.of(submissions.find(id, caller(http)));
  }

  @GetMapping(path = "/api/v1/submissions/{id}/signed-document")
  ResponseEntity<String> signedDocument(@PathVariable String id, HttpServletRequest http) {
    Submission submission = submissions.find(id, caller(http));
    if (submission.purgedAt() != null) {
      throw new GatewayException(ErrorCode.DOCUMENT_PURGED, "id");
    }
    if (submission.signedDocument() == null) {
      throw new GatewayException(ErrorCode.NOT_SIGNED_YET, "id");
    }
    return ResponseEntity.ok().contentType(new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8)).body(submission.signedDocument());
  }

  @GetMapping(path = "/api/v1/submissions", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> list(@RequestParam(required = false) String facilityCode, @RequestParam(required = false) String status,
      @RequestParam(required = false) String kind, @RequestParam(required = false) String since,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, HttpServletRequest http) {
    String caller = caller(http);
    if (facilityCode != null && caller != null && !caller.equals(facilityCode)) {
      throw new GatewayException(ErrorCode.FACILITY_FORBIDDEN, "facilityCode");
    }
    checkPaging(page, size);
    SubmissionFilter filter = filter(caller != null ? caller : facilityCode, status, kind, since, page, size);
    List<Map<String, Object>> items = submissions.list(filter).stream().map(SubmissionView::of).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("page", filter.page());
    body.put("size", filter.size());
    body.put("items", items);
    return body;
  }

  /** Paging limits (docs/api.md): {@code page} 0…{@value #MAX_PAGE}, {@code size} 1…{@value #MAX_SIZE}. */
  static final int MAX_PAGE = 100_000;
  static final int MAX_SIZE = 500;

  /** Refuses paging parameters out of range, naming the parameter. */
  static void checkPaging(int page, int size) {
    if (page < 0 || page > MAX_PAGE) {
      throw new GatewayException(ErrorCode.PARAMETER_INVALID, "page");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new GatewayException(ErrorCode.PARAMETER_INVALID, "size");
    }
  }

  /** The filter a query names; its values are checked here ({@code 400 GW-PARAMETER-INVALID} naming the parameter), paging by {@link #checkPaging}. */
  static SubmissionFilter filter(String facilityCode, String status, String kind, String since, int page, int size) {
    SubmissionStatus statusValue = parse(status, "status", v -> SubmissionStatus.valueOf(v.toUpperCase(java.util.Locale.ROOT)));
    DocumentKind kindValue = parse(kind, "kind", v -> DocumentKind.valueOf(v.toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
    Instant sinceValue = parse(since, "since", Instant::parse);
    return new SubmissionFilter(facilityCode, statusValue, kindValue, sinceValue, page, size);
  }

  private static <T> T parse(String value, String name, java.util.function.Function<String, T> parser) {
    if (value == null) {
      return null;
    }
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new GatewayException(ErrorCode.PARAMETER_INVALID, name);
    }
  }

  private static ResponseEntity<Map<String, Object>> accepted(Submissions.Intake intake) {
    Submission s = intake.submission();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", s.id());
    body.put("status", s.status().name());
    body.put("links", SubmissionView.links(s));
    if (s.warnings() != null) {
      body.put("warnings", List.of(s.warnings().split("; ")));
    }
    return ResponseEntity.status(intake.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .location(URI.create("/api/v1/submissions/" + s.id())).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  /** The caller's facility; a request naming another facility is refused. */
  private static String ownFacility(String requested, HttpServletRequest http) {
    String caller = caller(http);
    if (requested != null && !requested.isBlank() && caller != null && !caller.equals(requested.trim())) {
      throw new GatewayException(ErrorCode.FACILITY_FORBIDDEN, "facilityCode");
    }
    return caller;
  }

  private static String caller(HttpServletRequest http) {
    return Caller.facilityOf(http);
  }
}
