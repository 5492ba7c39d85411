package vn.healthgate.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.healthgate.routes.delivery.DeliveryTestKit.NOW;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.portal.PortalCircuitOpenException;
import vn.healthgate.routes.portal.PortalDuplicateException;
import vn.healthgate.routes.portal.PortalDuplicateException.Content;
import vn.healthgate.routes.portal.PortalEndpoint;
import vn.healthgate.routes.portal.PortalReceipt;
import vn.healthgate.routes.portal.PortalRefusedException;
import vn.healthgate.routes.portal.PortalTransientException;
import vn.healthgate.routes.portal.PortalUnrecognisedAnswerException;
import vn.healthgate.routes.portal.ResilientPortal;

/**
 * The route {@code outbox-delivery} and every branch of its error policy, without Spring: an in-memory outbox, a fixed
 * clock, the real signer and breakers, a portal that answers what each test scripts. {@code direct:deliver} is
 * synchronous, so each delivery has ended when {@code sendBody} returns.
 */
class DeliveryRouteTest extends CamelTestSupport {
  private static final int BUDGET = 3;

  private final FakeOutbox outbox = new FakeOutbox();
  private final CircuitBreakerRegistry breakers = DeliveryTestKit.breakers();
  private final ResilientPortal resilientPortal = DeliveryTestKit.portal(breakers);
  private final DeliveryTestKit.RecordedEvents events = new DeliveryTestKit.RecordedEvents();
  private final ExecutorService deliveryThreads = Executors.newFixedThreadPool(2);
  private final AtomicInteger signatures = new AtomicInteger();
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private volatile SigningKeys keys = DeliveryTestKit.aValidKey();
  private volatile Supplier<PortalReceipt> answer = () -> new PortalReceipt("receipt-1", null);

  /** The portal client side: what it sends is recorded; its answer is the test's. The breaker check is the real one. */
  private final PortalSender portal = new PortalSender(resilientPortal, null, null) {
    @Override
    public PortalReceipt send(PortalDocument document, String signedXml) {
      sent.add(signedXml);
      return answer.get();
    }
  };

  @Override
  public void configureTest(TestExecutionConfiguration configuration) {
    super.configureTest(configuration);
    configuration.withUseAdviceWith(true);
  }

  @Override
  protected Properties useOverridePropertiesWithPropertiesComponent() {
    Properties properties = new Properties();
    properties.put(OutboxRoutes.POLL_INTERVAL, "250ms");
    properties.put(OutboxRoutes.FIRST_POLL_DELAY, "1s");
    return properties;
  }

  @Override
  protected RoutesBuilder[] createRouteBuilders() {
    DeliveryDecisions decisions = new DeliveryDecisions(outbox, RetryPolicy.exponentialRandom(Duration.ofSeconds(2), Duration.ofMinutes(5), BUDGET),
        DeliveryTestKit.CLOCK, events);
    SigningKeys counted = facility -> {
      signatures.incrementAndGet();
      return keys.credential(facility);
    };
    return new RoutesBuilder[] {
        new DeliveryErrorPolicy(decisions),
        new OutboxRoutes(outbox, new DocumentSigner(counted), portal, decisions, DeliveryTestKit.CLOCK,
            new DeliverySteps.Claiming("test-node", 10, Duration.ofMinutes(2)), new DeliverySlots(2), deliveryThreads)};
  }

  @Override
  protected void doPostSetup() throws Exception {
    // the poll is not under test here: it runs only when asked
    AdviceWith.adviceWith(context, OutboxRoutes.POLL_ROUTE_ID, route -> route.replaceFromWith("direct:poll"));
    AdviceWith.adviceWith(context, OutboxRoutes.DELIVERY_ROUTE_ID, route -> {
      route.weaveById("send").before().to("mock:sending");
      route.weaveById("mark-accepted").after().to("mock:accepted");
    });
    context.start();
  }

  @AfterEach
  void stopThreads() {
    deliveryThreads.shutdownNow();
    resilientPortal.close();
  }

  private Submission deliver(Submission submission) {
    template.sendBody(OutboxRoutes.DELIVER, submission);
    return outbox.get(submission.id());
  }

  /** Delivers the row as the outbox holds it until it ends DEAD_LETTER, at most {@code max} times; the rows after each attempt. */
  private List<Submission> untilDeadLetter(String id, int max) {
    List<Submission> after = new ArrayList<>();
    for (int i = 0; i < max && outbox.get(id).status() != SubmissionStatus.DEAD_LETTER; i++) {
      after.add(deliver(outbox.get(id)));
    }
    return after;
  }

  private static void assertWithinBackoff(Submission row, long initialMillis) {
    assertThat(row.nextAttemptAt()).isBetween(NOW.plusMillis(Math.round(initialMillis * 0.8)), NOW.plusMillis(Math.round(initialMillis * 1.2)));
  }

  @Test
  void anAcceptedDocumentIsSignedSentOnceAndMarkedAcceptedWithTheReceipt() throws Exception {
    Submission stored = DeliveryTestKit.storedCheckIn(outbox, "LK-OK", "NGUYỄN VĂN AN");
    answer = () -> new PortalReceipt("tx-1", NOW.minusSeconds(5));
    MockEndpoint accepted = getMockEndpoint("mock:accepted");
    accepted.expectedMessageCount(1);

    Submission after = deliver(stored);

    accepted.assertIsSatisfied();
    assertThat(after.status()).isEqualTo(SubmissionStatus.ACCEPTED);
    assertThat(after.receipt()).isEqualTo("tx-1");
    assertThat(after.attempts()).isEqualTo(1);
    assertThat(after.lastError()).isNull();
    assertThat(after.signedDocument()).contains("Signature");
    assertThat(sent).containsExactly(after.signedDocument());
    assertThat(events.outcomes()).containsExactly("check-in 70001 accepted");
    assertThat(outbox.claimed()).isZero();
  }

  @Test
  void anAnswerNoRowKnowsIsKeptAsADeadLetterForAnAdminAtOnceAndNotRetried() throws Exception {
    Submission stored = DeliveryTestKit.storedCheckIn(outbox, "LK-UNKNOWN", "NGUYỄN VĂN AN");
    answer = () -> {
      throw new PortalUnrecognisedAnswerException(PortalEndpoint.CHECK_IN, "unrecognised portal answer (HTTP 200, maKetQua 403): Không có quyền");
    };
    getMockEndpoint("mock:accepted").expectedMessageCount(0);

    Submission after = deliver(stored);

    MockEndpoint.assertIsSatisfied(context);
    assertThat(after.status()).isEqualTo(SubmissionStatus.DEAD_LETTER);
    assertThat(after.attempts()).as("the attempt under way, not the whole budget").isEqualTo(1);
    assertThat(after.lastError()).isEqualTo("unrecognised portal answer (HTTP 200, maKetQua 403): Không có quyền");
    assertThat(sent).hasSize(1);
    assertThat(events.outcomes()).containsExactly("check-in 70001 dead_letter");
  }

  @Test
  void aRefusalEndsRejectedWithTheReasonAndIsNotRetried() throws Exception {
    Submission stored = DeliveryTestKit.storedCheckIn(outbox, "LK-REFUSED", "NGUYỄN VĂN AN");
    answer = () -> {
      throw new PortalRefusedException(PortalEndpoint.CHECK_IN, "portal code 422: Chữ ký số không hợp lệ: UNKNOWN_SIGNER");
    };
    getMockEndpoint("mock:accepted").expectedMessageCount(0);

    Submission after = deliver(stored);

    MockEndpoint.assertIsSatisfied(context);
    assertThat(after.status()).isEqualTo(SubmissionStatus.REJECTED);
    assertThat(after.attempts()).isEqualTo(1);
    assertThat(after.lastError()).isEqualTo("portal code 422: Chữ ký số không hợp lệ: UNKNOWN_SIGNER");
    assertThat(events.outcomes()).containsExactly("check-in 70001 rejected");
  }

  @Test
  void aDuplicateWithTheSameContentIsOursAndAccepted() {
    Submission stored = DeliveryTestKit.storedCheckIn(outbox, "LK-DUP-SAME", "NGUYỄN VĂN AN");
    answer = () -> {
      throw new PortalDuplicateException(PortalEndpoint.CHECK_IN, "tx-earlier", Content.SAME, "portal already has this document: (cùng nội dung)");
    };

    Submission after = deliver(stored);

    assertThat(after.status()).isEqualTo(SubmissionStatus.ACCEPTED);
    assertThat(after.receipt()).isEqualTo("tx-earlier");
    assertThat(events.outcomes()).containsExactly("check-in 70001 accepted");
  }

  @Test
  void aDuplicateAfterAnEarlierAttemptOfOursIsAcceptedWhenThePortalDoesNotSayTheContentDiffers() {
    Submission stored = DeliveryTestKit.afterEarlierAttempts(outbox, DeliveryTestKit.storedCheckIn(outbox, "LK-DUP-OURS", "NGUYỄN VĂN AN"), 1,
        "<signed-earlier/>");
    answer = () -> {
      throw new PortalDuplicateException(PortalEndpoint.CERTIFICATE, "uuid-earlier", Content.UNKNOWN, "portal already has this document: Số GKSK đã tồn tại");
    };

    Submission after = deliver(stored);

    assertThat(after.status()).isEqualTo(SubmissionStatus.ACCEPTED);
    assertThat(after.attempts()).isEqualTo(2);
    assertThat(after.receipt()).isEqualTo("uuid-earlier");
  }

  @Test
  void aDuplicateThatIsNotOursEndsRejected() {
    Submission differs = DeliveryTestKit.afterEarlierAttempts(outbox, DeliveryTestKit.storedCheckIn(outbox, "LK-DUP-OTHER", "NGUYỄN VĂN AN"), 1,
        "<signed-earlier/>");
    Submission firstAttempt = DeliveryTestKit.storedCheckIn(outbox, "LK-DUP-FIRST", "NGUYỄN VĂN AN");

    answer = () -> {
      throw new PortalDuplicateException(PortalEndpoint.CHECK_IN, null, Content.DIFFERENT, "portal already has this document: (khác nội dung)");
    };
    Submission afterDiffers = deliver(differs);
    answer = () -> {
      throw new PortalDuplicateException(PortalEndpoint.CHECK_IN, null, Content.UNKNOWN, "portal already has this document: MA_LK đã tồn tại");
    };
    Submission afterFirst = deliver(firstAttempt);

    assertThat(afterDiffers.status()).isEqualTo(SubmissionStatus.REJECTED);
    assertThat(afterDiffers.lastError()).isEqualTo("portal already has this document: (khác nội dung)");
    assertThat(afterFirst.status()).as("never sent before: someone else's document").isEqualTo(SubmissionStatus.REJECTED);
    assertThat(events.outcomes()).containsExactly("check-in 70001 rejected", "check-in 70001 rejected");
  }

  @Test
  void aTransientFaultIsRescheduledWithABackoffWithinTheIntervalFunctionsBounds() {
    Submission stored = DeliveryTestKit.storedCheckIn(outbox, "LK-TRANSIENT", "NGUYỄN VĂN AN");
    answer = () -> {
      throw new PortalTransientException(PortalEndpoint.CHECK_IN, "GW-PORTAL-UNAVAILABLE (check-in: HTTP 503)", null);
    };

    Submission first = deliver(stored);
    Submission second = deliver(first);

    assertThat(first.status()).isEqualTo(SubmissionStatus.SENT);
    assertThat(first.attempts()).isEqualTo(1);
    assertThat(first.lastError()).isEqualTo("GW-PORTAL-UNAVAILABLE (check-in: HTTP 503)");
    assertWithinBackoff(first, 2_000);
    assertThat(second.attempts()).isEqualTo(2);
    assertWithinBackoff(second, 4_000);
    assertThat(sent).hasSize(2).containsOnly(first.signedDocument());
    assertThat(events.outcomes()).containsExactly("check-in 70001 retry", "check-in 70001 retry");
    assertThat(outbox.claimed()).isZero();
  }

  @Test
  void aTransientFaultWithTheBudgetSpentEndsDeadLetterWithTheLastError() {
    String id = DeliveryTestKit.storedCheckIn(outbox, "LK-EXHAUSTED", "NGUYỄN VĂN AN").id();
    answer = () -> {
      throw new PortalTransientException(PortalEndpoint.CHECK_IN, "GW-PORTAL-TIMEOUT (check-in)", null);
    };

    List<Submission> after = untilDeadLetter(id, BUDGET + 2);

    assertThat(after).hasSize(BUDGET);
    Submission last = outbox.get(id);
    assertThat(last.status()).isEqualTo(SubmissionStatus.DEAD_LETTER);
    assertThat(last.attempts()).isEqualTo(BUDGET);
    assertThat(last.lastError()).isEqualTo("GW-PORTAL-TIMEOUT (check-in)");
    assertThat(last.signedDocument()).as("kept for a replay").contains("Signature");
    assertThat(events.outcomes()).containsExactly("check-in 70001 retry", "check-in 70001 retry", "check-in 70001 dead_letter");
  }

  @Test
  void anUnexpectedFailureSpendsAnAttemptAndKeepsItsName() {
    Submission stored = DeliveryTestKit.storedCheckIn(outbox, "LK-UNEXPECTED", "NGUYỄN VĂN AN");
    answer = () -> {
      throw new IllegalStateException("facility 70001 is not onboarded");
    };

    Submission after = deliver(stored);

    assertThat(after.attempts()).isEqualTo(1);
    assertThat(after.lastError()).isEqualTo("IllegalStateException: facility 70001 is not onboarded");
    assertWithinBackoff(after, 2_000);
  }

  @Test
  void anOpenBreakerDefersWithoutSendingAndWithoutSpendingAnAttempt() throws Exception {
    breakers.circuitBreaker(PortalEndpoint.CHECK_IN.id()).transitionToForcedOpenState();
    String id = DeliveryTestKit.storedCheckIn(outbox, "LK-OPEN", "NGUYỄN VĂN AN").id();
    getMockEndpoint("mock:sending").expectedMessageCount(0);

    for (int i = 0; i < BUDGET + 2; i++) {
      deliver(outbox.get(id));
    }

    MockEndpoint.assertIsSatisfied(context);
    Submission after = outbox.get(id);
    assertThat(after.status()).as("signed, never marked SENT").isEqualTo(SubmissionStatus.SIGNED);
    assertThat(after.attempts()).isZero();
    assertThat(after.lastError()).isEqualTo("GW-PORTAL-CIRCUIT-OPEN (not sent: the portal endpoint's breaker is open)");
    assertThat(after.nextAttemptAt()).isAfterOrEqualTo(NOW.plusSeconds(1));
    assertThat(signatures.get()).as("signed once, before the first deferral").isEqualTo(1);
    assertThat(events.outcomes()).hasSize(BUDGET + 2).containsOnly("check-in 70001 deferred");
  }

  @Test
  void aBreakerThatOpensBetweenTheCheckAndTheCallDefersWithTheAttemptGivenBack() {
    Submission stored = DeliveryTestKit.storedCheckIn(outbox, "LK-OPENING", "NGUYỄN VĂN AN");
    answer = () -> {
      throw new PortalCircuitOpenException(PortalEndpoint.CHECK_IN, Duration.ofSeconds(15));
    };

    Submission after = deliver(stored);

    assertThat(after.attempts()).isZero();
    assertThat(after.nextAttemptAt()).isEqualTo(NOW.plusSeconds(15));
    assertThat(events.outcomes()).containsExactly("check-in 70001 deferred");
  }

  @Test
  void aDocumentWhoseKeyCannotSignSpendsItsAttemptsAndEndsDeadLetterWithTheReason() {
    keys = DeliveryTestKit.aKeyThatCannotSign();
    String id = DeliveryTestKit.storedCheckIn(outbox, "LK-UNSIGNABLE", "NGUYỄN VĂN AN").id();

    List<Submission> after = untilDeadLetter(id, BUDGET + 2);

    assertThat(after).hasSize(BUDGET);
    assertThat(after.get(0).status()).isEqualTo(SubmissionStatus.RECEIVED);
    assertThat(after.get(0).attempts()).isEqualTo(1);
    assertWithinBackoff(after.get(0), 2_000);
    assertThat(after.get(0).lastError()).startsWith("signing failed: IllegalStateException: cannot sign the document");
    assertThat(after.get(1).attempts()).isEqualTo(2);
    assertWithinBackoff(after.get(1), 4_000);
    Submission last = outbox.get(id);
    assertThat(last.status()).isEqualTo(SubmissionStatus.DEAD_LETTER);
    assertThat(last.attempts()).isEqualTo(BUDGET);
    assertThat(last.lastError()).isEqualTo("signing failed: IllegalStateException: cannot sign the document (caused by InvalidKeyException)");
    assertThat(last.signedDocument()).isNull();
    assertThat(sent).isEmpty();
    assertThat(events.outcomes()).containsExactly("check-in 70001 retry", "check-in 70001 retry", "check-in 70001 dead_letter");
  }

  @Test
  void aDocumentWhoseTextCannotBeSerialisedEndsDeadLetterWithoutQuotingIt() {
    // accepted before intake refused such text: a lone surrogate in the name. The root cause is an IOException, which
    // the transient clause names: the poison clause still takes it (the poison exception carries no cause)
    String id = DeliveryTestKit.storedCheckIn(outbox, "LK-SURROGATE", "NGUYỄN VĂN AN\uD800").id();

    untilDeadLetter(id, BUDGET + 2);

    Submission last = outbox.get(id);
    assertThat(last.status()).isEqualTo(SubmissionStatus.DEAD_LETTER);
    assertThat(last.attempts()).isEqualTo(BUDGET);
    assertThat(last.lastError()).isEqualTo("signing failed: IllegalStateException: cannot serialise XML (caused by IOException)");
    assertThat(last.lastError()).doesNotContain("NGUYỄN");
  }

  @Test
  void anUnreadableStoredDocumentEndsDeadLetterWithTheReason() {
    Submission good = DeliveryTestKit.storedCheckIn(outbox, "LK-UNREADABLE", "NGUYỄN VĂN AN");
    String id = outbox.put(new Submission(good.id(), good.kind(), good.facilityCode(), good.businessKey(), good.operation(), good.status(), 0, null,
        NOW, "{not json", good.payloadHash(), null, null, null, null, NOW, NOW, null, null)).id();

    untilDeadLetter(id, BUDGET + 2);

    assertThat(outbox.get(id).status()).isEqualTo(SubmissionStatus.DEAD_LETTER);
    assertThat(outbox.get(id).attempts()).isEqualTo(BUDGET);
    assertThat(outbox.get(id).lastError()).startsWith("unreadable stored document: IllegalStateException: unreadable outbox payload (caused by ");
  }

  @Test
  void aFacilityWithoutAKeyIsPoisonWithTheCatalogueCode() {
    keys = facility -> Optional.empty();
    Submission after = deliver(DeliveryTestKit.storedCheckIn(outbox, "LK-NO-KEY", "NGUYỄN VĂN AN"));

    assertThat(after.attempts()).isEqualTo(1);
    assertThat(after.lastError()).isEqualTo("GW-NO-SIGNING-KEY");
  }

  @Test
  void aDocumentSignedByAnEarlierAttemptIsSentWithTheSameBytesAndNotSignedAgain() {
    String earlier = "<root>signed by the first attempt</root>";
    Submission stored = DeliveryTestKit.afterEarlierAttempts(outbox, DeliveryTestKit.storedCheckIn(outbox, "LK-SIGNED", "NGUYỄN VĂN AN"), 1, earlier);

    Submission after = deliver(stored);

    assertThat(signatures.get()).isZero();
    assertThat(sent).containsExactly(earlier);
    assertThat(after.signedDocument()).isEqualTo(earlier);
    assertThat(after.status()).isEqualTo(SubmissionStatus.ACCEPTED);
    assertThat(after.attempts()).isEqualTo(2);
  }
}
