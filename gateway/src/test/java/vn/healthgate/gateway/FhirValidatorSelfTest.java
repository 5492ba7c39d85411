package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.junit.jupiter.api.Test;

/** The validator used by the FHIR tests does reject what base R4 forbids (so a green FHIR test means something). */
class FhirValidatorSelfTest {

  @Test
  void rejectsAResponseMissingRequiredElements() {
    CoverageEligibilityResponse empty = new CoverageEligibilityResponse();

    assertThat(FhirTestSupport.validationErrors(empty)).isNotEmpty();
  }
}
