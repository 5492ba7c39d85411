package vn.healthgate.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.healthgate.gateway.config.GatewayProperties;
import vn.healthgate.gateway.web.TlsListener;
import vn.healthgate.simulator.PortalSimulator;

/** Prints where everything is and ready-to-paste curl lines once the gateway is ready; never a person's data (README.md has a full eligibility example). */
@Component
class StartupBanner {
  private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);
  private final GatewayProperties properties;
  private final ObjectProvider<PortalSimulator> simulator;
  private final ObjectProvider<TlsListener> tls;

  StartupBanner(GatewayProperties properties, ObjectProvider<PortalSimulator> simulator, ObjectProvider<TlsListener> tls) {
    this.properties = properties;
    this.simulator = simulator;
    this.tls = tls;
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    LOG.info(text(((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort()));
  }

  String text(int port) {
    String base = "http://localhost:" + port;
    PortalSimulator sim = simulator.getIfAvailable();
    StringBuilder text = new StringBuilder("\n\n  Gateway ready\n");
    text.append("    REST API      ").append(base).append("/api/v1/eligibility-checks\n");
    text.append("    FHIR R4       ").append(base).append("/fhir/metadata\n");
    text.append("    Health        ").append(base).append("/actuator/health\n");
    TlsListener listener = tls.getIfAvailable();
    if (listener != null) {
      text.append("    HTTPS         https://localhost:").append(listener.localPort()).append(" (client certificate required")
          .append(properties.pki().generateDevelopmentPki() ? "; development ones in " + properties.pki().dir().resolve("tls").toAbsolutePath().normalize() : "")
          .append(")\n");
    }
    text.append("    Data folder   ").append(properties.dataDir().toAbsolutePath().normalize()).append('\n');
    text.append("    PKI           ").append(properties.pki().dir().toAbsolutePath().normalize())
        .append(properties.pki().generateDevelopmentPki() ? " (development CA and facility key stores)" : "").append('\n');
    if (sim != null) {
      text.append("    Portal        simulator (development) at ").append(sim.baseUrl()).append("/sim/citizens?expectedCode=000&limit=3\n");
    }
    if (properties.devApiKeys()) {
      text.append("    API keys      development keys on (X-Api-Key: dev-70001 … see application.yml)\n");
      text.append("\n  Try (README.md has an eligibility check and a certificate to send):\n");
      if (sim != null) {
        text.append("    curl -s '").append(sim.baseUrl()).append("/sim/citizens?expectedCode=000&limit=1'\n");
      }
      text.append("    curl -s -H 'X-Api-Key: dev-70001' ").append(base).append("/api/v1/submissions\n");
    }
    return text.toString();
  }
}
