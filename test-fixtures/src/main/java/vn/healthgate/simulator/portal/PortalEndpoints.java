package vn.healthgate.simulator.portal;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.healthgate.simulator.SimRequest;
import vn.healthgate.simulator.SimResponse;
import vn.healthgate.simulator.SimulatorState;
import vn.healthgate.simulator.data.Facility;

/**
 * The portal's paths ({@code docs/portal-contract.md}): the token, the card lookup and the visit history here, each refused
 * without the {@code _BV} account's credentials; the signed documents in {@link SignedDocumentEndpoints}.
 */
public final class PortalEndpoints {

  public static final String TOKEN_PATH = "/api/token/take";
  public static final String LOOKUP_PATH = "/api/egw/KQNhanLichSuKCB2024";
  public static final String HISTORY_PATH = "/api/egw/Lskcb2025";

  static final String TOKEN_REFUSED = "Token không đúng hoặc đã hết hạn";
  static final String PASSWORD_REFUSED = "Lỗi xác thực tài khoản: mật khẩu (password) không đúng";

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
      case "card-lookup" -> withLookupAccount(request, user -> state.cardLookup().lookup(request, user));
      case "history" -> withLookupAccount(request, user -> state.cardLookup().history(request, user));
      case "check-in" -> state.signedDocuments().checkIn(request);
      case "certificate" -> state.signedDocuments().certificate(request);
      default -> new SimResponse(404, Map.of("maKetQua", "404"));
    };
  }

  private SimResponse token(SimRequest request, boolean refuse) {
    String username = request.field("username");
    Optional<Facility> facility = state.facilities().authenticate(Facility.Account.BV, username, request.field("password"));
    if (refuse || facility.isEmpty()) {
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

  /**
   * A lookup or history call: the session token must be valid for the {@code username} of the query string, and the
   * query's {@code password} the MD5 of that {@code _BV} account's password; either failing is HTTP 401, {@code maKetQua} 401.
   */
  private SimResponse withLookupAccount(SimRequest request, Function<String, Map<String, Object>> call) {
    String user = request.queryParam("username");
    if (!state.tokens().isValid(request.queryParam("token"), request.queryParam("id_token"), user)) {
      return unauthorised(TOKEN_REFUSED);
    }
    if (state.facilities().authenticate(Facility.Account.BV, user, request.queryParam("password")).isEmpty()) {
      return unauthorised(PASSWORD_REFUSED);
    }
    return SimResponse.ok(call.apply(user));
  }

  private static SimResponse unauthorised(String text) {
    return new SimResponse(401, Map.of("maKetQua", "401", "ghiChu", text));
  }
}
