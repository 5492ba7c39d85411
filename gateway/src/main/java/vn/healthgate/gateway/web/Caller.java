package vn.healthgate.gateway.web;

/**
 * Who is calling, as established by {@link FacilityAuthFilter}: a facility (its HIS) or an
 * integration admin. Left in the request attribute {@link #ATTRIBUTE}.
 *
 * @param role what the caller may do
 * @param facilityCode the facility, for role FACILITY
 * @param name the admin's name (certificate CN) or the credential used, for role ADMIN
 * @param via how the identity was proved: {@code certificate} or {@code api-key}
 */
public record Caller(Role role, String facilityCode, String name, String via) {
  public static final String ATTRIBUTE = "gateway.caller";

  public enum Role { FACILITY, ADMIN }

  static Caller facility(String code, String via) {
    return new Caller(Role.FACILITY, code, null, via);
  }

  static Caller admin(String name, String via) {
    return new Caller(Role.ADMIN, null, name, via);
  }

  /** How the audit log names the caller: {@code facility:70001}, {@code admin:<name>}. */
  public String principal() {
    return role == Role.FACILITY ? "facility:" + facilityCode : "admin:" + name;
  }
}
