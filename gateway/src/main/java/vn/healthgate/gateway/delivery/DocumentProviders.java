package vn.healthgate.gateway.delivery;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import vn.healthgate.gateway.fhir.FhirErrors;
import vn.healthgate.gateway.fhir.FhirTerminologyCheck;
import vn.healthgate.gateway.security.Caller;
import vn.healthgate.routes.delivery.DocumentKind;
import vn.healthgate.routes.delivery.Submission;
import vn.healthgate.routes.delivery.Submissions;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.fhir.FhirDocumentMapper;
import vn.healthgate.routes.fhir.FhirFieldPaths;
import vn.healthgate.routes.fhir.FhirIdentifiers;
import vn.healthgate.routes.fhir.FhirReadBack;

/**
 * {@code /fhir/Encounter} (check-in notices) and {@code /fhir/Bundle} (driver health certificates): create onto the
 * same intake routes as REST, read and search over the outbox (the caller's facility only; another facility's id is
 * 404, so ids do not leak), rebuilt from the stored portal fields ({@link FhirReadBack}).
 */
final class DocumentProviders {
  /** The most a search answers in one page ({@code _count}, default {@link #DEFAULT_COUNT}). */
  static final int MAX_COUNT = 500;
  static final int DEFAULT_COUNT = 50;

  private DocumentProviders() {}

  static String caller(RequestDetails details) {
    return details instanceof ServletRequestDetails servlet ? (String) servlet.getServletRequest().getAttribute(Caller.FACILITY) : null;
  }

  /** The create's answer as {@code Prefer} asks ({@code return=minimal | representation | OperationOutcome}; none: OperationOutcome). */
  static MethodOutcome outcome(String type, Submission submission, boolean created, RequestDetails details, Function<Submission, Resource> readBack) {
    MethodOutcome outcome = new MethodOutcome(new IdType(type, submission.id()));
    outcome.setCreated(created);
    String prefer = details.getHeader("Prefer");
    String wanted = prefer == null ? "" : prefer.replace(" ", "");
    if (wanted.contains("return=representation")) {
      outcome.setResource(readBack.apply(submission));
    } else if (!wanted.contains("return=minimal")) {
      OperationOutcome info = new OperationOutcome();
      info.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.INFORMATIONAL)
          .setDiagnostics("Stored for delivery to the portal (status " + submission.status().name() + "); follow Task/" + submission.id())
          .addLocation("Task/" + submission.id());
      if (submission.warnings() != null) {
        for (String warning : submission.warnings().split("; ")) {
          info.addIssue().setSeverity(OperationOutcome.IssueSeverity.WARNING).setCode(OperationOutcome.IssueType.INFORMATIONAL).setDiagnostics(warning);
        }
      }
      outcome.setOperationOutcome(info);
    }
    return outcome;
  }

  /**
   * One FHIR intake: a body is required (HAPI hands null when there is none), its codes of the project's systems must
   * exist, then mapped onto the REST model, the facility it names must be the caller's, then stored like a REST
   * submission, unless {@code If-None-Exist} names a document the facility already sent.
   */
  static <R extends Resource, Q> MethodOutcome intake(Context context, DocumentKind kind, R resource, String ifNoneExist, RequestDetails details,
      Function<R, Q> map, Function<Q, String> facility, BiFunction<Q, String, Submissions.Intake> submit, Function<Submission, Resource> readBack) {
    String type = FhirReadBack.resourceType(kind);
    try {
      requireBody(resource, type);
      if (ifNoneExist != null) {
        Submission existing = existing(context, kind, ifNoneExist, details);
        if (existing != null) {
          return outcome(type, existing, false, details, readBack);
        }
      }
      context.terminology().check(resource);
      Q request = map.apply(resource);
      ownFacility(facility.apply(request), details);
      Submissions.Intake intake = submit.apply(request, details.getHeader("Idempotency-Key"));
      return outcome(type, intake.submission(), intake.created(), details, readBack);
    } catch (GatewayException e) {
      throw FhirErrors.exception(e, kind == DocumentKind.CHECK_IN ? FhirFieldPaths.CHECK_IN : FhirFieldPaths.CERTIFICATE);
    }
  }

  /** The document {@code If-None-Exist} ({@code identifier=<system>|<value>}, the only criterion served) names, or null. */
  private static Submission existing(Context context, DocumentKind kind, String conditionalUrl, RequestDetails details) {
    String query = conditionalUrl.contains("?") ? conditionalUrl.substring(conditionalUrl.indexOf('?') + 1) : conditionalUrl;
    String system = kind == DocumentKind.CHECK_IN ? FhirIdentifiers.EPISODE_ID : FhirIdentifiers.CERTIFICATE_NUMBER;
    if (!query.startsWith("identifier=") || query.contains("&")) {
      throw new GatewayException(ErrorCode.PARAMETER_INVALID, "If-None-Exist");
    }
    String value = java.net.URLDecoder.decode(query.substring("identifier=".length()), java.nio.charset.StandardCharsets.UTF_8);
    int bar = value.indexOf('|');
    if (bar >= 0 && !value.substring(0, bar).equals(system)) {
      throw new GatewayException(ErrorCode.PARAMETER_INVALID, "If-None-Exist");
    }
    String key = bar >= 0 ? value.substring(bar + 1) : value;
    List<Submission> found = context.outbox().search(kind, caller(details), null, key, null, null, 1);
    return found.isEmpty() ? null : found.get(0);
  }

  /** HAPI hands a create method null when the request has no body. */
  static void requireBody(Object resource, String type) {
    if (resource == null) {
      throw new GatewayException(ErrorCode.FHIR_REQUEST_INVALID, type);
    }
  }

  static void ownFacility(String requested, RequestDetails details) {
    String caller = caller(details);
    if (requested != null && caller != null && !caller.equals(requested.trim())) {
      throw new GatewayException(ErrorCode.FACILITY_FORBIDDEN, "facilityCode");
    }
  }

  /** The caller's submission {@code id} of {@code kind}; anything else (another facility's, another kind, none) is 404. */
  static Submission own(Context context, DocumentKind kind, IdType id, RequestDetails details) {
    return context.outbox().search(kind, caller(details), id.getIdPart(), null, null, null, 1).stream().findFirst()
        .orElseThrow(() -> FhirErrors.exception(new GatewayException(ErrorCode.NOT_FOUND, "id")));
  }

  /** The body of a submission the retention job has not purged; after it, {@code 410 GW-DOCUMENT-PURGED}. */
  static Submission withBody(Submission s) {
    if (s.payload() == null) {
      throw FhirErrors.exception(new GatewayException(ErrorCode.DOCUMENT_PURGED, "id"));
    }
    return s;
  }

  /** The value of an identifier token of {@code system} ({@code <system>|<value>} or a bare value); a token of another system matches nothing. */
  static String identifierValue(TokenParam identifier, String system) {
    if (identifier == null) {
      return null;
    }
    if (identifier.getSystem() != null && !identifier.getSystem().isEmpty() && !identifier.getSystem().equals(system)) {
      throw FhirErrors.exception(new GatewayException(ErrorCode.PARAMETER_INVALID, "identifier"));
    }
    return identifier.getValue();
  }

  static int count(Integer count) {
    if (count != null && (count < 1 || count > MAX_COUNT)) {
      throw FhirErrors.exception(new GatewayException(ErrorCode.PARAMETER_INVALID, "_count"));
    }
    return count == null ? DEFAULT_COUNT : count;
  }

  /** The comparators a date search serves ({@code eq ge le gt lt}); another ({@code sa}, {@code eb}, {@code ap}, {@code ne}) is refused, not ignored. */
  static DateRangeParam served(DateRangeParam range, String parameter) {
    if (range != null) {
      for (var bound : java.util.Arrays.asList(range.getLowerBound(), range.getUpperBound())) {
        if (bound != null && bound.getPrefix() != null && !SERVED_PREFIXES.contains(bound.getPrefix())) {
          throw FhirErrors.exception(new GatewayException(ErrorCode.PARAMETER_INVALID, parameter));
        }
      }
    }
    return range;
  }

  private static final java.util.Set<ca.uhn.fhir.rest.param.ParamPrefixEnum> SERVED_PREFIXES = java.util.EnumSet.of(ca.uhn.fhir.rest.param.ParamPrefixEnum.EQUAL,
      ca.uhn.fhir.rest.param.ParamPrefixEnum.GREATERTHAN_OR_EQUALS, ca.uhn.fhir.rest.param.ParamPrefixEnum.LESSTHAN_OR_EQUALS,
      ca.uhn.fhir.rest.param.ParamPrefixEnum.GREATERTHAN, ca.uhn.fhir.rest.param.ParamPrefixEnum.LESSTHAN);

  static Instant lower(DateRangeParam range) {
    return range == null || range.getLowerBoundAsInstant() == null ? null : range.getLowerBoundAsInstant().toInstant();
  }

  static Instant upper(DateRangeParam range) {
    return range == null || range.getUpperBoundAsInstant() == null ? null : range.getUpperBoundAsInstant().toInstant();
  }

  /** What the providers share: the outbox to read and the terminology check of incoming codes. */
  record Context(JdbcOutbox outbox, FhirTerminologyCheck terminology) {}

  /** Encounter → check-in notice. */
  static final class EncounterProvider implements IResourceProvider {
    /** How many of the facility's most recent check-ins a {@code date} search looks through. */
    static final int DATE_SCAN = 1000;
    private final SubmissionGateway submissions;
    private final FhirDocumentMapper mapper;
    private final Context context;

    EncounterProvider(SubmissionGateway submissions, FhirDocumentMapper mapper, Context context) {
      this.submissions = submissions;
      this.mapper = mapper;
      this.context = context;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return Encounter.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Encounter encounter, @ConditionalUrlParam String ifNoneExist, RequestDetails details) {
      return intake(context, DocumentKind.CHECK_IN, encounter, ifNoneExist, details, mapper::checkIn, r -> r.facilityCode(), submissions::checkIn,
          FhirReadBack::encounter);
    }

    @Read
    public Encounter read(@IdParam IdType id, RequestDetails details) {
      return FhirReadBack.encounter(withBody(own(context, DocumentKind.CHECK_IN, id, details)));
    }

    /** By episode id ({@code identifier}), arrival ({@code date}, on {@code period.start}) and {@code _id}; newest first. */
    @Search
    public List<Encounter> search(@OptionalParam(name = "_id") TokenParam id, @OptionalParam(name = Encounter.SP_IDENTIFIER) TokenParam identifier,
        @OptionalParam(name = Encounter.SP_DATE) DateRangeParam date, @Count Integer count, RequestDetails details) {
      int limit = count(count);
      served(date, Encounter.SP_DATE);
      String key = identifierValue(identifier, FhirIdentifiers.EPISODE_ID);
      // a check-in is stored after its arrival, so the lower bound of the arrival bounds the storing time too
      List<Submission> rows = context.outbox().search(DocumentKind.CHECK_IN, caller(details), id == null ? null : id.getValue(), key,
          lower(date), null, date == null ? limit : DATE_SCAN);
      return rows.stream().filter(s -> s.payload() != null).map(FhirReadBack::encounter)
          .filter(e -> date == null || inRange(e.getPeriod().getStart().toInstant(), date))
          .limit(limit).toList();
    }

    private static boolean inRange(Instant instant, DateRangeParam range) {
      Instant from = lower(range);
      Instant to = upper(range);
      return (from == null || !instant.isBefore(from)) && (to == null || !instant.isAfter(to));
    }
  }

  /** Document Bundle with a Composition → driver health certificate. */
  static final class BundleProvider implements IResourceProvider {
    private final SubmissionGateway submissions;
    private final FhirDocumentMapper mapper;
    private final Context context;

    BundleProvider(SubmissionGateway submissions, FhirDocumentMapper mapper, Context context) {
      this.submissions = submissions;
      this.mapper = mapper;
      this.context = context;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return Bundle.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Bundle bundle, @ConditionalUrlParam String ifNoneExist, RequestDetails details) {
      return intake(context, DocumentKind.CERTIFICATE, bundle, ifNoneExist, details, mapper::certificate, r -> r.facilityCode(),
          submissions::certificate, FhirReadBack::bundle);
    }

    @Read
    public Bundle read(@IdParam IdType id, RequestDetails details) {
      return FhirReadBack.bundle(withBody(own(context, DocumentKind.CERTIFICATE, id, details)));
    }

    /** By certificate number ({@code identifier}, the Bundle's and its Composition's), receipt time ({@code timestamp}) and {@code _id}. */
    @Search
    public List<Bundle> search(@OptionalParam(name = "_id") TokenParam id, @OptionalParam(name = Bundle.SP_IDENTIFIER) TokenParam identifier,
        @OptionalParam(name = Bundle.SP_TIMESTAMP) DateRangeParam timestamp, @Count Integer count, RequestDetails details) {
      served(timestamp, Bundle.SP_TIMESTAMP);
      String key = identifierValue(identifier, FhirIdentifiers.CERTIFICATE_NUMBER);
      Instant to = upper(timestamp);
      return context.outbox().search(DocumentKind.CERTIFICATE, caller(details), id == null ? null : id.getValue(), key, lower(timestamp),
              to == null ? null : to.plusMillis(1), count(count))
          .stream().filter(s -> s.payload() != null).map(FhirReadBack::bundle).toList();
    }
  }
}
