package vn.healthgate.gateway.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.TimeZone;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import vn.healthgate.gateway.web.VietnamTime;

/**
 * Finishes the search Bundles HAPI assembles: each entry says it is a {@code match} (the gateway's searches include
 * nothing else), and the Bundle's {@code meta.lastUpdated} is written in Vietnam time like every time the gateway writes.
 */
@Interceptor
public class SearchBundles {
  private static final TimeZone VIETNAM = TimeZone.getTimeZone(VietnamTime.ZONE);

  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean finish(IBaseResource resource) {
    if (resource instanceof Bundle bundle && bundle.getType() == Bundle.BundleType.SEARCHSET) {
      for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
        if (!entry.getSearch().hasMode()) {
          entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
      }
      if (bundle.getMeta().hasLastUpdated()) {
        bundle.getMeta().getLastUpdatedElement().setTimeZone(VIETNAM);
      }
    }
    return true;
  }
}
