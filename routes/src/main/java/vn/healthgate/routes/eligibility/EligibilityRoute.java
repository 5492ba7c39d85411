package vn.healthgate.routes.eligibility;

import org.apache.camel.builder.RouteBuilder;

/**
 * Synchronous eligibility check: validate, look up at the portal (breaker and time limit inside
 * {@link vn.healthgate.routes.portal.ResilientPortal}), record, answer. Errors travel back to the caller.
 */
public class EligibilityRoute extends RouteBuilder {
  public static final String ENDPOINT = "direct:eligibility-check";
  public static final String ROUTE_ID = "eligibility-check";
  static final String QUERY = "eligibilityQuery";

  private final EligibilityValidator validator;
  private final EligibilityLookup lookup;
  private final EligibilityRecorder recorder;

  public EligibilityRoute(EligibilityValidator validator, EligibilityLookup lookup, EligibilityRecorder recorder) {
    this.validator = validator;
    this.lookup = lookup;
    this.recorder = recorder;
  }

  @Override
  public void configure() {
    from(ENDPOINT).routeId(ROUTE_ID)
        .errorHandler(noErrorHandler())
        .bean(validator, "validate")
        .setProperty(QUERY, body())
        .bean(lookup, "lookup")
        .bean(recorder, "record");
  }
}
