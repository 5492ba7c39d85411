package vn.healthgate.gateway.delivery;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import vn.healthgate.gateway.security.Caller;
import vn.healthgate.routes.delivery.Submissions;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.fhir.FhirDocumentMapper;
import vn.healthgate.gateway.fhir.FhirErrors;

/** {@code POST /fhir/Encounter} (a check-in notice) and {@code POST /fhir/Bundle} (a driver health certificate), onto the same intake routes as REST. */
final class DocumentProviders {
  private DocumentProviders() {}

  static MethodOutcome outcome(String type, Submissions.Intake intake) {
    OperationOutcome info = new OperationOutcome();
    info.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.INFORMATIONAL)
        .setDiagnostics("Stored for delivery to the portal (status " + intake.submission().status().name() + "): /api/v1/submissions/" + intake.submission().id());
    MethodOutcome outcome = new MethodOutcome(new IdType(type, intake.submission().id()), info);
    outcome.setCreated(intake.created());
    return outcome;
  }

  static String caller(RequestDetails details) {
    return details instanceof ServletRequestDetails servlet ? (String) servlet.getServletRequest().getAttribute(Caller.FACILITY) : null;
  }

  /**
   * One FHIR intake: a body is required (HAPI hands null when there is none), mapped onto the REST
   * model, the facility it names must be the caller's, then stored like a REST submission.
   */
  static <R, Q> MethodOutcome intake(String type, R resource, RequestDetails details, java.util.function.Function<R, Q> map,
      java.util.function.Function<Q, String> facility, java.util.function.BiFunction<Q, String, Submissions.Intake> submit) {
    try {
      requireBody(resource, type);
      Q request = map.apply(resource);
      ownFacility(facility.apply(request), details);
      return outcome(type, submit.apply(request, details.getHeader("Idempotency-Key")));
    } catch (GatewayException e) {
      throw FhirErrors.exception(e);
    }
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

  /** Encounter → check-in notice. */
  static final class EncounterProvider implements IResourceProvider {
    private final SubmissionGateway submissions;
    private final FhirDocumentMapper mapper;

    EncounterProvider(SubmissionGateway submissions, FhirDocumentMapper mapper) {
      this.submissions = submissions;
      this.mapper = mapper;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return Encounter.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Encounter encounter, RequestDetails details) {
      return intake("Encounter", encounter, details, mapper::checkIn, r -> r.facilityCode(), submissions::checkIn);
    }
  }

  /** Document Bundle with a Composition → driver health certificate. */
  static final class BundleProvider implements IResourceProvider {
    private final SubmissionGateway submissions;
    private final FhirDocumentMapper mapper;

    BundleProvider(SubmissionGateway submissions, FhirDocumentMapper mapper) {
      this.submissions = submissions;
      this.mapper = mapper;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return Bundle.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Bundle bundle, RequestDetails details) {
      return intake("Bundle", bundle, details, mapper::certificate, r -> r.facilityCode(), submissions::certificate);
    }
  }
}
