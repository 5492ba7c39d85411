package vn.healthgate.simulator.data;

import java.util.List;

/**
 * A synthetic healthcare facility of Bình Phước, with its two portal accounts and registered reception officers.
 * The accounts have separate passwords, as at the real portal: {@code <code>_BV} for card lookups, visit history and
 * check-in notices, {@code <code>_HSSK} for driver health certificates. {@code district}: the area it serves (a
 * district before 2025-07-01); {@code provinceCode}: the province the portal expects for it ({@code maTinh}, by the map).
 */
public record Facility(
    String code, String name, Level level, String district, String provinceCode, String bvPassword, String hsskPassword, List<Officer> officers) {

  public enum Level {
    PROVINCIAL_HOSPITAL,
    DISTRICT_HEALTH_CENTRE,
    COMMUNE_HEALTH_STATION
  }

  /** The portal's two accounts of a facility, by the suffix of their user names. */
  public enum Account {
    /** Card lookups, visit history and check-in notices (XML 130). */
    BV("_BV"),
    /** Driver health certificates. */
    HSSK("_HSSK");

    private final String suffix;

    Account(String suffix) {
      this.suffix = suffix;
    }

    public String suffix() {
      return suffix;
    }
  }

  /** Account for card lookups and XML 130 messages. */
  public String lookupAccount() {
    return code + Account.BV.suffix();
  }

  /** Account for driver health certificates. */
  public String certificateAccount() {
    return code + Account.HSSK.suffix();
  }

  /** The plain password of one of the facility's accounts. */
  public String password(Account account) {
    return account == Account.BV ? bvPassword : hsskPassword;
  }

  /** Without the passwords. */
  @Override
  public String toString() {
    return "Facility[" + code + "]";
  }
}
