package vn.healthgate.gateway.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.healthgate.gateway.web.ProblemResponses;
import vn.healthgate.routes.error.ErrorCode;

/**
 * Each facility has its own rate limiter ({@code resilience4j.ratelimiter.configs.facility}; an
 * instance {@code facility-<code>} may override it): over it, 429 {@code GW-RATE-LIMITED} with
 * {@code Retry-After}. Runs after authorisation, so only facilities' admitted requests count.
 */
final class FacilityRateLimitFilter extends OncePerRequestFilter {
  /** The YAML config each facility's limiter starts from. */
  static final String CONFIG = "facility";
  private final RateLimiterRegistry limiters;

  FacilityRateLimitFilter(RateLimiterRegistry limiters) {
    this.limiters = limiters;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    String facility = Caller.facilityOf(request);
    if (facility != null) {
      RateLimiter limiter = limiters.rateLimiter("facility-" + facility, CONFIG);
      if (!limiter.acquirePermission()) {
        response.setHeader(HttpHeaders.RETRY_AFTER, ProblemResponses.retryAfterSeconds(limiter.getRateLimiterConfig().getLimitRefreshPeriod()));
        ProblemResponses.write(request, response, ErrorCode.RATE_LIMITED);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
