package vn.healthgate.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.LocalDate;
import java.time.ZoneId;
import vn.healthgate.simulator.data.Facilities;
import vn.healthgate.simulator.data.Population;

/**
 * The simulated national insurance assessment portal: WireMock with one stateful extension that
 * serves the portal paths and the {@code /sim} test API. Runs in-process (tests, the default run)
 * or standalone ({@link PortalSimulatorMain}).
 */
public final class PortalSimulator implements AutoCloseable {

  private final SimulatorSettings settings;
  private final SimulatorState state;
  private final WireMockServer server;

  private PortalSimulator(SimulatorSettings settings) {
    this.settings = settings;
    Facilities facilities = Facilities.generate(settings.seed(), settings.map());
    LocalDate today = LocalDate.ofInstant(settings.clock().instant(), ZoneId.of("Asia/Ho_Chi_Minh"));
    Population population = Population.generate(settings.seed(), settings.populationSize(), today, facilities);
    this.state = new SimulatorState(settings, facilities, population);
    this.server = new WireMockServer(
        options()
            .port(settings.port())
            .bindAddress("127.0.0.1")
            .containerThreads(200)
            .jettyAcceptors(2)
            .asynchronousResponseEnabled(true)
            .asynchronousResponseThreads(8)
            .disableRequestJournal()
            .stubCorsEnabled(false)
            .extensions(new PortalTransformer(state)));
  }

  /** Builds the population and starts serving. */
  public static PortalSimulator start(SimulatorSettings settings) {
    PortalSimulator simulator = new PortalSimulator(settings);
    simulator.server.start();
    simulator.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
    return simulator;
  }

  public int port() {
    return server.port();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  public SimulatorState state() {
    return state;
  }

  public SimulatorSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    server.stop();
  }
}
