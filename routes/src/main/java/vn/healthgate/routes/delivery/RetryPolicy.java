package vn.healthgate.routes.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter for transient delivery faults: the n-th retry waits
 * {@code initialDelay × 2^(n-1)}, capped at {@code maxDelay}, ± {@code jitter}; after
 * {@code maxAttempts} attempts the document is dead-lettered.
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts, double jitter) {

  public boolean exhausted(int attempts) {
    return attempts >= maxAttempts;
  }

  public Instant nextAttempt(int attempts, Instant now) {
    double base = initialDelay.toMillis() * Math.pow(2, Math.max(0, attempts - 1));
    double capped = Math.min(base, maxDelay.toMillis());
    double spread = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * jitter;
    return now.plusMillis(Math.max(1, Math.round(capped * spread)));
  }
}
