package vn.healthgate.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.healthgate.gateway.web.EligibilityGateway;
import vn.healthgate.gateway.web.SubmissionGateway;
import vn.healthgate.routes.fhir.FhirDocumentMapper;
import vn.healthgate.routes.fhir.FhirEligibilityMapper;

/** Mounts the HAPI FHIR server at {@code /fhir/*}. */
@Configuration(proxyBeanMethods = false)
public class FhirConfiguration {

  @Bean
  FhirContext fhirContext() {
    return FhirContext.forR4Cached();
  }

  @Bean
  ServletRegistrationBean<GatewayFhirServer> fhirServlet(FhirContext context, EligibilityGateway gateway, FhirEligibilityMapper mapper,
      SubmissionGateway submissions) {
    FhirDocumentMapper documents = new FhirDocumentMapper();
    GatewayFhirServer server = new GatewayFhirServer(context, List.of(
        new CoverageEligibilityProvider(gateway, mapper),
        new DocumentProviders.EncounterProvider(submissions, documents),
        new DocumentProviders.BundleProvider(submissions, documents)));
    ServletRegistrationBean<GatewayFhirServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
