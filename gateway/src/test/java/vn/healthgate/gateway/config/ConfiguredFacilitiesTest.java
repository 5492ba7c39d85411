package vn.healthgate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.portal.PasswordHash;
import vn.healthgate.routes.portal.PortalAccount;

class ConfiguredFacilitiesTest {

  @Test
  void theTwoPortalAccountsOfAFacilityCarryTheirOwnPasswords() {
    GatewayProperties.Facility facility = new GatewayProperties.Facility("70001", "Bệnh viện", "dev-70001", "bv-secret", "hssk-secret", null);
    ConfiguredFacilities facilities = configured(facility);

    assertThat(facilities.lookupAccount("70001")).contains(new PortalAccount("70001_BV", PasswordHash.md5UpperHex("bv-secret")));
    assertThat(facilities.certificateAccount("70001")).contains(new PortalAccount("70001_HSSK", PasswordHash.md5UpperHex("hssk-secret")));
    assertThat(facilities.lookupAccount("70002")).isEmpty();
  }

  @Test
  void aFacilityNamesNeitherPassword() {
    assertThat(new GatewayProperties.Facility("70001", null, null, "bv-secret", "hssk-secret", null).toString()).doesNotContain("secret");
  }

  @Test
  void theProvinceSentAsMaTinhIsConfiguredNotTakenFromTheFacilityCode() {
    ConfiguredFacilities facilities = configured(
        new GatewayProperties.Facility("70001", null, null, "bv", "hssk", null),
        new GatewayProperties.Facility("70002", null, null, "bv", "hssk", "70"));

    assertThat(facilities.provinceCode("70001")).as("the deployment's province: Đồng Nai since 2025-07-01").isEqualTo("75");
    assertThat(facilities.provinceCode("70002")).as("a facility's own").isEqualTo("70");
  }

  private static ConfiguredFacilities configured(GatewayProperties.Facility... facilities) {
    GatewayProperties.Portal portal = new GatewayProperties.Portal(null, null, null, null, null, null, null, "75");
    return new ConfiguredFacilities(new GatewayProperties(null, portal, null, null, true, null, null, List.of(facilities), null, null, null, null, null));
  }
}
