package vn.healthgate.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.healthgate.routes.delivery.DeliveryTestKit.NOW;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.portal.PortalDuplicateException;
import vn.healthgate.routes.portal.PortalDuplicateException.Content;
import vn.healthgate.routes.portal.PortalEndpoint;
import vn.healthgate.routes.portal.PortalReceipt;

/** What the outbox records for each outcome of an attempt, on an in-memory outbox at a fixed time. */
class DeliveryDecisionsTest {
  private static final int BUDGET = 4;
  private static final Duration INITIAL = Duration.ofSeconds(2);
  private static final Duration MAX = Duration.ofSeconds(10);

  private final FakeOutbox outbox = new FakeOutbox();
  private final DeliveryTestKit.RecordedEvents events = new DeliveryTestKit.RecordedEvents();
  private final DeliveryDecisions decisions = new DeliveryDecisions(outbox, RetryPolicy.exponentialRandom(INITIAL, MAX, BUDGET), DeliveryTestKit.CLOCK, events);

  private Submission stored() {
    return DeliveryTestKit.storedCheckIn(outbox, "LK-DECISION", "NGUYỄN VĂN AN");
  }

  @Test
  void aCopyAtThePortalIsOursWhenItsContentIsTheSameOrWhenUnknownAfterAnEarlierAttempt() {
    Submission first = stored();
    Submission retried = DeliveryTestKit.afterEarlierAttempts(outbox, first, 1, null);

    assertThat(DeliveryDecisions.ours(first, Content.SAME)).isTrue();
    assertThat(DeliveryDecisions.ours(retried, Content.SAME)).isTrue();
    assertThat(DeliveryDecisions.ours(first, Content.DIFFERENT)).isFalse();
    assertThat(DeliveryDecisions.ours(retried, Content.DIFFERENT)).isFalse();
    assertThat(DeliveryDecisions.ours(first, Content.UNKNOWN)).isFalse();
    assertThat(DeliveryDecisions.ours(retried, Content.UNKNOWN)).isTrue();
  }

  @Test
  void acceptedKeepsThePortalsTimeOrNow() {
    Submission a = stored();
    Submission b = DeliveryTestKit.storedCheckIn(outbox, "LK-DECISION-2", "NGUYỄN VĂN AN");

    decisions.accepted(a, new PortalReceipt("tx-a", NOW.minusSeconds(30)), NOW.minusSeconds(2));
    decisions.accepted(b, new PortalReceipt("tx-b", null), NOW);

    assertThat(outbox.get(a.id()).status()).isEqualTo(SubmissionStatus.ACCEPTED);
    assertThat(outbox.get(a.id()).receipt()).isEqualTo("tx-a");
    assertThat(outbox.get(b.id()).receipt()).isEqualTo("tx-b");
    assertThat(events.outcomes()).containsExactly("check-in 70001 accepted", "check-in 70001 accepted");
  }

  @Test
  void aDuplicateNotOursIsRejectedWithThePortalsWords() {
    Submission s = stored();

    decisions.duplicate(s, new PortalDuplicateException(PortalEndpoint.CHECK_IN, null, Content.DIFFERENT, "portal already has this document: (khác nội dung)"), NOW);

    assertThat(outbox.get(s.id()).status()).isEqualTo(SubmissionStatus.REJECTED);
    assertThat(outbox.get(s.id()).lastError()).isEqualTo("portal already has this document: (khác nội dung)");
  }

  @Test
  void eachFailedAttemptWaitsWithinTheBackoffsBoundsUntilTheBudgetIsSpent() {
    Submission s = stored();
    long[] base = {2_000, 4_000, 8_000};

    for (int attempt = 1; attempt < BUDGET; attempt++) {
      decisions.failedAttempt(outbox.get(s.id()), attempt, "GW-PORTAL-UNAVAILABLE", NOW);
      Submission after = outbox.get(s.id());
      long expected = base[attempt - 1];
      assertThat(after.attempts()).isEqualTo(attempt);
      assertThat(after.nextAttemptAt()).as("attempt %d", attempt)
          .isBetween(NOW.plusMillis(Math.min(Math.round(expected * 0.8), MAX.toMillis())), NOW.plusMillis(Math.min(Math.round(expected * 1.2), MAX.toMillis())));
    }
    decisions.failedAttempt(outbox.get(s.id()), BUDGET, "GW-PORTAL-UNAVAILABLE", NOW);

    assertThat(outbox.get(s.id()).status()).isEqualTo(SubmissionStatus.DEAD_LETTER);
    assertThat(outbox.get(s.id()).attempts()).isEqualTo(BUDGET);
    assertThat(events.outcomes()).containsExactly("check-in 70001 retry", "check-in 70001 retry", "check-in 70001 retry", "check-in 70001 dead_letter");
  }

  @Test
  void theWaitNeverPassesTheCap() {
    RetryPolicy policy = RetryPolicy.exponentialRandom(INITIAL, MAX, 100);

    for (int attempts = 1; attempts <= 30; attempts++) {
      assertThat(policy.nextAttempt(attempts, NOW)).isBeforeOrEqualTo(NOW.plus(MAX)).isAfter(NOW);
    }
  }

  @Test
  void aDeferralKeepsTheAttemptsAndWaitsAtLeastASecond() {
    Submission s = DeliveryTestKit.afterEarlierAttempts(outbox, stored(), 2, "<signed/>");

    decisions.deferred(s, Duration.ZERO, NOW);
    Submission zero = outbox.get(s.id());
    decisions.deferred(s, Duration.ofSeconds(15), NOW);
    Submission fifteen = outbox.get(s.id());

    assertThat(zero.attempts()).isEqualTo(2);
    assertThat(zero.nextAttemptAt()).isEqualTo(NOW.plusSeconds(1));
    assertThat(fifteen.nextAttemptAt()).isEqualTo(NOW.plusSeconds(15));
    assertThat(fifteen.lastError()).isEqualTo(DeliveryDecisions.BREAKER_OPEN);
    assertThat(events.outcomes()).containsExactly("check-in 70001 deferred", "check-in 70001 deferred");
  }
}
