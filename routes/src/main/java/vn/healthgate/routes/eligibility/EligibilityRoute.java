package vn.healthgate.routes.eligibility;

import org.apache.camel.builder.RouteBuilder;

/**
 * Synchronous eligibility check, {@code direct:eligibility-check} (route {@code eligibility-check}):
 * {@code eligibility-validate → eligibility-lookup → eligibility-record} (breaker and time limit inside
 * {@link vn.healthgate.routes.portal.ResilientPortal}). No error handler: errors travel back to the caller unchanged.
 */
public class EligibilityRoute extends RouteBuilder {
  public static final String ENDPOINT = "direct:eligibility-check";
  public static final String ROUTE_ID = "eligibility-check";

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
        .process(new EligibilitySteps.Validate(validator)).id("eligibility-validate")
        .process(new EligibilitySteps.LookUp(lookup)).id("eligibility-lookup")
        .process(new EligibilitySteps.Record(recorder)).id("eligibility-record");
  }
}
