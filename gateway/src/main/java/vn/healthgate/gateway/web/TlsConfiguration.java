package vn.healthgate.gateway.web;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.healthgate.gateway.config.GatewayProperties;
import vn.healthgate.gateway.pki.GatewayTlsMaterial;

/** Adds the HTTPS listener with client-certificate authentication beside the plain port. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gateway.tls.enabled", havingValue = "true")
class TlsConfiguration {

  @Bean
  GatewayTlsMaterial gatewayTlsMaterial(GatewayProperties properties, Clock clock) {
    return GatewayTlsMaterial.load(properties.tls(), properties.pki(),
        properties.facilities().stream().map(GatewayProperties.Facility::code).toList(), clock);
  }

  @Bean
  TlsListener tlsListener(GatewayTlsMaterial material, GatewayProperties properties) {
    return new TlsListener(material, properties.tls().port());
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> tlsConnector(TlsListener listener) {
    return factory -> factory.addAdditionalTomcatConnectors(listener.connector());
  }
}
