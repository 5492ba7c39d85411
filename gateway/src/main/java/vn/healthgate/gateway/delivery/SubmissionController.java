package vn.healthgate.gateway.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
import vn.healthgate.gateway.web.InvalidParameter;
import vn.healthgate.gateway.web.ProblemCodes;
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
@Tag(name = "Submissions", description = "Check-in notices and driver health certificates: stored, signed and delivered exactly once")
class SubmissionController {
  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final String IDEMPOTENCY_DESCRIPTION = "any text up to 200 characters: makes a retry of the same request safe";
  private static final String LIST_PATH = "/api/v1/submissions";
  private final Submissions submissions;
  private final SubmissionGateway intake;

  SubmissionController(Submissions submissions, SubmissionGateway intake) {
    this.submissions = submissions;
    this.intake = intake;
  }

  @PostMapping(path = "/api/v1/check-ins", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Store a check-in notice (XML 0) for signing and delivery", responses = {
      @ApiResponse(responseCode = "202", description = "Stored: the gateway owns delivery from now on"),
      @ApiResponse(responseCode = "200", description = "The same document again: the first one's answer")})
  @ProblemCodes({ErrorCode.FACILITY_ONLY, ErrorCode.FACILITY_FORBIDDEN, ErrorCode.RATE_LIMITED, ErrorCode.FACILITY_MISSING, ErrorCode.FACILITY_UNKNOWN,
      ErrorCode.FIELD_REQUIRED, ErrorCode.FIELD_FORMAT, ErrorCode.FIELD_TOO_LONG, ErrorCode.TEXT_CHARACTERS, ErrorCode.DATE_IN_FUTURE,
      ErrorCode.SEX_INVALID, ErrorCode.CCCD_PROVINCE, ErrorCode.CCCD_CENTURY, ErrorCode.CCCD_BIRTHYEAR, ErrorCode.CCCD_SEX, ErrorCode.NO_SIGNING_KEY,
      ErrorCode.DUPLICATE_CONFLICT, ErrorCode.IDEMPOTENCY_CONFLICT, ErrorCode.AUDIT_UNAVAILABLE})
  ResponseEntity<IntakeAnswer> checkIn(@RequestBody CheckInRequest request, @Parameter(description = IDEMPOTENCY_DESCRIPTION) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
      HttpServletRequest http) {
    ownFacility(request == null ? null : request.facilityCode(), http);
    return accepted(intake.checkIn(request, key));
  }

  @PostMapping(path = "/api/v1/driver-health-certificates", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Store a driver health certificate for signing and delivery", responses = {
      @ApiResponse(responseCode = "202", description = "Stored: the gateway owns delivery from now on"),
      @ApiResponse(responseCode = "200", description = "The same document again: the first one's answer")})
  @ProblemCodes({ErrorCode.FACILITY_ONLY, ErrorCode.FACILITY_FORBIDDEN, ErrorCode.RATE_LIMITED, ErrorCode.FACILITY_MISSING, ErrorCode.FACILITY_UNKNOWN,
      ErrorCode.FIELD_REQUIRED, ErrorCode.FIELD_FORMAT, ErrorCode.FIELD_TOO_LONG, ErrorCode.TEXT_CHARACTERS, ErrorCode.DATE_IN_FUTURE,
      ErrorCode.SEX_INVALID, ErrorCode.CCCD_PROVINCE, ErrorCode.CCCD_CENTURY, ErrorCode.CCCD_BIRTHYEAR, ErrorCode.CCCD_SEX, ErrorCode.FACILITY_MISMATCH,
      ErrorCode.CERTIFICATE_NUMBER, ErrorCode.LICENCE_CLASS, ErrorCode.ALCOHOL, ErrorCode.DRUG_TEST, ErrorCode.CONCLUSION, ErrorCode.REEXAMINATION_DATE,
      ErrorCode.NO_SIGNING_KEY, ErrorCode.DUPLICATE_CONFLICT, ErrorCode.IDEMPOTENCY_CONFLICT, ErrorCode.AUDIT_UNAVAILABLE})
  ResponseEntity<IntakeAnswer> certificate(@RequestBody CertificateRequest request,
      @Parameter(description = IDEMPOTENCY_DESCRIPTION) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, HttpServletRequest http) {
    ownFacility(request == null ? null : request.facilityCode(), http);
    return accepted(intake.certificate(request, key));
  }

  @PutMapping(path = "/api/v1/driver-health-certificates/{id}", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Correct a certificate the portal accepted (sent with STATE=EDIT)", responses = {
      @ApiResponse(responseCode = "202", description = "The correction is stored"),
      @ApiResponse(responseCode = "200", description = "The same correction again: the first one's answer")})
  @ProblemCodes({ErrorCode.FACILITY_ONLY, ErrorCode.FACILITY_FORBIDDEN, ErrorCode.RATE_LIMITED, ErrorCode.FACILITY_MISSING, ErrorCode.FACILITY_UNKNOWN,
      ErrorCode.SUBMISSION_NOT_FOUND, ErrorCode.EDIT_NOT_ALLOWED, ErrorCode.FIELD_REQUIRED, ErrorCode.FIELD_FORMAT, ErrorCode.FIELD_TOO_LONG,
      ErrorCode.TEXT_CHARACTERS, ErrorCode.DATE_IN_FUTURE, ErrorCode.SEX_INVALID, ErrorCode.CCCD_PROVINCE, ErrorCode.CCCD_CENTURY, ErrorCode.CCCD_BIRTHYEAR,
      ErrorCode.CCCD_SEX, ErrorCode.FACILITY_MISMATCH, ErrorCode.CERTIFICATE_NUMBER, ErrorCode.LICENCE_CLASS, ErrorCode.ALCOHOL, ErrorCode.DRUG_TEST,
      ErrorCode.CONCLUSION, ErrorCode.REEXAMINATION_DATE, ErrorCode.NO_SIGNING_KEY, ErrorCode.DUPLICATE_CONFLICT, ErrorCode.IDEMPOTENCY_CONFLICT,
      ErrorCode.AUDIT_UNAVAILABLE})
  ResponseEntity<IntakeAnswer> correct(@Parameter(description = "the id of the accepted certificate's submission") @PathVariable String id,
      @RequestBody CertificateRequest request, @Parameter(description = IDEMPOTENCY_DESCRIPTION) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
      HttpServletRequest http) {
    String facility = ownFacility(request == null ? null : request.facilityCode(), http);
    return accepted(intake.correctCertificate(id, facility, request, key));
  }

  @GetMapping(path = "/api/v1/submissions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Status and evidence of one submission (a facility its own, an admin any)")
  @ProblemCodes({ErrorCode.FACILITY_ONLY, ErrorCode.RATE_LIMITED, ErrorCode.FACILITY_FORBIDDEN, ErrorCode.SUBMISSION_NOT_FOUND, ErrorCode.AUDIT_UNAVAILABLE})
  SubmissionView status(@PathVariable String id, HttpServletRequest http) {
    return SubmissionView.of(submissions.find(id, caller(http)));
  }

  @GetMapping(path = "/api/v1/submissions/{id}/signed-document", produces = MediaType.APPLICATION_XML_VALUE)
  @Operation(summary = "The exact signed XML sent to the portal", responses = @ApiResponse(responseCode = "200", description = "The signed document",
      content = @Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string"))))
  @ProblemCodes({ErrorCode.FACILITY_ONLY, ErrorCode.RATE_LIMITED, ErrorCode.FACILITY_FORBIDDEN, ErrorCode.SUBMISSION_NOT_FOUND, ErrorCode.NOT_SIGNED_YET,
      ErrorCode.DOCUMENT_PURGED, ErrorCode.AUDIT_UNAVAILABLE})
  ResponseEntity<String> signedDocument(@PathVariable String id, HttpServletRequest http) {
    Submission submission = submissions.find(id, caller(http));
    if (submission.purgedAt() != null) {
      throw new GatewayException(ErrorCode.DOCUMENT_PURGED, "id");
    }
    if (submission.signedDocument() == null) {
      throw new GatewayException(ErrorCode.NOT_SIGNED_YET, "id");
    }
    return ResponseEntity.ok().contentType(new MediaType("application", "xml", StandardCharsets.UTF_8)).body(submission.signedDocument());
  }

  @GetMapping(path = LIST_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Find submissions (a facility its own, an admin all), oldest first, one page at a time")
  @ProblemCodes({ErrorCode.FACILITY_ONLY, ErrorCode.RATE_LIMITED, ErrorCode.FACILITY_FORBIDDEN, ErrorCode.AUDIT_UNAVAILABLE})
  SubmissionPage list(@Parameter(description = "a facility its own only") @RequestParam(required = false) String facilityCode,
      @Parameter(schema = @Schema(implementation = SubmissionStatus.class)) @RequestParam(required = false) String status,
      @Parameter(schema = @Schema(implementation = DocumentKind.class)) @RequestParam(required = false) String kind,
      @Parameter(description = "MA_LK of a check-in") @RequestParam(required = false) String episodeId,
      @Parameter(description = "SO of a certificate") @RequestParam(required = false) String number,
      @Parameter(description = SINCE, schema = @Schema(type = "string", format = "date-time")) @RequestParam(required = false) String since,
      @Parameter(schema = @Schema(type = "integer", minimum = "0", maximum = "100000", defaultValue = "0")) @RequestParam(required = false) String page,
      @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50")) @RequestParam(required = false) String size,
      HttpServletRequest http) {
    String caller = caller(http);
    if (facilityCode != null && caller != null && !caller.equals(facilityCode)) {
      throw new GatewayException(ErrorCode.FACILITY_FORBIDDEN, "facilityCode");
    }
    Map<String, String> query = named("facilityCode", facilityCode, "status", status, "kind", kind, "episodeId", episodeId, "number", number, "since", since);
    SubmissionFilter filter = filter(caller != null ? caller : facilityCode, enumeration(status, "status", SubmissionStatus.class), kind, episodeId, number,
        since, page, size);
    List<SubmissionView> items = submissions.list(filter).stream().map(SubmissionView::of).toList();
    return SubmissionPage.of(LIST_PATH, query, filter, items, submissions.count(filter));
  }

  static final String SINCE = "created at or after this ISO-8601 instant with an offset (Z or +07:00; a + in a query is sent as %2B)";

  /** Paging limits (docs/api.md): {@code page} 0…{@value #MAX_PAGE}, {@code size} 1…{@value #MAX_SIZE}. */
  static final int MAX_PAGE = 100_000;
  static final int MAX_SIZE = 500;
  /**
   * The filter a query names; its values are checked here ({@code 400 GW-PARAMETER-INVALID} naming the
   * parameter; an enumeration's problem lists its values). {@code facilityCode} is the one to filter on
   * (the caller's own for a facility).
   */
  static SubmissionFilter filter(String facilityCode, SubmissionStatus status, String kind, String episodeId, String number, String since, String page,
      String size) {
    DocumentKind kindValue = enumeration(kind, "kind", DocumentKind.class);
    Instant sinceValue = parse(since, "since", Instant::parse);
    int pageValue = page == null ? 0 : number(page, "page", 0, MAX_PAGE);
    int sizeValue = size == null ? 50 : number(size, "size", 1, MAX_SIZE);
    return new SubmissionFilter(facilityCode, status, kindValue, episodeId, number, sinceValue, pageValue, sizeValue);
  }

  /** The parameters set among {@code nameValuePairs}, in their order (the links of a page name them so). */
  static Map<String, String> named(String... nameValuePairs) {
    Map<String, String> named = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      if (nameValuePairs[i + 1] != null) {
        named.put(nameValuePairs[i], nameValuePairs[i + 1]);
      }
    }
    return named;
  }

  /** Exactly one of the Java names; any other spelling is refused listing them. */
  static <E extends Enum<E>> E enumeration(String value, String name, Class<E> type) {
    E[] values = type.getEnumConstants();
    if (value == null) {
      return null;
    }
    return Arrays.stream(values).filter(v -> v.name().equals(value)).findFirst()
        .orElseThrow(() -> new InvalidParameter(name, Arrays.stream(values).map(Enum::name).toList()));
  }

  private static int number(String value, String name, int min, int max) {
    int parsed = parse(value, name, v -> v.matches("\\d{1,9}") ? Integer.parseInt(v) : min - 1);
    if (parsed < min || parsed > max) {
      throw new GatewayException(ErrorCode.PARAMETER_INVALID, name);
    }
    return parsed;
  }

  private static <T> T parse(String value, String name, Function<String, T> parser) {
    if (value == null) {
      return null;
    }
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new GatewayException(ErrorCode.PARAMETER_INVALID, name);
    }
  }

  private static ResponseEntity<IntakeAnswer> accepted(Submissions.Intake intake) {
    Submission s = intake.submission();
    IntakeAnswer body = new IntakeAnswer(s.id(), s.status(), SubmissionView.links(s), SubmissionView.warnings(s));
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
