package vn.healthgate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.portal.PasswordHash;
import vn.healthgate.routes.portal.PortalAccount;

class ConfiguredFacilitiesTest {

  @Test
  void theTwoPortalAccountsOfAFacilityCarryTheirOwnPasswords() {
    GatewayProperties.Facility facility = new GatewayProperties.Facility("70001", "Bệnh viện", "dev-70001", "bv-secret", "hssk-secret");
    ConfiguredFacilities facilities =
        new ConfiguredFacilities(new GatewayProperties(null, null, null, null, true, null, null, List.of(facility), null, null, null, null));

    assertThat(facilities.lookupAccount("70001")).contains(new PortalAccount("70001_BV", PasswordHash.md5UpperHex("bv-secret")));
    assertThat(facilities.certificateAccount("70001")).contains(new PortalAccount("70001_HSSK", PasswordHash.md5UpperHex("hssk-secret")));
    assertThat(facilities.lookupAccount("70002")).isEmpty();
  }

  @Test
  void aFacilityNamesNeitherPassword() {
    assertThat(new GatewayProperties.Facility("70001", null, null, "bv-secret", "hssk-secret").toString()).doesNotContain("secret");
  }
}
