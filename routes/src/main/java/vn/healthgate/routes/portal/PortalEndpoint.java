package vn.healthgate.routes.portal;

/** The portal endpoints, each with its own circuit breaker and time limit (named as in YAML and metrics). */
public enum PortalEndpoint {
  TOKEN("token", "/api/token/take"),
  CARD_LOOKUP("card-lookup", "/api/egw/KQNhanLichSuKCB2024"),
  HISTORY("history", "/api/egw/Lskcb2025"),
  CHECK_IN("check-in", "/api/qd130/checkInKcbQd4750"),
  CERTIFICATE("certificate", "/api/hssk/gksk");

  private final String id;
  private final String path;

  PortalEndpoint(String id, String path) {
    this.id = id;
    this.path = path;
  }

  public String id() {
    return id;
  }

  public String path() {
    return path;
  }
}
