package vn.healthgate.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults injected on demand through {@code POST /sim/faults}: each applies to one portal endpoint
 * (or all), for the next {@code count} requests, for {@code seconds}, or until cleared.
 */
public final class Faults {

  public enum Kind {
    LATENCY("latency"),
    STATUS("status"),
    RESET("reset"),
    TIMEOUT("timeout"),
    REFUSE_TOKEN("refuse-token");

    final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    public static Optional<Kind> parse(String text) {
      for (Kind kind : values()) {
        if (kind.wire.equalsIgnoreCase(text)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  /** The simulator's endpoint names, as used in the fault API. */
  public static final List<String> ENDPOINTS = List.of("token", "card-lookup", "history", "check-in", "certificate", "*");

  public static final class Fault {
    final String endpoint;
    final Kind kind;
    final long value;
    final AtomicInteger remaining;
    final Instant until;

    Fault(String endpoint, Kind kind, long value, Integer count, Instant until) {
      this.endpoint = endpoint;
      this.kind = kind;
      this.value = value;
      this.remaining = count == null ? null : new AtomicInteger(count);
      this.until = until;
    }

    public Kind kind() {
      return kind;
    }

    public long value() {
      return value;
    }

    public String endpoint() {
      return endpoint;
    }
  }

  private final Clock clock;
  private final List<Fault> active = new CopyOnWriteArrayList<>();

  public Faults(Clock clock) {
    this.clock = clock;
  }

  public void add(String endpoint, Kind kind, long value, Integer count, Long seconds) {
    Instant until = seconds == null ? null : clock.instant().plusSeconds(seconds);
    active.add(new Fault(endpoint, kind, value, count, until));
  }

  public void clear() {
    active.clear();
  }

  /** The fault that applies to this request to {@code endpoint}, consuming one of its count. */
  public Optional<Fault> take(String endpoint) {
    Instant now = clock.instant();
    for (Fault fault : active) {
      if (fault.until != null && !now.isBefore(fault.until)) {
        active.remove(fault);
        continue;
      }
      if (!fault.endpoint.equals("*") && !fault.endpoint.equals(endpoint)) {
        continue;
      }
      if (fault.kind == Kind.REFUSE_TOKEN && !endpoint.equals("token")) {
        continue;
      }
      if (fault.remaining != null) {
        int left = fault.remaining.getAndDecrement();
        if (left <= 0) {
          active.remove(fault);
          continue;
        }
        if (left == 1) {
          active.remove(fault);
        }
      }
      return Optional.of(fault);
    }
    return Optional.empty();
  }

  public int activeCount() {
    return active.size();
  }
}
