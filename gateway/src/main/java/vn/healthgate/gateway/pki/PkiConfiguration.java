package vn.healthgate.gateway.pki;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.healthgate.gateway.config.GatewayProperties;
import vn.healthgate.simulator.PortalSimulator;

/** The facilities' signing keys; in the default run also the development PKI, registered with the in-process simulator. */
@Configuration(proxyBeanMethods = false)
public class PkiConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(PkiConfiguration.class);

  @Bean
  FacilitySigningKeys facilitySigningKeys(GatewayProperties properties, Clock clock, ObjectProvider<PortalSimulator> simulator) {
    GatewayProperties.Pki pki = properties.pki();
    char[] password = pki.password().toCharArray();
    FacilitySigningKeys keys = FacilityKeyStores.load(pki.dir(), password, pki.generateDevelopmentPki(),
        properties.facilities().stream().map(GatewayProperties.Facility::code).toList(), clock);
    PortalSimulator sim = simulator.getIfAvailable();
    if (sim != null) {
      FacilityKeyStores.developmentCa(pki.dir(), password, clock).ifPresent(ca -> sim.state().certificates().trust(ca.rootCertificate(), ca.issuingCertificate(), ca.crl()));
      keys.all().forEach((code, credential) -> sim.state().certificates().register(code, credential.certificate()));
      LOG.info("Registered the signing certificates of {} facilities with the portal simulator", keys.all().size());
    }
    return keys;
  }
}
