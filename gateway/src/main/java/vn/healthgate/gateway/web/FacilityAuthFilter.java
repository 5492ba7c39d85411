package vn.healthgate.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.healthgate.gateway.config.ConfiguredFacilities;
import vn.healthgate.gateway.config.GatewayProperties;
import vn.healthgate.routes.error.ErrorCode;

/**
 * Identifies the calling facility on {@code /api/**} and {@code /fhir/**} (except the public
 * CapabilityStatement). Development mode: the {@code X-Api-Key} header. The facility is left in
 * the request attribute {@link #FACILITY}; handlers compare it with the facility a request names.
 * Each facility has its own rate limiter ({@code resilience4j.ratelimiter}): over it, 429 with {@code Retry-After}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class FacilityAuthFilter extends OncePerRequestFilter {
  public static final String FACILITY = "gateway.facility";
  public static final String API_KEY_HEADER = "X-Api-Key";

  private final ConfiguredFacilities facilities;
  private final GatewayProperties properties;
  private final ObjectMapper json;
  private final RateLimiterRegistry rateLimiters;

  /** The YAML config (resilience4j.ratelimiter.configs.facility) each facility's limiter starts from; per-facility instances may override it. */
  static final String RATE_LIMIT_CONFIG = "facility";

  public FacilityAuthFilter(ConfiguredFacilities facilities, GatewayProperties properties, ObjectMapper json, RateLimiterRegistry rateLimiters) {
    this.facilities = facilities;
    this.properties = properties;
    this.json = json;
    this.rateLimiters = rateLimiters;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    boolean guarded = path.startsWith("/api/") || path.startsWith("/fhir/") || path.equals("/fhir");
    return !guarded || path.equals("/fhir/metadata");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    String key = request.getHeader(API_KEY_HEADER);
    if (!properties.devApiKeys() || key == null || key.isBlank()) {
      ProblemResponses.write(response, json, ErrorCode.AUTH_MISSING, request);
      return;
    }
    boolean admin = properties.adminApiKey() != null && !properties.adminApiKey().isBlank() && properties.adminApiKey().equals(key.trim());
    if (request.getRequestURI().startsWith("/api/v1/admin/")) {
      if (!admin) {
        ProblemResponses.write(response, json, facilities.facilityForApiKey(key.trim()).isPresent() ? ErrorCode.ADMIN_ONLY : ErrorCode.AUTH_INVALID, request);
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if (admin && request.getRequestURI().startsWith("/api/v1/submissions")) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> facility = facilities.facilityForApiKey(key.trim());
    if (facility.isEmpty()) {
      ProblemResponses.write(response, json, ErrorCode.AUTH_INVALID, request);
      return;
    }
    RateLimiter limiter = rateLimiters.rateLimiter("facility-" + facility.get(), RATE_LIMIT_CONFIG);
    if (!limiter.acquirePermission()) {
      response.setHeader("Retry-After", ProblemResponses.retryAfterSeconds(limiter.getRateLimiterConfig().getLimitRefreshPeriod()));
      ProblemResponses.write(response, json, ErrorCode.RATE_LIMITED, request);
      return;
    }
    request.setAttribute(FACILITY, facility.get());
    chain.doFilter(request, response);
  }
}
