package vn.healthgate.simulator.portal;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.healthgate.simulator.Md5;
import vn.healthgate.simulator.SimRequest;
import vn.healthgate.simulator.SimResponse;
import vn.healthgate.simulator.SimulatorState;
import vn.healthgate.simulator.data.Facility;

/** The portal's own paths ({@code portal-api.md} §1–3). */
public final class PortalEndpoints {

  public static final String TOKEN_PATH = "/api/token/take";
  public static final String LOOKUP_PATH = "/api/egw/KQNhanLichSuKCB2024";
  public static final String HISTORY_PATH = "/api/egw/Lskcb2025";

  private final SimulatorState state;

  public PortalEndpoints(SimulatorState state) {
    this.state = state;
  }

  /** The fault-API name of the endpoint at this path, if it is a portal endpoint. */
  public static Optional<String> endpointOf(String method, String path) {
    if (!"POST".equals(method)) {
      return Optional.empty();
    }
    return switch (path) {
      case TOKEN_PATH -> Optional.of("token");
      case LOOKUP_PATH -> Optional.of("card-lookup");
      case HISTORY_PATH -> Optional.of("history");
      case SignedDocumentEndpoints.CHECK_IN_PATH -> Optional.of("check-in");
      case SignedDocumentEndpoints.CERTIFICATE_PATH -> Optional.of("certificate");
      default -> Optional.empty();
    };
  }

  public SimResponse handle(String endpoint, SimRequest request, boolean refuseToken) {
    return switch (endpoint) {
      case "token" -> token(request, refuseToken);
      case "card-lookup" -> authorised(request).map(user -> SimResponse.ok(state.cardLookup().lookup(request, user))).orElseGet(PortalEndpoints::unauthorised);
      case "history" -> authorised(request).map(user -> SimResponse.ok(state.cardLookup().history(request, user))).orElseGet(PortalEndpoints::unauthorised);
      case "check-in" -> state.signedDocuments().checkIn(request);
      case "certificate" -> state.signedDocuments().certificate(request);
      default -> new SimResponse(404, Map.of("maKetQua", "404"));
    };
  }

  private SimResponse token(SimRequest request, boolean refuse) {
    String username = request.field("username");
    String password = request.field("password");
    Optional<Facility> facility = state.facilities().byAccount(username);
    boolean ok = !refuse
        && facility.isPresent()
        && password != null
        && Md5.upperHex(facility.get().password()).equalsIgnoreCase(password.trim());
    if (!ok) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("maKetQua", "401");
      body.put("APIKey", null);
      return SimResponse.ok(body);
    }
    TokenStore.Token token = state.tokens().issue(username);
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("access_token", token.accessToken());
    key.put("id_token", token.idToken());
    key.put("token_type", "Bearer");
    key.put("username", token.username());
    key.put("expires_in", DateTimeFormatter.ISO_INSTANT.format(token.expiresAt()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("maKetQua", "200");
    body.put("APIKey", key);
    return SimResponse.ok(body);
  }

  private Optional<String> authorised(SimRequest request) {
    String user = request.queryParam("username");
    return state.tokens().isValid(request.queryParam("token"), request.queryParam("id_token"), user) ? Optional.of(user) : Optional.empty();
  }

  private static SimResponse unauthorised() {
    return new SimResponse(401, Map.of("maKetQua", "401", "ghiChu", "Token không đúng hoặc đã hết hạn"));
  }
}
