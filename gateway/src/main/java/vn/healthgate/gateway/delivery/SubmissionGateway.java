package vn.healthgate.gateway.delivery;

import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import vn.healthgate.routes.delivery.CertificateRequest;
import vn.healthgate.routes.delivery.CheckInRequest;
import vn.healthgate.routes.delivery.IntakeRoutes;
import vn.healthgate.routes.delivery.Submissions;

/**
 * Hands a check-in or certificate to its intake route (validate, store) for the REST controller and the FHIR providers,
 * which have checked that the caller may speak for the facility it names. A refusal comes back as the route threw it.
 */
@Component
public class SubmissionGateway {
  private final ProducerTemplate producer;

  public SubmissionGateway(ProducerTemplate producer) {
    this.producer = producer;
  }

  public Submissions.Intake checkIn(CheckInRequest request, String idempotencyKey) {
    return intake(IntakeRoutes.CHECK_IN, request, headers(idempotencyKey));
  }

  public Submissions.Intake certificate(CertificateRequest request, String idempotencyKey) {
    return intake(IntakeRoutes.CERTIFICATE, request, headers(idempotencyKey));
  }

  /** A correction of certificate {@code id}, as seen by {@code callerFacility} (null: an admin). */
  public Submissions.Intake correctCertificate(String id, String callerFacility, CertificateRequest request, String idempotencyKey) {
    Map<String, Object> headers = headers(idempotencyKey);
    headers.put(IntakeRoutes.SUBMISSION_ID, id);
    headers.put(IntakeRoutes.CALLER_FACILITY, callerFacility);
    return intake(IntakeRoutes.CORRECTION, request, headers);
  }

  private static Map<String, Object> headers(String idempotencyKey) {
    Map<String, Object> headers = new HashMap<>();
    headers.put(IntakeRoutes.IDEMPOTENCY_KEY, idempotencyKey);
    return headers;
  }

  private Submissions.Intake intake(String endpoint, Object request, Map<String, Object> headers) {
    try {
      return producer.requestBodyAndHeaders(endpoint, request, headers, Submissions.Intake.class);
    } catch (CamelExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
