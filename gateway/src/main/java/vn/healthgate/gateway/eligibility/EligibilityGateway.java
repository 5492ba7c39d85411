package vn.healthgate.gateway.eligibility;

import org.apache.camel.CamelExecutionException;
import java.time.Duration;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import vn.healthgate.routes.eligibility.EligibilityEvents;
import vn.healthgate.routes.eligibility.EligibilityRequest;
import vn.healthgate.routes.eligibility.EligibilityResult;
import vn.healthgate.routes.eligibility.EligibilityRoute;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/** Hands an eligibility request to the Camel route after checking the caller may speak for the facility it names. */
@Component
public class EligibilityGateway {
  private final ProducerTemplate producer;
  private final EligibilityEvents events;

  public EligibilityGateway(ProducerTemplate producer, EligibilityEvents events) {
    this.producer = producer;
    this.events = events;
  }

  /** Checks and counts: outcome and portal code of an answer, or the error code of a refusal. */
  public EligibilityResult check(EligibilityRequest request, String authenticatedFacility) {
    long start = System.nanoTime();
    try {
      EligibilityResult result = checkUncounted(request, authenticatedFacility);
      events.checked(authenticatedFacility, result.portalCode(), result.outcome().name(), Duration.ofNanos(System.nanoTime() - start));
      return result;
    } catch (GatewayException e) {
      events.checked(authenticatedFacility, null, e.errorCode().code(), Duration.ofNanos(System.nanoTime() - start));
      throw e;
    }
  }

  private EligibilityResult checkUncounted(EligibilityRequest request, String authenticatedFacility) {
    if (request == null) {
      throw new GatewayException(ErrorCode.FACILITY_MISSING, "facilityCode");
    }
    if (request.facilityCode() != null && !request.facilityCode().isBlank()
        && authenticatedFacility != null && !authenticatedFacility.equals(request.facilityCode().trim())) {
      throw new GatewayException(ErrorCode.FACILITY_FORBIDDEN, "facilityCode");
    }
    try {
      return producer.requestBody(EligibilityRoute.ENDPOINT, request, EligibilityResult.class);
    } catch (CamelExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
