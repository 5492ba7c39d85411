package vn.healthgate.simulator.data;

/**
 * Which administrative map the simulated portal works on. Since 2025-07-01 Bình Phước is part of Đồng Nai (administrative
 * code 75) and local government has two levels, province and commune (no districts); before, the province was 70 with
 * eleven districts. Facility codes (70xxx) and CCCD prefixes (070) stay as they were.
 */
public enum AdministrativeMap {
  /** The map before 2025-07-01: province Bình Phước, 70, with districts. */
  BEFORE_2025("70", "Bình Phước", true),
  /** The map since 2025-07-01: province Đồng Nai, 75, province and commune only. */
  CURRENT("75", "Đồng Nai", false);

  private final String provinceCode;
  private final String provinceName;
  private final boolean districts;

  AdministrativeMap(String provinceCode, String provinceName, boolean districts) {
    this.provinceCode = provinceCode;
    this.provinceName = provinceName;
    this.districts = districts;
  }

  /** The province code the portal expects for the facilities ({@code maTinh}). */
  public String provinceCode() {
    return provinceCode;
  }

  public String provinceName() {
    return provinceName;
  }

  /** Whether addresses have a district level. */
  public boolean districts() {
    return districts;
  }

  /** {@code current} or {@code before-2025} (configuration, {@code SIM_MAP}). */
  public static AdministrativeMap parse(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "current" -> CURRENT;
      case "before-2025" -> BEFORE_2025;
      default -> throw new IllegalArgumentException("administrative map must be 'current' or 'before-2025', not '" + text + "'");
    };
  }
}
