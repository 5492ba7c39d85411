package vn.healthgate.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import java.util.List;

/** The FHIR R4 endpoint under {@code /fhir}; HAPI builds the CapabilityStatement from the registered providers. */
public class GatewayFhirServer extends RestfulServer {
  private final List<Object> providers;

  public GatewayFhirServer(FhirContext context, List<Object> providers) {
    super(context);
    this.providers = providers;
  }

  @Override
  protected void initialize() {
    setDefaultResponseEncoding(EncodingEnum.JSON);
    setDefaultPrettyPrint(false);
    setImplementationDescription("Bình Phước insurance gateway to the national insurance portal: eligibility by CCCD"
        + " (CoverageEligibilityRequest/$submit), check-in notices (Encounter) and driver health certificates (document Bundle)");
    setServerName("healthgate");
    registerProviders(providers);
    registerInterceptor(new FhirErrorInterceptor());
    registerInterceptor(new CapabilityStatementNaming());
    ServerCapabilityStatementProvider capabilities = new ServerCapabilityStatementProvider(this);
    capabilities.setPublisher("Bình Phước insurance gateway");
    setServerConformanceProvider(capabilities);
  }
}
