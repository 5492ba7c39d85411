package vn.healthgate.routes.eligibility;

import java.util.Optional;
import vn.healthgate.routes.portal.PortalAccount;

/** Which facilities are onboarded, and their portal lookup accounts. Implemented by the gateway's configuration. */
public interface FacilityDirectory {
  Optional<PortalAccount> lookupAccount(String facilityCode);

  /** The facility's account for health certificates ({@code <code>_HSSK}). */
  Optional<PortalAccount> certificateAccount(String facilityCode);

  /** The facility's name as the portal knows it ({@code BENHVIEN}). */
  String name(String facilityCode);
}
