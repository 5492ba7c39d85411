package vn.healthgate.gateway.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;

/** Names the CapabilityStatement after this server (HAPI calls every generated one {@code RestServer}) and writes its date in Vietnam time. */
@Interceptor
class CapabilityStatementNaming {
  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  void name(IBaseConformance statement) {
    if (statement instanceof CapabilityStatement capabilities) {
      capabilities.setName("HealthgateInsuranceGateway");
      capabilities.setTitle("Bình Phước insurance gateway");
      if (capabilities.hasDate()) {
        capabilities.getDateElement().setTimeZone(java.util.TimeZone.getTimeZone(vn.healthgate.gateway.web.VietnamTime.ZONE));
      }
    }
  }
}
