package vn.healthgate.gateway.operations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last hour of traffic in one-minute buckets, for the admin page's charts: per series
 * ({@code eligibility}, {@code delivery}) the number of calls, failures and a latency histogram from
 * which the 95th percentile is read. In memory: it restarts empty with the process (Prometheus keeps
 * the long history).
 */
public class TrafficHistory {
  static final int MINUTES = 60;
  private static final long[] BOUNDS_MS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000, Long.MAX_VALUE};

  private final Clock clock;
  private final Map<String, Bucket[]> series = new LinkedHashMap<>();

  private static final class Bucket {
    long minute;
    long count;
    long failures;
    final long[] histogram = new long[BOUNDS_MS.length];
  }

  public TrafficHistory(Clock clock) {
    this.clock = clock;
  }

  public synchronized void record(String name, long millis, boolean ok) {
    long minute = clock.instant().getEpochSecond() / 60;
    Bucket[] ring = series.computeIfAbsent(name, k -> new Bucket[MINUTES]);
    int slot = (int) (minute % MINUTES);
    Bucket bucket = ring[slot];
    if (bucket == null || bucket.minute != minute) {
      bucket = new Bucket();
      bucket.minute = minute;
      ring[slot] = bucket;
    }
    bucket.count++;
    if (!ok) {
      bucket.failures++;
    }
    int b = 0;
    while (millis > BOUNDS_MS[b]) {
      b++;
    }
    bucket.histogram[b]++;
  }

  /** One minute of a series: calls, failures and the 95th percentile of their latency. */
  @io.swagger.v3.oas.annotations.media.Schema(name = "TrafficPoint")
  public record Point(Instant minute, long count, long failures, long p95Ms) {}

  /** One point per minute of the last hour (oldest first), for every series recorded so far. */
  public synchronized Map<String, List<Point>> lastHour() {
    long now = clock.instant().getEpochSecond() / 60;
    Map<String, List<Point>> out = new LinkedHashMap<>();
    for (Map.Entry<String, Bucket[]> entry : series.entrySet()) {
      List<Point> points = new ArrayList<>();
      for (long minute = now - MINUTES + 1; minute <= now; minute++) {
        Bucket bucket = entry.getValue()[(int) (minute % MINUTES)];
        boolean current = bucket != null && bucket.minute == minute;
        points.add(new Point(Instant.ofEpochSecond(minute * 60), current ? bucket.count : 0, current ? bucket.failures : 0, current ? p95(bucket) : 0));
      }
      out.put(entry.getKey(), points);
    }
    return out;
  }

  private static long p95(Bucket bucket) {
    long rank = (long) Math.ceil(bucket.count * 0.95);
    long seen = 0;
    for (int b = 0; b < BOUNDS_MS.length; b++) {
      seen += bucket.histogram[b];
      if (seen >= rank) {
        return b == BOUNDS_MS.length - 1 ? BOUNDS_MS[b - 1] : BOUNDS_MS[b];
      }
    }
    return 0;
  }
}
