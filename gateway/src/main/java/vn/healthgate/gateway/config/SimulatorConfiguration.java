package vn.healthgate.gateway.config;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.healthgate.simulator.PortalSimulator;
import vn.healthgate.simulator.SimulatorSettings;
import vn.healthgate.simulator.data.AdministrativeMap;

/** Starts the portal simulator in-process for the default run ({@code gateway.simulator.enabled=true}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gateway.simulator.enabled", havingValue = "true")
public class SimulatorConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatorConfiguration.class);

  @Bean(destroyMethod = "close")
  PortalSimulator portalSimulator(GatewayProperties properties, Clock clock) {
    GatewayProperties.Simulator sim = properties.simulator();
    PortalSimulator simulator = PortalSimulator.start(
        SimulatorSettings.defaults().withPort(sim.port()).withTokenLifetime(sim.tokenLifetime()).withClock(clock)
            .withMap(AdministrativeMap.parse(sim.administrativeMap())));
    LOG.info("Portal simulator (development) listening on {}", simulator.baseUrl());
    return simulator;
  }
}
