package vn.healthgate.routes.delivery;

import java.util.List;
import java.util.Map;

/**
 * A certificate's address codes as the portal expects them. Since 2025-07-01 local government has two levels, province
 * and commune: the district is optional. On the current map ({@code districts} false) a certificate that still carries
 * the codes of before (a district code, with the old province and commune) is converted with the configured tables and
 * sent without its district; a code a table does not name is sent as given. On the map before ({@code districts} true)
 * the codes are sent as given.
 *
 * @param districts whether the portal still takes district codes (the map before 2025-07-01)
 * @param provinces old province code → current one (Bình Phước 70 → Đồng Nai 75)
 * @param communes old commune code → current one (Decision 19/2025/QĐ-TTg; configuration)
 */
public record AddressCodes(boolean districts, Map<String, String> provinces, Map<String, String> communes) {
  /** The map before 2025-07-01: codes sent as given, a district when there is one. */
  public static final AddressCodes AS_GIVEN = new AddressCodes(true, Map.of(), Map.of());

  public AddressCodes {
    provinces = Map.copyOf(provinces);
    communes = Map.copyOf(communes);
  }

  /** The codes to send; {@code warnings} is told when old codes were converted. {@code district} may be empty. */
  public List<String> toPortal(String province, String district, String commune, List<String> warnings) {
    if (districts || district.isEmpty()) {
      return List.of(province, district, commune);
    }
    String newProvince = provinces.getOrDefault(province, province);
    String newCommune = communes.getOrDefault(commune, commune);
    List<String> changes = new java.util.ArrayList<>();
    if (!newProvince.equals(province)) {
      changes.add("province " + province + " → " + newProvince);
    }
    if (!newCommune.equals(commune)) {
      changes.add("commune " + commune + " → " + newCommune);
    }
    changes.add("district " + district + " dropped");
    warnings.add("address codes of the map before 2025-07-01 converted: " + String.join(", ", changes));
    return List.of(newProvince, "", newCommune);
  }
}
