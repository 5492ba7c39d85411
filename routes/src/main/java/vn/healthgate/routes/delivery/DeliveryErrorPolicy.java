package vn.healthgate.routes.delivery;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import vn.healthgate.routes.portal.PortalCircuitOpenException;
import vn.healthgate.routes.portal.PortalDuplicateException;
import vn.healthgate.routes.portal.PortalRefusedException;
import vn.healthgate.routes.portal.PortalUnrecognisedAnswerException;
import vn.healthgate.routes.portal.PortalTransientException;
import vn.healthgate.routes.portal.PortalUnavailableException;

/**
 * The delivery route's error policy, declared once: one {@code onException} per typed outcome, each handled by a named
 * step that records it in the outbox. No Camel redelivery: a retry is a new attempt scheduled in the outbox
 * ({@code next_attempt_at}), so a restart loses nothing and another node may take it. Used only by the routes that name
 * {@link #ID} ({@code outbox-delivery}); intake and eligibility let their errors reach the caller.
 *
 * <p>Camel picks the clause whose type matches the thrown exception exactly, looking at its causes from the innermost
 * out, else the closest supertype: so the typed exceptions are thrown as they are (poison ones carry no cause), and the
 * last clause ({@link Exception}) catches what nothing else names, as an attempt spent, so a document never stalls.
 */
public class DeliveryErrorPolicy extends RouteConfigurationBuilder {
  public static final String ID = "delivery-outcomes";

  private final DeliveryDecisions decisions;

  public DeliveryErrorPolicy(DeliveryDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public void configuration() {
    RouteConfigurationDefinition policy = routeConfiguration(ID);
    policy.onException(PortalRefusedException.class).id("on-portal-refused").handled(true)
        .process(new OutcomeSteps.MarkRejected(decisions)).id("mark-rejected");
    policy.onException(PortalDuplicateException.class).id("on-portal-duplicate").handled(true)
        .process(new OutcomeSteps.MarkDuplicate(decisions)).id("mark-duplicate");
    policy.onException(PortalUnrecognisedAnswerException.class).id("on-unrecognised-answer").handled(true)
        .process(new OutcomeSteps.KeepForAdmin(decisions)).id("keep-for-admin");
    policy.onException(PortalCircuitOpenException.class).id("on-breaker-open").handled(true)
        .process(new OutcomeSteps.Defer(decisions)).id("defer");
    policy.onException(PortalTransientException.class, PortalUnavailableException.class, TimeoutException.class, IOException.class)
        .id("on-transient").handled(true)
        .process(new OutcomeSteps.ScheduleRetry(decisions)).id("schedule-retry");
    policy.onException(PoisonDocumentException.class).id("on-poison").handled(true)
        .process(new OutcomeSteps.ScheduleRetry(decisions)).id("schedule-retry-poison");
    policy.onException(Exception.class).id("on-unexpected").handled(true)
        .process(new OutcomeSteps.ScheduleRetry(decisions)).id("schedule-retry-unexpected");
  }
}
