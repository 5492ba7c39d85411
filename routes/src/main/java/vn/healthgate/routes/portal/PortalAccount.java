package vn.healthgate.routes.portal;

/** A facility's portal account ({@code 70001_BV}) with its password's MD5 (upper-case hex). */
public record PortalAccount(String username, String passwordMd5) {
  @Override
  public String toString() {
    return "PortalAccount[" + username + "]";
  }
}
