package vn.healthgate.routes.portal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's token, card-lookup and history calls ({@code docs/portal-contract.md}). Tokens are cached
 * per facility account and renewed before expiry; a call refused with 401/501 ("token không đúng")
 * is retried once with a fresh token. No resilience here: see {@link ResilientPortal}.
 */
public class PortalClient {
  private static final Logger LOG = LoggerFactory.getLogger(PortalClient.class);
  private static final Set<String> TOKEN_REFUSED = Set.of("401", "501");

  private final PortalHttp http;
  private final PortalSettings settings;
  private final Clock clock;
  private final TokenCache tokens;
  private volatile UnaryOperator<Supplier<PortalToken>> tokenGuard = call -> call;

  public PortalClient(PortalSettings settings, Clock clock) {
    this.http = new PortalHttp(settings);
    this.settings = settings;
    this.clock = clock;
    this.tokens = new TokenCache(clock);
  }

  public CardLookupReply lookupCard(PortalAccount account, CardLookupRequest request) {
    return withToken(account, PortalEndpoint.CARD_LOOKUP, token -> http.postJson(PortalEndpoint.CARD_LOOKUP, tokenQuery(token, account), request));
  }

  public CardLookupReply history(PortalAccount account, CardLookupRequest request) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("maThe", request.maThe());
    form.put("hoTen", request.hoTen());
    form.put("ngaySinh", request.ngaySinh());
    form.put("hoTenCb", request.hoTenCb());
    form.put("cccdCb", request.cccdCb());
    return withToken(account, PortalEndpoint.HISTORY, token -> http.postForm(PortalEndpoint.HISTORY, tokenQuery(token, account), form));
  }

  /** The check-in endpoint's answer. */
  public record CheckInReply(int httpStatus, String maKetQua, String maGiaoDich, String thoiGianTiepNhan, String thongDiep) {}

  /** The certificate endpoint's answer ({@code IDBENHVIEN}: the facility the portal filed it under). */
  public record CertificateReply(int httpStatus, String msgState, String msgText, String idBenhVien, String so, String uuid) {}

  /** Sends an XML 0 file (Base64) for the facility of {@code account}; retried once with a new token when the token is refused. */
  public CheckInReply sendCheckIn(PortalAccount account, String facilityCode, String provinceCode, String fileBase64) {
    PortalToken token = tokens.get(account, this::guardedToken);
    PortalHttp.Reply reply = checkInCall(account, facilityCode, provinceCode, fileBase64, token);
    if (refused(reply)) {
      tokens.invalidate(account, token);
      reply = checkInCall(account, facilityCode, provinceCode, fileBase64, tokens.get(account, this::guardedToken));
    }
    var body = reply.body();
    return new CheckInReply(reply.status(), body.path("maKetQua").asText(""), text(body, "maGiaoDich"), text(body, "thoiGianTiepNhan"), text(body, "thongDiep"));
  }

  private PortalHttp.Reply checkInCall(PortalAccount account, String facilityCode, String provinceCode, String fileBase64, PortalToken token) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", account.username());
    form.put("loaiHoSo", "0");
    form.put("maTinh", provinceCode);
    form.put("maCSKCB", facilityCode);
    form.put("fileHSBase64", fileBase64);
    return http.postForm(PortalEndpoint.CHECK_IN, null, form,
        Map.of("accessToken", token.accessToken(), "tokenId", token.idToken(), "passwordHash", account.passwordMd5()));
  }

  /** Sends a certificate's JSON body with the facility's {@code _HSSK} account in the headers (no token). */
  public CertificateReply sendCertificate(PortalAccount hsskAccount, Map<String, String> body) {
    PortalHttp.Reply reply = http.postJson(PortalEndpoint.CERTIFICATE, null, body,
        Map.of("Username", hsskAccount.username(), "Password", hsskAccount.passwordMd5()));
    var json = reply.body();
    return new CertificateReply(reply.status(), json.path("MSG_STATE").asText(""), text(json, "MSG_TEXT"), text(json, "IDBENHVIEN"), text(json, "SO"),
        text(json, "UUID"));
  }

  private static String text(com.fasterxml.jackson.databind.JsonNode node, String field) {
    com.fasterxml.jackson.databind.JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** Wraps every token call, e.g. in the token endpoint's circuit breaker. */
  public void guardTokenCalls(UnaryOperator<Supplier<PortalToken>> guard) {
    this.tokenGuard = guard;
  }

  private PortalToken guardedToken(PortalAccount account) {
    return tokenGuard.apply(() -> takeToken(account)).get();
  }

  /** Fetches a new session token for the account (the token endpoint). */
  public PortalToken takeToken(PortalAccount account) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", account.username());
    form.put("password", account.passwordMd5());
    PortalHttp.Reply reply = http.postForm(PortalEndpoint.TOKEN, null, form);
    String code = reply.body().path("maKetQua").asText("");
    JsonNode key = reply.body().path("APIKey");
    if (!"200".equals(code) || key.isMissingNode() || key.isNull()) {
      throw new PortalLoginRefusedException(account.username(), code.isEmpty() ? "HTTP " + reply.status() : code);
    }
    Instant now = clock.instant();
    Instant expires;
    try {
      expires = Instant.parse(key.path("expires_in").asText());
    } catch (DateTimeParseException e) {
      throw new PortalUnavailableException(PortalEndpoint.TOKEN, "unreadable expires_in", e);
    }
    Instant capped = now.plus(settings.tokenMaxAge());
    Instant usableUntil = (expires.isBefore(capped) ? expires : capped).minus(settings.tokenRefreshMargin());
    LOG.debug("new portal token for {} usable until {}", account.username(), usableUntil);
    return new PortalToken(key.path("access_token").asText(), key.path("id_token").asText(), account.username(), usableUntil);
  }

  private interface TokenCall {
    PortalHttp.Reply call(PortalToken token);
  }

  private CardLookupReply withToken(PortalAccount account, PortalEndpoint endpoint, TokenCall call) {
    PortalToken token = tokens.get(account, this::guardedToken);
    PortalHttp.Reply reply = call.call(token);
    if (refused(reply)) {
      LOG.info("portal refused the token of {} on {}; renewing once", account.username(), endpoint.id());
      tokens.invalidate(account, token);
      reply = call.call(tokens.get(account, this::guardedToken));
    }
    if (refused(reply) && reply.status() == 401) {
      return CardLookupReply.ofCode("401");
    }
    try {
      return PortalHttp.JSON.treeToValue(reply.body(), CardLookupReply.class);
    } catch (IOException e) {
      throw new PortalUnavailableException(endpoint, "unreadable reply", e);
    }
  }

  private static boolean refused(PortalHttp.Reply reply) {
    return reply.status() == 401 || TOKEN_REFUSED.contains(reply.body().path("maKetQua").asText(""));
  }

  private static String tokenQuery(PortalToken token, PortalAccount account) {
    return "token=" + PortalHttp.encode(token.accessToken())
        + "&id_token=" + PortalHttp.encode(token.idToken())
        + "&username=" + PortalHttp.encode(account.username())
        + "&password=" + PortalHttp.encode(account.passwordMd5());
  }

  /** Cached tokens per account (for health reporting). */
  public Map<String, PortalToken> cachedTokens() {
    return tokens.snapshot();
  }
}
