package vn.healthgate.routes.eligibility;

import java.util.Optional;
import vn.healthgate.routes.portal.PortalAccount;

/** Which facilities are onboarded, and their portal lookup accounts. Implemented by the gateway's configuration. */
public interface FacilityDirectory {
  Optional<PortalAccount> lookupAccount(String facilityCode);

  /** The facility's account for health certificates ({@code <code>_HSSK}). */
  Optional<PortalAccount> certificateAccount(String facilityCode);

  /** The province code the portal expects for the facility ({@code maTinh}: since 2025-07-01 Bình Phước's facilities are in Đồng Nai, 75). */
  String provinceCode(String facilityCode);

  /** The facility's name as the portal knows it ({@code BENHVIEN}). */
  String name(String facilityCode);
}
