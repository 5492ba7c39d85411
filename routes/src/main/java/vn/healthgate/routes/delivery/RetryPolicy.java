package vn.healthgate.routes.delivery;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.time.Instant;

/**
 * When a document that failed an attempt is tried again: after {@code backoff.apply(attempts)} milliseconds, until
 * {@code maxAttempts} attempts are spent (then it is dead-lettered). The schedule is kept in the outbox
 * ({@code next_attempt_at}), not in memory, so a restart loses none of it.
 */
public record RetryPolicy(IntervalFunction backoff, int maxAttempts) {
  /** Each wait doubles. */
  public static final double MULTIPLIER = 2.0;
  /** Each wait is drawn within ± this share of the doubled delay, so documents that failed together do not come back together. */
  public static final double RANDOMIZATION = 0.2;

  /**
   * Resilience4j's exponential random backoff: the n-th wait is {@code initialDelay × 2^(n-1) ± 20 %}, never more than
   * {@code maxDelay} (once the doubled delay passes the cap, the wait is the cap itself).
   */
  public static RetryPolicy exponentialRandom(Duration initialDelay, Duration maxDelay, int maxAttempts) {
    return new RetryPolicy(IntervalFunction.ofExponentialRandomBackoff(initialDelay.toMillis(), MULTIPLIER, RANDOMIZATION, maxDelay.toMillis()), maxAttempts);
  }

  public boolean exhausted(int attempts) {
    return attempts >= maxAttempts;
  }

  /** When to try again after {@code attempts} (at least 1) attempts failed. */
  public Instant nextAttempt(int attempts, Instant now) {
    return now.plusMillis(Math.max(1, backoff.apply(Math.max(1, attempts))));
  }
}
