package vn.healthgate.gateway.eligibility;

import ca.uhn.fhir.rest.server.IResourceProvider;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.healthgate.gateway.config.ConfiguredFacilities;
import vn.healthgate.routes.eligibility.EligibilityLookup;
import vn.healthgate.routes.eligibility.EligibilityMapper;
import vn.healthgate.routes.eligibility.EligibilityRecorder;
import vn.healthgate.routes.eligibility.EligibilityResultStore;
import vn.healthgate.routes.eligibility.EligibilityRoute;
import vn.healthgate.routes.eligibility.EligibilityValidator;
import vn.healthgate.routes.fhir.FhirEligibilityMapper;
import vn.healthgate.routes.portal.ResilientPortal;

/** The eligibility check: its route (validate, look up, record) and its FHIR face. */
@Configuration(proxyBeanMethods = false)
public class EligibilityConfiguration {

  @Bean
  EligibilityRoute eligibilityRoute(Clock clock, ConfiguredFacilities facilities, ResilientPortal portal, EligibilityResultStore store) {
    return new EligibilityRoute(
        new EligibilityValidator(clock),
        new EligibilityLookup(facilities, portal, new EligibilityMapper(clock)),
        new EligibilityRecorder(store));
  }

  /** {@code POST /fhir/CoverageEligibilityRequest/$submit}. */
  @Bean
  IResourceProvider coverageEligibilityProvider(EligibilityGateway gateway) {
    return new CoverageEligibilityProvider(gateway, new FhirEligibilityMapper());
  }
}
