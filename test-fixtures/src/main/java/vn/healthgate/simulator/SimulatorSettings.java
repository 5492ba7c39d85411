package vn.healthgate.simulator;

import java.time.Clock;
import java.time.Duration;
import vn.healthgate.simulator.data.AdministrativeMap;

/**
 * How a simulator instance is set up.
 *
 * @param port HTTP port; 0 picks a free one
 * @param seed seed of the synthetic population and facilities
 * @param populationSize number of synthetic citizens (at least 10,000 by default)
 * @param tokenLifetime how long an issued session token is valid
 * @param clock the simulator's clock (tests may pass a movable one)
 * @param map the administrative map it works on: since 2025-07-01 ({@code CURRENT}, the default) or before
 */
public record SimulatorSettings(int port, long seed, int populationSize, Duration tokenLifetime, Clock clock, AdministrativeMap map) {

  public static final long DEFAULT_SEED = 20230808L;

  public static SimulatorSettings defaults() {
    return new SimulatorSettings(8089, DEFAULT_SEED, 10_000, Duration.ofMinutes(10), Clock.systemUTC(), AdministrativeMap.CURRENT);
  }

  public SimulatorSettings withPort(int port) {
    return new SimulatorSettings(port, seed, populationSize, tokenLifetime, clock, map);
  }

  public SimulatorSettings withClock(Clock clock) {
    return new SimulatorSettings(port, seed, populationSize, tokenLifetime, clock, map);
  }

  public SimulatorSettings withTokenLifetime(Duration tokenLifetime) {
    return new SimulatorSettings(port, seed, populationSize, tokenLifetime, clock, map);
  }

  public SimulatorSettings withMap(AdministrativeMap map) {
    return new SimulatorSettings(port, seed, populationSize, tokenLifetime, clock, map);
  }
}
