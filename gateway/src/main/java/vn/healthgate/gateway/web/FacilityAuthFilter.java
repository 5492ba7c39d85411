package vn.healthgate.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.healthgate.certs.ca.ClientIdentity;
import vn.healthgate.certs.tls.ClientCertificateCheck;
import vn.healthgate.gateway.config.ConfiguredFacilities;
import vn.healthgate.gateway.config.GatewayProperties;
import vn.healthgate.gateway.pki.GatewayTlsMaterial;
import vn.healthgate.routes.error.ErrorCode;

/**
 * Identifies the caller and applies the authorisation rules of {@code docs/security.md}.
 * <ul>
 *   <li>Identity: on the HTTPS port the client certificate (facility code or admin from its subject,
 *       checked against the live CRL); in the development run only, the {@code X-Api-Key} header.</li>
 *   <li>Admin paths ({@code /api/v1/admin/**}, {@code /admin/**}, {@code /actuator/**} except health):
 *       role ADMIN only. Facility paths ({@code /api/**}, {@code /fhir/**}): role FACILITY; admins may
 *       only read submissions. Handlers compare the facility a request names with {@link #FACILITY} (403).</li>
 *   <li>Each facility has its own rate limiter ({@code resilience4j.ratelimiter}): over it, 429 with {@code Retry-After}.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class FacilityAuthFilter extends OncePerRequestFilter {
  private static final Logger LOG = LoggerFactory.getLogger(FacilityAuthFilter.class);
  public static final String FACILITY = "gateway.facility";
  public static final String API_KEY_HEADER = "X-Api-Key";
  private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

  /** The YAML config (resilience4j.ratelimiter.configs.facility) each facility's limiter starts from; per-facility instances may override it. */
  static final String RATE_LIMIT_CONFIG = "facility";

  private final ConfiguredFacilities facilities;
  private final GatewayProperties properties;
  private final ObjectMapper json;
  private final RateLimiterRegistry rateLimiters;
  private final ClientCertificateCheck certificates;
  private final Clock clock;

  public FacilityAuthFilter(ConfiguredFacilities facilities, GatewayProperties properties, ObjectMapper json, RateLimiterRegistry rateLimiters,
      ObjectProvider<GatewayTlsMaterial> tls, Clock clock) {
    this.facilities = facilities;
    this.properties = properties;
    this.json = json;
    this.rateLimiters = rateLimiters;
    GatewayTlsMaterial material = tls.getIfAvailable();
    this.certificates = material == null ? null : material.clientCheck();
    this.clock = clock;
  }

  /** The session attribute of an admin signed in on the development admin page ({@link AdminPageController}). */
  public static final String ADMIN_SESSION = "gateway.admin-session";
  /** Admin actions from a browser session must come from this site: this header, or a same-origin {@code Origin} / {@code Sec-Fetch-Site}. */
  public static final String ADMIN_ACTION_HEADER = "X-Requested-By";

  /** Paths only an admin may call. */
  static boolean adminPath(String path) {
    return path.startsWith("/api/v1/admin/") || ((path.equals("/admin") || path.startsWith("/admin/")) && !AdminPageController.publicPath(path))
        || (path.startsWith("/actuator") && !publicActuator(path));
  }

  /** Health is open to probes; an identified admin additionally sees the components' details. */
  private static boolean publicActuator(String path) {
    return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    boolean facilityPath = path.startsWith("/api/") || path.startsWith("/fhir/") || path.equals("/fhir");
    return !(facilityPath || adminPath(path) || publicActuator(path)) || path.equals("/fhir/metadata");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    String path = request.getRequestURI();
    Identified identified = identify(request);
    if (publicActuator(path)) {
      chain.doFilter(identified.caller() == null ? request : new CallerRequest(request, identified.caller()), response);
      return;
    }
    if (identified.refusal() != null) {
      if ((path.equals("/admin") || path.equals("/admin/")) && properties.devApiKeys()) {
        response.sendRedirect("/admin/login");
        return;
      }
      ProblemResponses.write(response, json, identified.refusal(), request);
      return;
    }
    Caller caller = identified.caller();
    request.setAttribute(Caller.ATTRIBUTE, caller);
    HttpServletRequest identifiedRequest = new CallerRequest(request, caller);
    if (adminPath(path)) {
      if (caller.role() != Caller.Role.ADMIN) {
        ProblemResponses.write(response, json, ErrorCode.ADMIN_ONLY, request);
        return;
      }
      boolean reads = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
      // a browser presents a session cookie or a client certificate to any site's request: admin actions must come from our own pages
      if (!reads && (crossSite(request) || (caller.via().equals("session") && !sameSite(request)))) {
        ProblemResponses.write(response, json, ErrorCode.ADMIN_ACTION_HEADER, request);
        return;
      }
      chain.doFilter(identifiedRequest, response);
      return;
    }
    if (caller.role() == Caller.Role.ADMIN) {
      if (path.startsWith("/api/v1/submissions") && "GET".equals(request.getMethod())) {
        chain.doFilter(identifiedRequest, response);
        return;
      }
      ProblemResponses.write(response, json, ErrorCode.FACILITY_ONLY, request);
      return;
    }
    RateLimiter limiter = rateLimiters.rateLimiter("facility-" + caller.facilityCode(), RATE_LIMIT_CONFIG);
    if (!limiter.acquirePermission()) {
      response.setHeader("Retry-After", ProblemResponses.retryAfterSeconds(limiter.getRateLimiterConfig().getLimitRefreshPeriod()));
      ProblemResponses.write(response, json, ErrorCode.RATE_LIMITED, request);
      return;
    }
    request.setAttribute(FACILITY, caller.facilityCode());
    chain.doFilter(identifiedRequest, response);
  }

  /** The request as the rest of the application sees it: the caller as principal, role ADMIN for admins (actuator's "when-authorized"). */
  private static final class CallerRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
    private final Caller caller;

    CallerRequest(HttpServletRequest request, Caller caller) {
      super(request);
      this.caller = caller;
    }

    @Override
    public java.security.Principal getUserPrincipal() {
      return caller::principal;
    }

    @Override
    public String getRemoteUser() {
      return caller.principal();
    }

    @Override
    public boolean isUserInRole(String role) {
      return caller.role().name().equals(role);
    }
  }

  private record Identified(Caller caller, ErrorCode refusal) {}

  /** A request a browser marked as coming from another site (non-browser clients send neither header). */
  private static boolean crossSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
      return true;
    }
    String origin = request.getHeader("Origin");
    return origin != null && !origin.equalsIgnoreCase(request.getScheme() + "://" + request.getHeader("Host"));
  }

  /** A browser-session action that a page of another site could not have sent (besides the SameSite=Strict cookie). */
  private static boolean sameSite(HttpServletRequest request) {
    if (request.getHeader(ADMIN_ACTION_HEADER) != null || "same-origin".equals(request.getHeader("Sec-Fetch-Site"))) {
      return true;
    }
    String origin = request.getHeader("Origin");
    String own = request.getScheme() + "://" + request.getHeader("Host");
    return origin != null && origin.equalsIgnoreCase(own);
  }

  private Identified identify(HttpServletRequest request) {
    if (request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain && certificates != null) {
      return byCertificate(chain);
    }
    if (properties.devApiKeys()) {
      jakarta.servlet.http.HttpSession session = request.getSession(false);
      if (session != null && Boolean.TRUE.equals(session.getAttribute(ADMIN_SESSION))) {
        return new Identified(Caller.admin("development admin page", "session"), null);
      }
    }
    String key = request.getHeader(API_KEY_HEADER);
    if (!properties.devApiKeys() || key == null || key.isBlank()) {
      return new Identified(null, ErrorCode.AUTH_MISSING);
    }
    String adminKey = properties.adminApiKey();
    if (adminKey != null && !adminKey.isBlank() && adminKey.equals(key.trim())) {
      return new Identified(Caller.admin("development admin key", "api-key"), null);
    }
    return facilities.facilityForApiKey(key.trim())
        .map(code -> new Identified(Caller.facility(code, "api-key"), null))
        .orElseGet(() -> new Identified(null, ErrorCode.AUTH_INVALID));
  }

  private Identified byCertificate(X509Certificate[] chain) {
    ClientCertificateCheck.Result result = certificates.check(chain, clock.instant());
    if (!result.accepted()) {
      LOG.warn("client certificate serial {} refused: {} ({})", chain[0].getSerialNumber().toString(16), result.failure(), result.detail());
      return new Identified(null, result.failure() == ClientCertificateCheck.Failure.REVOKED ? ErrorCode.AUTH_CERT_REVOKED : ErrorCode.AUTH_CERT_REJECTED);
    }
    if (result.identity() instanceof ClientIdentity.Admin admin) {
      return new Identified(Caller.admin(admin.name(), "certificate"), null);
    }
    String code = ((ClientIdentity.Facility) result.identity()).code();
    Optional<GatewayProperties.Facility> onboarded = Optional.ofNullable(facilities.all().get(code));
    return onboarded.isPresent() ? new Identified(Caller.facility(code, "certificate"), null) : new Identified(null, ErrorCode.FACILITY_NOT_ONBOARDED);
  }
}
