package vn.healthgate.routes.portal;

/** The portal answered the token call with a refusal (wrong credentials, or refusing tokens). */
public class PortalLoginRefusedException extends RuntimeException {
  public PortalLoginRefusedException(String username, String code) {
    super("portal refused login of " + username + " with code " + code);
  }
}
