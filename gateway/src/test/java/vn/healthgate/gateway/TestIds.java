package vn.healthgate.gateway;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Business keys no other test (and no earlier run on the same database) uses: the integration tests share one context and
 * one database, so each test works on its own documents instead of emptying the outbox and counting everything in it.
 */
final class TestIds {
  private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36).toUpperCase();
  /** Above every fixed serial the other tests use; a certificate number has five digits. */
  private static final AtomicInteger SERIAL = new AtomicInteger(50_000 + ThreadLocalRandom.current().nextInt(45_000));
  private static final AtomicInteger EPISODE = new AtomicInteger();

  private TestIds() {}

  /** A certificate serial for {@link DocumentSamples#certificate}. */
  static int serial() {
    return SERIAL.getAndIncrement();
  }

  /** An episode id ({@code MA_LK}) for {@link DocumentSamples#checkIn}: {@code label-run-n}. */
  static String episode(String label) {
    return label + "-" + RUN + "-" + EPISODE.incrementAndGet();
  }
}
