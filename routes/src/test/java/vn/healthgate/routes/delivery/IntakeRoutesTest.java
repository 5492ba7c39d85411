package vn.healthgate.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import vn.healthgate.certs.ca.IssuedCredential;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/**
 * The intake routes, as the REST controller and the FHIR providers call them: a valid document is stored and returned;
 * a refusal reaches the caller as the very {@link GatewayException} (inside Camel's {@link CamelExecutionException}),
 * nothing stored. The delivery error policy is in the same context and must not catch intake errors.
 */
class IntakeRoutesTest extends CamelTestSupport {
  private final FakeOutbox outbox = new FakeOutbox();
  private volatile boolean facilityHasKey = true;
  // intake asks only whether the facility has a key; nothing is signed here
  private final Submissions submissions = new Submissions(outbox, new CheckInValidator(DeliveryTestKit.CLOCK, (facility, cccd) -> Optional.empty()),
      new CertificateValidator(DeliveryTestKit.CLOCK, code -> "Bệnh viện"),
      new DocumentSigner(facility -> facilityHasKey ? Optional.of(new IssuedCredential(null, null, List.of())) : Optional.empty()), DeliveryTestKit.CLOCK);

  @Override
  protected RoutesBuilder[] createRouteBuilders() {
    DeliveryDecisions decisions = new DeliveryDecisions(outbox, RetryPolicy.exponentialRandom(Duration.ofSeconds(2), Duration.ofMinutes(5), 3),
        DeliveryTestKit.CLOCK, DeliveryEvents.NONE);
    return new RoutesBuilder[] {new DeliveryErrorPolicy(decisions), new IntakeRoutes(submissions)};
  }

  private Submissions.Intake send(String endpoint, Object body, Map<String, Object> headers) {
    return template.requestBodyAndHeaders(endpoint, body, headers, Submissions.Intake.class);
  }

  private static Map<String, Object> key(String idempotencyKey) {
    Map<String, Object> headers = new HashMap<>();
    headers.put(IntakeRoutes.IDEMPOTENCY_KEY, idempotencyKey);
    return headers;
  }

  private GatewayException refusal(String endpoint, Object body, Map<String, Object> headers) {
    CamelExecutionException failed = catchThrowableOfType(CamelExecutionException.class, () -> send(endpoint, body, headers));
    assertThat(failed).as("refused").isNotNull();
    assertThat(failed.getCause()).isInstanceOf(GatewayException.class);
    return (GatewayException) failed.getCause();
  }

  @Test
  void aValidCheckInIsStoredOnceAndTheSameOneAgainReturnsTheFirst() {
    Submissions.Intake first = send(IntakeRoutes.CHECK_IN, SubmissionsTest.checkIn("LK-INTAKE-1"), key("his-1"));
    Submissions.Intake again = send(IntakeRoutes.CHECK_IN, SubmissionsTest.checkIn("LK-INTAKE-1"), key("his-1"));

    assertThat(first.created()).isTrue();
    assertThat(first.submission().status()).isEqualTo(SubmissionStatus.RECEIVED);
    assertThat(first.submission().kind()).isEqualTo(DocumentKind.CHECK_IN);
    assertThat(again.created()).isFalse();
    assertThat(again.submission().id()).isEqualTo(first.submission().id());
    assertThat(outbox.size()).isEqualTo(1);
  }

  @Test
  void aValidationErrorReachesTheCallerUnchangedAndNothingIsStored() {
    GatewayException refused = refusal(IntakeRoutes.CHECK_IN, SubmissionsTest.checkIn(" "), key(null));

    assertThat(refused.errorCode()).isEqualTo(ErrorCode.FIELD_REQUIRED);
    assertThat(refused.field()).contains("episodeId");
    assertThat(outbox.size()).isZero();
  }

  @Test
  void anIdempotencyKeyTooLongIsRefusedBeforeTheBody() {
    GatewayException refused = refusal(IntakeRoutes.CERTIFICATE, null, key("k".repeat(Submissions.IDEMPOTENCY_KEY_MAX_LENGTH + 1)));

    assertThat(refused.errorCode()).isEqualTo(ErrorCode.PARAMETER_INVALID);
    assertThat(refused.field()).contains("Idempotency-Key");
  }

  @Test
  void aFacilityWithoutASigningKeyIsRefusedAtIntake() {
    facilityHasKey = false;

    GatewayException refused = refusal(IntakeRoutes.CERTIFICATE, SubmissionsTest.certificate("00003/GKSKLX/70001/26"), key(null));

    assertThat(refused.errorCode()).isEqualTo(ErrorCode.NO_SIGNING_KEY);
    assertThat(outbox.size()).isZero();
  }

  @Test
  void anAcceptedCertificateIsCorrectedAndOneNotYetAcceptedIsNot() {
    Submission original = send(IntakeRoutes.CERTIFICATE, SubmissionsTest.certificate("00004/GKSKLX/70001/26"), key(null)).submission();
    Map<String, Object> correction = key(null);
    correction.put(IntakeRoutes.SUBMISSION_ID, original.id());
    correction.put(IntakeRoutes.CALLER_FACILITY, "70001");

    GatewayException early = refusal(IntakeRoutes.CORRECTION, SubmissionsTest.certificate("00004/GKSKLX/70001/26"), correction);
    outbox.markAccepted(original.id(), "uuid-1", DeliveryTestKit.NOW, DeliveryTestKit.NOW);
    Submissions.Intake corrected = send(IntakeRoutes.CORRECTION, SubmissionsTest.certificate("00004/GKSKLX/70001/26"), correction);

    assertThat(early.errorCode()).isEqualTo(ErrorCode.EDIT_NOT_ALLOWED);
    assertThat(corrected.created()).isTrue();
    assertThat(corrected.submission().operation()).isEqualTo("EDIT");
    assertThat(corrected.submission().businessKey()).isEqualTo(original.businessKey());
  }

  @Test
  void anotherFacilitysCertificateCannotBeCorrected() {
    Submission original = send(IntakeRoutes.CERTIFICATE, SubmissionsTest.certificate("00005/GKSKLX/70001/26"), key(null)).submission();
    Map<String, Object> correction = key(null);
    correction.put(IntakeRoutes.SUBMISSION_ID, original.id());
    correction.put(IntakeRoutes.CALLER_FACILITY, "70002");

    assertThat(refusal(IntakeRoutes.CORRECTION, SubmissionsTest.certificate("00005/GKSKLX/70001/26"), correction).errorCode())
        .isEqualTo(ErrorCode.FACILITY_FORBIDDEN);
  }
}
