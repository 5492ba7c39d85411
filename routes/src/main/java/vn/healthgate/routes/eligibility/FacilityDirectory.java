package vn.healthgate.routes.eligibility;

import java.util.Optional;
import vn.healthgate.routes.portal.PortalAccount;

/** Which facilities are onboarded, and their portal lookup accounts. Implemented by the gateway's configuration. */
public interface FacilityDirectory {
  Optional<PortalAccount> lookupAccount(String facilityCode);
}
