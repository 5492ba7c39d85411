package vn.healthgate.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.healthgate.gateway.config.ConfiguredFacilities;
import vn.healthgate.gateway.config.GatewayProperties;
import vn.healthgate.gateway.pki.GatewayTlsMaterial;
import vn.healthgate.routes.error.ErrorCode;

/**
 * Every authorisation rule of {@code docs/security.md}, in one place. Who is calling comes from
 * {@link CallerIdentifier} (client certificate; development API key or admin session).
 * <ul>
 *   <li>Admin paths ({@code /api/v1/admin/**}, {@code /admin/**} but its sign-in, {@code /actuator/**} but health):
 *       role ADMIN only; their actions must not come from another site ({@link BrowserOrigin}).</li>
 *   <li>Facility paths ({@code /api/**}, {@code /fhir/**}): role FACILITY; admins may only read submissions.
 *       Handlers compare the facility a request names with {@link #FACILITY} (403).</li>
 *   <li>Health: open; an identified admin also sees the components' details.</li>
 *   <li>Each facility has its own rate limiter ({@code resilience4j.ratelimiter}): over it, 429 with {@code Retry-After}.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class FacilityAuthFilter extends OncePerRequestFilter {
  public static final String FACILITY = "gateway.facility";
  public static final String API_KEY_HEADER = "X-Api-Key";
  /** The session attribute of an admin signed in on the development admin page ({@link AdminPageController}). */
  public static final String ADMIN_SESSION = "gateway.admin-session";

  /** The YAML config (resilience4j.ratelimiter.configs.facility) each facility's limiter starts from; per-facility instances may override it. */
  static final String RATE_LIMIT_CONFIG = "facility";

  private final GatewayProperties properties;
  private final ObjectMapper json;
  private final RateLimiterRegistry rateLimiters;
  private final CallerIdentifier identifier;

  public FacilityAuthFilter(ConfiguredFacilities facilities, GatewayProperties properties, ObjectMapper json, RateLimiterRegistry rateLimiters,
      ObjectProvider<GatewayTlsMaterial> tls, Clock clock) {
    this.properties = properties;
    this.json = json;
    this.rateLimiters = rateLimiters;
    GatewayTlsMaterial material = tls.getIfAvailable();
    this.identifier = new CallerIdentifier(facilities, properties, material == null ? null : material.clientCheck(), clock);
  }

  /** Paths only an admin may call. */
  static boolean adminPath(String path) {
    return path.startsWith("/api/v1/admin/") || ((path.equals("/admin") || path.startsWith("/admin/")) && !AdminPageController.publicPath(path))
        || (path.startsWith("/actuator") && !healthPath(path));
  }

  private static boolean healthPath(String path) {
    return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    boolean facilityPath = path.startsWith("/api/") || path.startsWith("/fhir/") || path.equals("/fhir");
    return !(facilityPath || adminPath(path) || healthPath(path)) || path.equals("/fhir/metadata");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    String path = request.getRequestURI();
    CallerIdentifier.Identified identified = identifier.identify(request);
    if (healthPath(path)) {
      chain.doFilter(identified.caller() == null ? request : new CallerRequest(request, identified.caller()), response);
      return;
    }
    if (identified.refusal() != null) {
      if ((path.equals("/admin") || path.equals("/admin/")) && properties.devApiKeys()) {
        response.sendRedirect("/admin/login");
        return;
      }
      refuse(response, identified.refusal(), request);
      return;
    }
    Caller caller = identified.caller();
    request.setAttribute(Caller.ATTRIBUTE, caller);
    ErrorCode refusal = adminPath(path) ? adminRule(caller, request) : facilityRule(caller, path, request, response);
    if (refusal != null) {
      refuse(response, refusal, request);
      return;
    }
    if (caller.role() == Caller.Role.FACILITY) {
      request.setAttribute(FACILITY, caller.facilityCode());
    }
    chain.doFilter(new CallerRequest(request, caller), response);
  }

  private static ErrorCode adminRule(Caller caller, HttpServletRequest request) {
    if (caller.role() != Caller.Role.ADMIN) {
      return ErrorCode.ADMIN_ONLY;
    }
    boolean reads = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    boolean foreign = BrowserOrigin.crossSite(request) || (caller.via().equals("session") && !BrowserOrigin.provenSameSite(request));
    return !reads && foreign ? ErrorCode.ADMIN_ACTION_HEADER : null;
  }

  private ErrorCode facilityRule(Caller caller, String path, HttpServletRequest request, HttpServletResponse response) {
    if (caller.role() == Caller.Role.ADMIN) {
      return path.startsWith("/api/v1/submissions") && "GET".equals(request.getMethod()) ? null : ErrorCode.FACILITY_ONLY;
    }
    RateLimiter limiter = rateLimiters.rateLimiter("facility-" + caller.facilityCode(), RATE_LIMIT_CONFIG);
    if (!limiter.acquirePermission()) {
      response.setHeader("Retry-After", ProblemResponses.retryAfterSeconds(limiter.getRateLimiterConfig().getLimitRefreshPeriod()));
      return ErrorCode.RATE_LIMITED;
    }
    return null;
  }

  private void refuse(HttpServletResponse response, ErrorCode code, HttpServletRequest request) throws IOException {
    ProblemResponses.write(response, json, code, request);
  }
}
