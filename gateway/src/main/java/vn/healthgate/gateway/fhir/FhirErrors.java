package vn.healthgate.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;
import vn.healthgate.gateway.web.ProblemResponses;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.fhir.FhirFieldPaths;
import vn.healthgate.routes.fhir.FhirIdentifiers;

/** The error catalogue as FHIR: an {@code OperationOutcome} carrying the same {@code GW-…} code. */
public final class FhirErrors {
  private FhirErrors() {}

  public static OperationOutcome outcome(ErrorCode code, String field) {
    return outcome(code, field, null);
  }

  /**
   * The outcome of a refused resource: {@code expression} is a FHIRPath into it (none when the gateway field has no
   * origin in it), {@code diagnostics} the Vietnamese text and, when there is one, the gateway's field name.
   */
  static OperationOutcome outcome(ErrorCode code, String expression, String gatewayField) {
    OperationOutcome outcome = new OperationOutcome();
    OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(issueType(code))
        .setDetails(new CodeableConcept(new Coding(FhirIdentifiers.GATEWAY_ERROR, code.code(), code.english())).setText(code.english()))
        .setDiagnostics(gatewayField == null ? code.vietnamese() : code.vietnamese() + " (field: " + gatewayField + ")");
    if (expression != null) {
      issue.addExpression(expression);
    }
    return outcome;
  }

  /**
   * A refusal that is not about a submitted resource but about the request: a search parameter is named as the FHIR
   * specification asks, {@code http.<parameter>}; the id of a read has no expression (it is the path, not a parameter).
   */
  public static BaseServerResponseException exception(GatewayException e) {
    return exception(e, outcome(e.errorCode(), e.field().filter(field -> !field.equals("id")).map(FhirErrors::httpParameter).orElse(null)));
  }

  /** The {@code expression} of a request parameter at fault: {@code http.} and its name (FHIR R4, OperationOutcome.issue.expression). */
  public static String httpParameter(String name) {
    return "http." + name;
  }

  /**
   * A refusal of the resource {@code paths} describes: {@code expression} is where the named field came from in it
   * ({@link FhirFieldPaths}), the gateway field name stays in {@code diagnostics}.
   */
  public static BaseServerResponseException exception(GatewayException e, FhirFieldPaths paths) {
    String field = e.field().orElse(null);
    return exception(e, outcome(e.errorCode(), paths.of(field).orElse(null), field));
  }

  private static BaseServerResponseException exception(GatewayException e, OperationOutcome outcome) {
    ErrorCode code = e.errorCode();
    BaseServerResponseException exception = switch (code.httpStatus()) {
      case 400 -> new InvalidRequestException(code.code(), outcome);
      case 401 -> new AuthenticationException(code.code());
      case 403 -> new ForbiddenOperationException(code.code(), outcome);
      case 422 -> new UnprocessableEntityException(code.code(), outcome);
      default -> new StatusException(code.httpStatus(), code.code(), outcome);
    };
    e.retryAfter().ifPresent(d -> exception.addResponseHeader("Retry-After", ProblemResponses.retryAfterSeconds(d)));
    return exception;
  }

  /** The same issue type the filters' OperationOutcomes carry ({@link ProblemResponses#issueType}). */
  private static OperationOutcome.IssueType issueType(ErrorCode code) {
    try {
      return OperationOutcome.IssueType.fromCode(ProblemResponses.issueType(code));
    } catch (org.hl7.fhir.exceptions.FHIRException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Any other status (503 for the portal), with its OperationOutcome. */
  static final class StatusException extends BaseServerResponseException {
    StatusException(int status, String message, OperationOutcome outcome) {
      super(status, message, outcome);
    }
  }

  /**
   * Answers {@code code} as an OperationOutcome without going through HAPI (for requests it never sees, such as an
   * unknown HTTP method): XML when {@code _format} or {@code Accept} asks for it, JSON otherwise.
   */
  static void write(HttpServletRequest request, HttpServletResponse response, FhirContext context, ErrorCode code) throws IOException {
    String format = request.getParameter("_format");
    String accept = request.getHeader("Accept");
    boolean xml = format != null ? format.contains("xml") : accept != null && accept.contains("xml") && !accept.contains("json");
    IParser parser = xml ? context.newXmlParser() : context.newJsonParser();
    response.setStatus(code.httpStatus());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(xml ? "application/fhir+xml;charset=utf-8" : "application/fhir+json;charset=utf-8");
    response.getWriter().write(parser.encodeResourceToString(outcome(code, null)));
  }

  static StringType text(String value) {
    return new StringType(value);
  }
}
