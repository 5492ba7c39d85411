package vn.healthgate.gateway;

import java.util.Map;

/** Opens the delivery tests' sample bodies to the benchmarks package. */
public final class BenchmarkSamples {
  private BenchmarkSamples() {}

  public static Map<String, Object> certificate(String facility, int serial) {
    return DocumentSamples.certificate(facility, serial);
  }
}
