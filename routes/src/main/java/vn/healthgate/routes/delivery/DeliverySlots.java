package vn.healthgate.routes.delivery;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many claimed documents are being delivered, out of how many delivery workers. The poll claims at most
 * {@link #free()} documents, so every claim starts at once on a free worker and none waits in a local queue while its
 * lease runs out. Only the poll takes slots (one thread: the timer's); each delivery gives its slot back when it ends.
 */
public final class DeliverySlots {
  private final int size;
  private final AtomicInteger inFlight = new AtomicInteger();

  public DeliverySlots(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("at least one delivery worker");
    }
    this.size = size;
  }

  public int size() {
    return size;
  }

  /** Workers not delivering now. */
  public int free() {
    return Math.max(0, size - inFlight.get());
  }

  public int inFlight() {
    return inFlight.get();
  }

  void take() {
    inFlight.incrementAndGet();
  }

  void giveBack() {
    inFlight.updateAndGet(n -> Math.max(0, n - 1));
  }
}
