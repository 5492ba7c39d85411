package vn.healthgate.simulator;

import java.time.Duration;
import vn.healthgate.simulator.data.AdministrativeMap;

/**
 * Runs the simulator on its own: {@code java -jar test-fixtures/target/test-fixtures-*-standalone.jar [port]}.
 * Environment: {@code SIM_PORT} (default 8089), {@code SIM_TOKEN_LIFETIME_SECONDS} (default 600), {@code SIM_MAP}
 * ({@code current}, the default: the administrative map since 2025-07-01; or {@code before-2025}).
 */
public final class PortalSimulatorMain {
  private PortalSimulatorMain() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : Integer.parseInt(env("SIM_PORT", "8089"));
    Duration lifetime = Duration.ofSeconds(Long.parseLong(env("SIM_TOKEN_LIFETIME_SECONDS", "600")));
    PortalSimulator simulator = PortalSimulator.start(SimulatorSettings.defaults().withPort(port).withTokenLifetime(lifetime)
        .withMap(AdministrativeMap.parse(env("SIM_MAP", "current"))));
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
    System.out.println("Portal simulator listening on " + simulator.baseUrl()
        + " (" + simulator.state().population().all().size() + " citizens, "
        + simulator.state().facilities().all().size() + " facilities, map " + simulator.state().facilities().map() + "). Try: curl '" + simulator.baseUrl()
        + "/sim/citizens?expectedCode=000&limit=2'");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
