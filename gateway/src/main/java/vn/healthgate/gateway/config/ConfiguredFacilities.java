package vn.healthgate.gateway.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.healthgate.routes.eligibility.FacilityDirectory;
import vn.healthgate.routes.portal.PortalAccount;
import vn.healthgate.routes.portal.PasswordHash;

/** The onboarded facilities from configuration: their two portal accounts ({@code _BV}, {@code _HSSK}) and development API keys. */
public class ConfiguredFacilities implements FacilityDirectory {
  private final Map<String, GatewayProperties.Facility> byCode;
  private final Map<String, String> facilityByApiKey;
  private final String provinceCode;

  public ConfiguredFacilities(GatewayProperties properties) {
    this.provinceCode = properties.portal().provinceCode();
    this.byCode = properties.facilities().stream().collect(Collectors.toUnmodifiableMap(GatewayProperties.Facility::code, Function.identity()));
    this.facilityByApiKey = properties.facilities().stream()
        .filter(f -> f.apiKey() != null && !f.apiKey().isBlank())
        .collect(Collectors.toUnmodifiableMap(GatewayProperties.Facility::apiKey, GatewayProperties.Facility::code));
  }

  @Override
  public Optional<PortalAccount> lookupAccount(String facilityCode) {
    return Optional.ofNullable(byCode.get(facilityCode)).map(f -> new PortalAccount(f.code() + "_BV", PasswordHash.md5UpperHex(f.bvPassword())));
  }

  @Override
  public Optional<PortalAccount> certificateAccount(String facilityCode) {
    return Optional.ofNullable(byCode.get(facilityCode)).map(f -> new PortalAccount(f.code() + "_HSSK", PasswordHash.md5UpperHex(f.hsskPassword())));
  }

  @Override
  public String provinceCode(String facilityCode) {
    GatewayProperties.Facility facility = byCode.get(facilityCode);
    return facility != null && facility.provinceCode() != null ? facility.provinceCode() : provinceCode;
  }

  @Override
  public String name(String facilityCode) {
    GatewayProperties.Facility facility = byCode.get(facilityCode);
    return facility != null && facility.name() != null && !facility.name().isBlank() ? facility.name() : "Cơ sở KCB " + facilityCode;
  }

  public Optional<String> facilityForApiKey(String apiKey) {
    return Optional.ofNullable(apiKey == null ? null : facilityByApiKey.get(apiKey));
  }

  public Map<String, GatewayProperties.Facility> all() {
    return byCode;
  }
}
