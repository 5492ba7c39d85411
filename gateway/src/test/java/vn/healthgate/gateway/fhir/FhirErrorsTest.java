package vn.healthgate.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.fhir.FhirFieldPaths;

/** A refused resource's OperationOutcome: a FHIRPath into the resource in {@code expression}, the gateway field in {@code diagnostics}. */
class FhirErrorsTest {

  @Test
  void aGatewayFieldIsAnsweredWithTheFhirPathItWasReadFromAndKeptInDiagnostics() {
    OperationOutcome.OperationOutcomeIssueComponent issue = issue(new GatewayException(ErrorCode.NAME_MISSING, "fullName"), FhirFieldPaths.CHECK_IN);

    assertThat(issue.getExpression()).extracting(StringType::getValue).containsExactly("Encounter.contained.ofType(Patient).name");
    assertThat(issue.getDiagnostics()).isEqualTo(ErrorCode.NAME_MISSING.vietnamese() + " (field: fullName)");
  }

  @Test
  void aFieldWithNoElementInTheResourceHasNoExpression() {
    OperationOutcome.OperationOutcomeIssueComponent issue = issue(new GatewayException(ErrorCode.PARAMETER_INVALID, "Idempotency-Key"),
        FhirFieldPaths.CERTIFICATE);

    assertThat(issue.getExpression()).isEmpty();
    assertThat(issue.getDiagnostics()).endsWith("(field: Idempotency-Key)");
  }

  @Test
  void aPathTheTerminologyCheckAlreadyGaveIsKept() {
    OperationOutcome.OperationOutcomeIssueComponent issue = issue(new GatewayException(ErrorCode.FIELD_FORMAT, "Encounter.type[0].coding[0].code"),
        FhirFieldPaths.CHECK_IN);

    assertThat(issue.getExpression()).extracting(StringType::getValue).containsExactly("Encounter.type[0].coding[0].code");
  }

  private static OperationOutcome.OperationOutcomeIssueComponent issue(GatewayException refusal, FhirFieldPaths paths) {
    BaseServerResponseException exception = FhirErrors.exception(refusal, paths);
    return ((OperationOutcome) exception.getOperationOutcome()).getIssueFirstRep();
  }
}
