package vn.healthgate.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import vn.healthgate.routes.error.ErrorCode;

/** The FHIR R4 endpoint under {@code /fhir}; HAPI builds the CapabilityStatement from the registered providers. */
public class GatewayFhirServer extends RestfulServer {
  private final List<Object> providers;
  private volatile FhirMethods methods;

  public GatewayFhirServer(FhirContext context, List<Object> providers) {
    super(context);
    this.providers = providers;
  }

  @Override
  protected void initialize() {
    setDefaultResponseEncoding(EncodingEnum.JSON);
    setDefaultPrettyPrint(false);
    // a create without Prefer answers the informational OperationOutcome (docs/api.md)
    setDefaultPreferReturn(ca.uhn.fhir.rest.api.PreferReturnEnum.OPERATION_OUTCOME);
    setImplementationDescription("Bình Phước insurance gateway to the national insurance portal: eligibility by CCCD"
        + " (CoverageEligibilityRequest/$submit), check-in notices (Encounter) and driver health certificates (document Bundle)");
    setServerName("healthgate");
    registerProviders(providers);
    registerInterceptor(new FhirErrorInterceptor());
    registerInterceptor(new CapabilityStatementNaming());
    registerInterceptor(new SearchBundles());
    ServerCapabilityStatementProvider capabilities = new ServerCapabilityStatementProvider(this);
    capabilities.setPublisher("Bình Phước insurance gateway");
    setServerConformanceProvider(capabilities);
  }

  /**
   * Answers a method a path does not accept, before HAPI: {@code 405 GW-METHOD-NOT-ALLOWED} with {@code Allow} listing
   * what the path accepts (HAPI would answer an unknown method such as {@code FOO} with the container's 501, and
   * {@code PATCH} or {@code GET} on a create-only path with a 400), and {@code 404 GW-NOT-FOUND} for a path nothing is
   * served on, whatever the method.
   */
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
    FhirMethods table = methods();
    String path = request.getPathInfo();
    if (table.modelled(path)) {
      Set<String> allowed = table.allowed(path);
      if (allowed.isEmpty()) {
        FhirErrors.write(request, response, getFhirContext(), ErrorCode.NOT_FOUND);
        return;
      }
      if (!allowed.contains(request.getMethod())) {
        response.setHeader("Allow", String.join(", ", allowed));
        FhirErrors.write(request, response, getFhirContext(), ErrorCode.METHOD_NOT_ALLOWED);
        return;
      }
    }
    super.service(request, response);
  }

  /** Built on first use: HAPI binds the providers in {@code init}, after construction. */
  FhirMethods methods() {
    FhirMethods table = methods;
    if (table == null) {
      table = FhirMethods.of(this);
      methods = table;
    }
    return table;
  }
}
