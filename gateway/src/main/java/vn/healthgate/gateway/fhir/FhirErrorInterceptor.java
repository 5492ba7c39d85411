package vn.healthgate.gateway.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.rest.server.ResourceBinding;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.method.BaseMethodBinding;
import ca.uhn.fhir.rest.server.method.BaseQueryParameter;
import ca.uhn.fhir.rest.server.method.SearchMethodBinding;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.healthgate.gateway.web.ProblemResponses;
import vn.healthgate.gateway.web.TraceOnly;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.fhir.FhirIdentifiers;

/**
 * Gives HAPI's own errors (unparseable body, wrong content type, unknown path, internal failure) a
 * catalogue code, so every FHIR error carries a {@code GW-…} code like the REST API's problem documents.
 */
@Interceptor
public class FhirErrorInterceptor {
  private static final Logger LOG = LoggerFactory.getLogger(FhirErrorInterceptor.class);

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException map(RequestDetails request, Throwable failure) {
    ErrorCode carried = failure instanceof BaseServerResponseException e ? carriedCode(e) : null;
    if (carried != null) {
      remember(request, carried);
      return (BaseServerResponseException) failure;
    }
    List<String> unknown = unknownSearchParameters(request, failure);
    if (!unknown.isEmpty()) {
      remember(request, ErrorCode.PARAMETER_INVALID);
      OperationOutcome outcome = FhirErrors.outcome(ErrorCode.PARAMETER_INVALID, null);
      unknown.forEach(name -> outcome.getIssueFirstRep().addExpression(FhirErrors.httpParameter(name)));
      outcome.getIssueFirstRep().setDiagnostics("Unknown search parameter: " + String.join(", ", unknown) + " / " + ErrorCode.PARAMETER_INVALID.vietnamese());
      return new FhirErrors.StatusException(400, ErrorCode.PARAMETER_INVALID.code(), outcome);
    }
    if (isSearch(request) && !failedParsingTheBody(failure) && (isDataFormat(failure)
        || failure instanceof BaseServerResponseException e && e.getStatusCode() == 400)) {
      // a search parameter HAPI could not read (a date that is no date, a _count that is no number)
      remember(request, ErrorCode.PARAMETER_INVALID);
      OperationOutcome outcome = FhirErrors.outcome(ErrorCode.PARAMETER_INVALID, null);
      parametersNamedBy(request, failure).forEach(name -> outcome.getIssueFirstRep().addExpression(FhirErrors.httpParameter(name)));
      return new FhirErrors.StatusException(400, ErrorCode.PARAMETER_INVALID.code(), outcome);
    }
    ErrorCode code = classify(failure);
    remember(request, code);
    if (code == ErrorCode.INTERNAL) {
      // the HAPI message code only: the rest of a HAPI message may quote the request body (personal data)
      String message = failure.getMessage() == null ? "" : failure.getMessage();
      LOG.error("unexpected FHIR failure: {} {}", failure.getClass().getName(), message.startsWith("HAPI-") ? message.substring(0, Math.min(9, message.length())) : "",
          TraceOnly.of(failure));
    }
    BaseServerResponseException answer = new FhirErrors.StatusException(code.httpStatus(), code.code(), FhirErrors.outcome(code, null));
    if (failure instanceof BaseServerResponseException e && e.hasResponseHeaders() && e.getResponseHeaders().containsKey("Allow")) {
      // HAPI's own 405 names what the path accepts
      e.getResponseHeaders().get("Allow").forEach(value -> answer.addResponseHeader("Allow", value));
    }
    return answer;
  }

  /**
   * The parameters of a search no search of the type declares (HAPI answers such a search with a 400 naming all the
   * request's parameters: {@code … with parameters [[identifier, colour]]}); empty when the failure is something else.
   */
  static List<String> unknownSearchParameters(RequestDetails request, Throwable failure) {
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    Matcher matcher = UNKNOWN_PARAMETERS.matcher(message);
    if (!(failure instanceof BaseServerResponseException) || !matcher.find()) {
      return List.of();
    }
    Set<String> known = new HashSet<>();
    if (request != null && request.getServer() instanceof RestfulServer server && request.getResourceName() != null) {
      for (ResourceBinding binding : server.getResourceBindings()) {
        if (binding.getResourceName().equals(request.getResourceName())) {
          for (BaseMethodBinding method : binding.getMethodBindings()) {
            if (method instanceof SearchMethodBinding search) {
              search.getParameters().stream().filter(BaseQueryParameter.class::isInstance).map(p -> ((BaseQueryParameter) p).getName()).forEach(known::add);
            }
          }
        }
      }
    }
    List<String> given = Arrays.stream(matcher.group(1).split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    List<String> unknown = given.stream().filter(name -> !known.contains(name) && !name.startsWith("_")).toList();
    return unknown.isEmpty() ? given : unknown;
  }

  private static final Pattern UNKNOWN_PARAMETERS = Pattern.compile("does not know how to handle [A-Z_]+ operation\\[[^\\]]*\\] with parameters \\[\\[([^\\]]*)\\]\\]");

  private static boolean isSearch(RequestDetails request) {
    return request != null && request.getRestOperationType() == ca.uhn.fhir.rest.api.RestOperationTypeEnum.SEARCH_TYPE;
  }

  private static boolean isDataFormat(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ca.uhn.fhir.parser.DataFormatException) {
        return true;
      }
    }
    return false;
  }

  /** The request's parameters whose value (or the value after a FHIR comparator prefix) a failure's messages quote. */
  static List<String> parametersNamedBy(RequestDetails request, Throwable failure) {
    StringBuilder messages = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    List<String> named = new java.util.ArrayList<>();
    request.getParameters().forEach((name, values) -> {
      for (String value : values) {
        String bare = value.length() > 2 && value.substring(0, 2).matches("eq|ne|gt|lt|ge|le|sa|eb|ap") ? value.substring(2) : value;
        if (!bare.isEmpty() && messages.indexOf(bare) >= 0 || messages.indexOf(name) >= 0) {
          named.add(name);
          return;
        }
      }
    });
    if (named.isEmpty() && request.getParameters().size() == 1) {
      // a message that quotes nothing still concerns the only parameter there is
      named.addAll(request.getParameters().keySet());
    }
    return named;
  }

  private static ErrorCode classify(Throwable failure) {
    if (failure instanceof ResourceNotFoundException) {
      return ErrorCode.NOT_FOUND;
    }
    if (failure instanceof MethodNotAllowedException) {
      return ErrorCode.METHOD_NOT_ALLOWED;
    }
    if (failedParsingTheBody(failure)) {
      // HAPI's parser itself can fail on a well-formed but impossible body, e.g. a Bundle entry whose
      // "resource" is a string, number or array (an NPE while it stitches the entries together)
      return ErrorCode.JSON_MALFORMED;
    }
    if (failure instanceof BaseServerResponseException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (message.contains("HAPI-0449") || message.contains("Content-Type")) {
        return ErrorCode.CONTENT_TYPE;
      }
      if (message.contains("HAPI-0302") || message.contains("Unknown resource type") || e.getStatusCode() == 404) {
        return ErrorCode.NOT_FOUND;
      }
      if (e.getStatusCode() == 405) {
        return ErrorCode.METHOD_NOT_ALLOWED;
      }
      if (e.getStatusCode() == 406) {
        return ErrorCode.NOT_ACCEPTABLE;
      }
      if (e.getStatusCode() >= 400 && e.getStatusCode() < 500) {
        return ErrorCode.JSON_MALFORMED;
      }
    }
    return ErrorCode.INTERNAL;
  }

  /** True when a failure that is not HAPI's own answer was thrown while HAPI parsed the request body. */
  static boolean failedParsingTheBody(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BaseServerResponseException) {
        continue;
      }
      for (StackTraceElement frame : t.getStackTrace()) {
        if (frame.getClassName().startsWith("ca.uhn.fhir.parser.") && frame.getMethodName().startsWith("parse")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The catalogue code an answer already carries (thrown by our providers), or null. */
  private static ErrorCode carriedCode(BaseServerResponseException e) {
    if (!(e.getOperationOutcome() instanceof OperationOutcome outcome)) {
      return null;
    }
    return outcome.getIssue().stream().flatMap(i -> i.getDetails().getCoding().stream())
        .filter(c -> FhirIdentifiers.GATEWAY_ERROR.equals(c.getSystem()))
        .flatMap(c -> Arrays.stream(ErrorCode.values()).filter(code -> code.code().equals(c.getCode())))
        .findFirst().orElse(null);
  }

  /** Leaves the code for the audit filter's one-line log of the refusal. */
  private static void remember(RequestDetails request, ErrorCode code) {
    if (request instanceof ServletRequestDetails servlet) {
      ProblemResponses.remember(servlet.getServletRequest(), code, null);
    }
  }
}
