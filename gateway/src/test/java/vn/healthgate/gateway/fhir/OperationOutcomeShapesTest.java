package vn.healthgate.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import vn.healthgate.gateway.web.ProblemResponses;
import vn.healthgate.routes.error.ErrorCode;

/**
 * The filters write OperationOutcomes as plain JSON (they run before HAPI); HAPI's providers build them
 * with HAPI's model. A FHIR client must not be able to tell which one answered: same issue, same code.
 */
class OperationOutcomeShapesTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @Test
  void theFiltersAndHapiWriteTheSameOperationOutcomeForEveryCode() throws Exception {
    for (ErrorCode code : ErrorCode.values()) {
      String plain = new ObjectMapper().writeValueAsString(ProblemResponses.operationOutcome(code, "person.address.line"));
      OperationOutcome parsed = FHIR.newJsonParser().parseResource(OperationOutcome.class, plain);
      OperationOutcome built = FhirErrors.outcome(code, "person.address.line");
      assertThat(parsed.equalsDeep(built)).as("%s: %s vs %s", code, plain, FHIR.newJsonParser().encodeResourceToString(built)).isTrue();
    }
  }
}
