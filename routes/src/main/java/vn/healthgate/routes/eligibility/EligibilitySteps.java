package vn.healthgate.routes.eligibility;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/** The steps of the eligibility route ({@link EligibilityRoute}), one class each. */
public final class EligibilitySteps {
  /** The validated query, kept for {@code eligibility-record} once the body is the result. */
  static final String QUERY = "eligibilityQuery";

  private EligibilitySteps() {}

  /** {@code eligibility-validate}: {@link EligibilityRequest} → {@link EligibilityQuery}, or the {@code GatewayException} of the first fault; no portal call yet. */
  public static final class Validate implements Processor {
    private final EligibilityValidator validator;

    public Validate(EligibilityValidator validator) {
      this.validator = validator;
    }

    @Override
    public void process(Exchange exchange) {
      EligibilityQuery query = validator.validate(exchange.getMessage().getBody(EligibilityRequest.class));
      exchange.setProperty(QUERY, query);
      exchange.getMessage().setBody(query);
    }
  }

  /** {@code eligibility-lookup}: the facility's portal account, the card lookup (and history) at the portal, the result mapped. */
  public static final class LookUp implements Processor {
    private final EligibilityLookup lookup;

    public LookUp(EligibilityLookup lookup) {
      this.lookup = lookup;
    }

    @Override
    public void process(Exchange exchange) {
      Message message = exchange.getMessage();
      message.setBody(lookup.lookup(message.getBody(EligibilityQuery.class)));
    }
  }

  /** {@code eligibility-record}: a row in {@code eligibility_check}; a storage failure does not fail the answer. */
  public static final class Record implements Processor {
    private final EligibilityRecorder recorder;

    public Record(EligibilityRecorder recorder) {
      this.recorder = recorder;
    }

    @Override
    public void process(Exchange exchange) {
      Message message = exchange.getMessage();
      message.setBody(recorder.record(exchange.getProperty(QUERY, EligibilityQuery.class), message.getBody(EligibilityResult.class)));
    }
  }
}
