package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.healthgate.routes.eligibility.PortalResultCode;
import vn.healthgate.routes.fhir.FhirIdentifiers;
import vn.healthgate.simulator.data.Population;

/** For every result code of the portal's lookup: a simulator citizen through REST and through FHIR. */
class EligibilityByResultCodeIT extends GatewayIT {

  static Stream<String> codes() {
    return Population.ALL_CODES.stream();
  }

  @ParameterizedTest(name = "portal code {0} through REST")
  @MethodSource("codes")
  void restAnswersEachPortalCodeWithItsOutcomeAndMessage(String code) {
    JsonNode citizen = citizen(code);
    PortalResultCode expected = PortalResultCode.of(code).orElseThrow();

    Reply reply = postEligibility(requestFor(citizen), apiKeyFor(citizen));

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.body().get("portalCode").asText()).isEqualTo(code);
    assertThat(reply.body().get("outcome").asText()).isEqualTo(expected.outcome().name());
    assertThat(reply.body().get("eligible").asBoolean()).isEqualTo(expected.eligible());
    assertThat(reply.body().get("message").asText()).isEqualTo(expected.english());
    assertThat(reply.body().get("messageVi").asText()).isEqualTo(expected.vietnamese());
    assertThat(reply.header("X-Correlation-Id")).isNotBlank();
    if (expected.category().name().equals("CARD") && !code.equals("050") && !code.equals("130")) {
      assertThat(reply.body().at("/card/number").asText()).hasSize(15);
    }
    if (code.equals("003") || code.equals("004")) {
      assertThat(reply.body().at("/newCard/number").asText()).hasSize(15);
    }
  }

  @ParameterizedTest(name = "portal code {0} through FHIR")
  @MethodSource("codes")
  void fhirAnswersEachPortalCodeWithAValidCoverageEligibilityResponse(String code) {
    JsonNode citizen = citizen(code);
    PortalResultCode expected = PortalResultCode.of(code).orElseThrow();

    Reply reply = post("/fhir/CoverageEligibilityRequest/$submit", "application/fhir+json",
        FhirTestSupport.eligibilityRequest(citizen), apiKeyFor(citizen));

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    CoverageEligibilityResponse response = FhirTestSupport.FHIR.newJsonParser().parseResource(CoverageEligibilityResponse.class, reply.text());
    Coding portal = (Coding) response.getExtensionByUrl(FhirIdentifiers.EXT_PORTAL_RESULT).getValue();
    assertThat(portal.getCode()).isEqualTo(code);
    assertThat(((CodeType) response.getExtensionByUrl(FhirIdentifiers.EXT_OUTCOME).getValue()).getValue()).isEqualTo(expected.outcome().name());
    assertThat(response.getDisposition()).isEqualTo(expected.english());
    assertThat(response.getError().isEmpty()).isEqualTo(expected.eligible());
    assertThat(response.getInsurance()).as("insurance[] for every code, 130 without a card included").isNotEmpty();
    if (expected.outcome() != vn.healthgate.routes.eligibility.Outcome.RETRY_LATER) {
      // the last insurance is the card in force (003: the old card has expired, the new one is inforce)
      assertThat(response.getInsurance().get(response.getInsurance().size() - 1).getInforce()).isEqualTo(expected.eligible());
    }
    assertThat(FhirTestSupport.validationErrors(response)).as("base R4 validation").isEmpty();
  }
}
