package vn.healthgate.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts the HAPI FHIR server at {@code /fhir/*} with every resource provider the features define as beans. */
@Configuration(proxyBeanMethods = false)
public class FhirConfiguration {

  @Bean
  FhirContext fhirContext() {
    return FhirContext.forR4Cached();
  }

  @Bean
  ServletRegistrationBean<GatewayFhirServer> fhirServlet(FhirContext context, List<IResourceProvider> providers) {
    GatewayFhirServer server = new GatewayFhirServer(context, List.<Object>copyOf(providers));
    ServletRegistrationBean<GatewayFhirServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
