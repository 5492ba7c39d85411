package vn.healthgate.routes.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/** The steps of the intake routes ({@link IntakeRoutes}), one class each; the domain rules are {@link Submissions}'. */
public final class IntakeSteps {
  private IntakeSteps() {}

  private static String idempotencyKey(Message message) {
    return message.getHeader(IntakeRoutes.IDEMPOTENCY_KEY, String.class);
  }

  /** {@code check-in-validate}: {@link CheckInRequest} → {@link PortalDocument}, or the {@code GatewayException} of the first fault. */
  public static final class ValidateCheckIn implements Processor {
    private final Submissions submissions;

    public ValidateCheckIn(Submissions submissions) {
      this.submissions = submissions;
    }

    @Override
    public void process(Exchange exchange) {
      Message message = exchange.getMessage();
      message.setBody(submissions.validateCheckIn(message.getBody(CheckInRequest.class), idempotencyKey(message)));
    }
  }

  /** {@code certificate-validate}: {@link CertificateRequest} → {@link PortalDocument} ({@code STATE=ADD}). */
  public static final class ValidateCertificate implements Processor {
    private final Submissions submissions;

    public ValidateCertificate(Submissions submissions) {
      this.submissions = submissions;
    }

    @Override
    public void process(Exchange exchange) {
      Message message = exchange.getMessage();
      message.setBody(submissions.validateCertificate(message.getBody(CertificateRequest.class), idempotencyKey(message)));
    }
  }

  /** {@code correction-validate}: the accepted original (header {@link IntakeRoutes#SUBMISSION_ID}, as seen by {@link IntakeRoutes#CALLER_FACILITY}), then the correction. */
  public static final class ValidateCorrection implements Processor {
    private final Submissions submissions;

    public ValidateCorrection(Submissions submissions) {
      this.submissions = submissions;
    }

    @Override
    public void process(Exchange exchange) {
      Message message = exchange.getMessage();
      message.setBody(submissions.validateCorrection(message.getHeader(IntakeRoutes.SUBMISSION_ID, String.class),
          message.getHeader(IntakeRoutes.CALLER_FACILITY, String.class), message.getBody(CertificateRequest.class), idempotencyKey(message)));
    }
  }

  /** {@code *-store}: {@link PortalDocument} → {@link Submissions.Intake}: the stored row (one INSERT, committed), or the earlier one. */
  public static final class Store implements Processor {
    private final Submissions submissions;

    public Store(Submissions submissions) {
      this.submissions = submissions;
    }

    @Override
    public void process(Exchange exchange) {
      Message message = exchange.getMessage();
      message.setBody(submissions.store(message.getBody(PortalDocument.class), idempotencyKey(message)));
    }
  }
}
