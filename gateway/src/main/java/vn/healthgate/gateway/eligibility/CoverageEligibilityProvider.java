package vn.healthgate.gateway.eligibility;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import vn.healthgate.gateway.security.Caller;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.fhir.FhirEligibilityMapper;
import vn.healthgate.routes.fhir.FhirFieldPaths;
import vn.healthgate.gateway.fhir.FhirErrors;

/** {@code POST /fhir/CoverageEligibilityRequest/$submit}: the FHIR face of the eligibility check. */
public class CoverageEligibilityProvider implements IResourceProvider {
  private final EligibilityGateway gateway;
  private final FhirEligibilityMapper mapper;

  public CoverageEligibilityProvider(EligibilityGateway gateway, FhirEligibilityMapper mapper) {
    this.gateway = gateway;
    this.mapper = mapper;
  }

  @Override
  public Class<? extends IBaseResource> getResourceType() {
    return CoverageEligibilityRequest.class;
  }

  @Operation(name = "$submit", idempotent = false, returnParameters = {})
  public CoverageEligibilityResponse submit(
      @OperationParam(name = "resource", min = 1, max = 1, type = CoverageEligibilityRequest.class) CoverageEligibilityRequest request,
      RequestDetails details) {
    if (request == null) {
      throw new UnprocessableEntityException(ErrorCode.FHIR_REQUEST_INVALID.code(), FhirErrors.outcome(ErrorCode.FHIR_REQUEST_INVALID, "resource"));
    }
    try {
      String facility = (String) details.getUserData().getOrDefault(Caller.FACILITY, null);
      if (facility == null && details instanceof ca.uhn.fhir.rest.server.servlet.ServletRequestDetails servlet) {
        facility = (String) servlet.getServletRequest().getAttribute(Caller.FACILITY);
      }
      return mapper.toResponse(gateway.check(mapper.toRequest(request), facility), request);
    } catch (GatewayException e) {
      throw FhirErrors.exception(e, FhirFieldPaths.ELIGIBILITY);
    }
  }
}
