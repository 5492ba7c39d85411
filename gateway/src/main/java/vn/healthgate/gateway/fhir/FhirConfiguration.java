package vn.healthgate.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.ArrayList;
import java.util.List;
import vn.healthgate.routes.fhir.FhirTerminology;
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

  /** The project's CodeSystems, ValueSets and NamingSystems, served under {@code /fhir} and checked on intake. */
  @Bean
  FhirTerminology fhirTerminology() {
    return new FhirTerminology();
  }

  @Bean
  FhirTerminologyCheck fhirTerminologyCheck(FhirTerminology terminology) {
    return new FhirTerminologyCheck(terminology);
  }

  @Bean
  ServletRegistrationBean<GatewayFhirServer> fhirServlet(FhirContext context, List<IResourceProvider> providers, FhirTerminology terminology) {
    List<Object> all = new ArrayList<>(providers);
    all.addAll(TerminologyProviders.all(terminology));
    GatewayFhirServer server = new GatewayFhirServer(context, all);
    ServletRegistrationBean<GatewayFhirServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
