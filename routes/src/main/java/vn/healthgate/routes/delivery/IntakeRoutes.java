package vn.healthgate.routes.delivery;

import org.apache.camel.builder.RouteBuilder;

/**
 * Intake of documents into the outbox, one {@code direct:} route per kind, called by the REST controller and the FHIR
 * providers (synchronously, on the caller's thread): validate, then store; the caller answers 202 (or 200 for the same
 * document again). Errors are the caller's answers ({@code GatewayException}s with their catalogue code): no error
 * handler, they travel back unchanged.
 * <pre>
 * check-in-intake         direct:check-in-intake         check-in-validate → check-in-store
 * certificate-intake      direct:certificate-intake      certificate-validate → certificate-store
 * certificate-correction  direct:certificate-correction  correction-validate → correction-store
 * </pre>
 */
public class IntakeRoutes extends RouteBuilder {
  public static final String CHECK_IN = "direct:check-in-intake";
  public static final String CERTIFICATE = "direct:certificate-intake";
  public static final String CORRECTION = "direct:certificate-correction";
  public static final String CHECK_IN_ROUTE_ID = "check-in-intake";
  public static final String CERTIFICATE_ROUTE_ID = "certificate-intake";
  public static final String CORRECTION_ROUTE_ID = "certificate-correction";
  /** Headers: the caller's {@code Idempotency-Key} (may be absent); for a correction, the original's id and the caller's facility (absent: an admin). */
  public static final String IDEMPOTENCY_KEY = "healthgateIdempotencyKey";
  public static final String SUBMISSION_ID = "healthgateSubmissionId";
  public static final String CALLER_FACILITY = "healthgateCallerFacility";

  private final Submissions submissions;

  public IntakeRoutes(Submissions submissions) {
    this.submissions = submissions;
  }

  @Override
  public void configure() {
    IntakeSteps.Store store = new IntakeSteps.Store(submissions);

    from(CHECK_IN).routeId(CHECK_IN_ROUTE_ID)
        .errorHandler(noErrorHandler())
        .process(new IntakeSteps.ValidateCheckIn(submissions)).id("check-in-validate")
        .process(store).id("check-in-store");

    from(CERTIFICATE).routeId(CERTIFICATE_ROUTE_ID)
        .errorHandler(noErrorHandler())
        .process(new IntakeSteps.ValidateCertificate(submissions)).id("certificate-validate")
        .process(store).id("certificate-store");

    from(CORRECTION).routeId(CORRECTION_ROUTE_ID)
        .errorHandler(noErrorHandler())
        .process(new IntakeSteps.ValidateCorrection(submissions)).id("correction-validate")
        .process(store).id("correction-store");
  }
}
