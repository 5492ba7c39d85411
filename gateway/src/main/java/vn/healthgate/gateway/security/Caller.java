package vn.healthgate.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;

/**
 * Who is calling, as established by {@link CallerAuthenticationFilter}: a facility (its HIS) or an
 * integration admin. The principal of the request's {@link CallerAuthentication}, and also left in
 * the request attribute {@link #ATTRIBUTE} for the audit filter, which runs outside Spring Security.
 *
 * @param role what the caller may do
 * @param facilityCode the facility, for role FACILITY
 * @param name the admin's name (certificate CN) or the credential used, for role ADMIN
 * @param via how the identity was proved: {@code certificate}, {@code api-key} or {@code session}
 */
public record Caller(Role role, String facilityCode, String name, String via) implements Serializable {
  public static final String ATTRIBUTE = "gateway.caller";
  /** Request attribute: the facility code of a FACILITY caller, which handlers compare with the facility a request names. */
  public static final String FACILITY = "gateway.facility";

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

  /** The caller's facility code if a facility is calling, else null (admins act for no facility). */
  public static String facilityOf(HttpServletRequest request) {
    return (String) request.getAttribute(FACILITY);
  }

  /** The identified caller of a request, or null. */
  public static Caller of(HttpServletRequest request) {
    return (Caller) request.getAttribute(ATTRIBUTE);
  }
}
