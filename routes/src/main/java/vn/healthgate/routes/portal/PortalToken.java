package vn.healthgate.routes.portal;

import java.time.Instant;

/** A portal session token; {@code usableUntil} already includes the refresh margin. */
public record PortalToken(String accessToken, String idToken, String username, Instant usableUntil) {
  @Override
  public String toString() {
    return "PortalToken[" + username + ", usable until " + usableUntil + "]";
  }
}
