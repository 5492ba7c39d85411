package vn.healthgate.simulator.data;

import java.util.List;

/** A synthetic healthcare facility of Bình Phước, with its portal accounts and registered reception officers. */
public record Facility(
    String code, String name, Level level, String district, String password, List<Officer> officers) {

  public enum Level {
    PROVINCIAL_HOSPITAL,
    DISTRICT_HEALTH_CENTRE,
    COMMUNE_HEALTH_STATION
  }

  /** Account for card lookups and XML 130 messages. */
  public String lookupAccount() {
    return code + "_BV";
  }

  /** Account for driver health certificates. */
  public String certificateAccount() {
    return code + "_HSSK";
  }
}
