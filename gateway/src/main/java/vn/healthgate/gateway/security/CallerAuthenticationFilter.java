package vn.healthgate.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.healthgate.routes.error.ErrorCode;

/**
 * Establishes who is calling, in Spring Security's chain: the TLS client certificate if the HTTPS
 * port received one, else (development run only) the {@code X-Api-Key} header, else the admin page's
 * session (loaded by Spring Security from the session). A credential that is presented and refused
 * ends the request with its own 401/403 code; no credential leaves the request anonymous for the
 * authorisation rules to refuse. The caller is also left in request attributes for the audit
 * filter and the handlers ({@link Caller#ATTRIBUTE}, {@link Caller#FACILITY}).
 */
final class CallerAuthenticationFilter extends OncePerRequestFilter {
  static final String API_KEY_HEADER = "X-Api-Key";
  private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

  private final AuthenticationManager authentications;
  private final boolean certificates;
  private final boolean apiKeys;
  private final Refusals refusals;
  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

  /**
   * @param certificates the HTTPS listener is on (a certificate provider is registered)
   * @param apiKeys the development {@code X-Api-Key} mode is on
   */
  CallerAuthenticationFilter(AuthenticationManager authentications, boolean certificates, boolean apiKeys, Refusals refusals) {
    this.authentications = authentications;
    this.certificates = certificates;
    this.apiKeys = apiKeys;
    this.refusals = refusals;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    Authentication presented = presented(request);
    if (presented != null) {
      try {
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentications.authenticate(presented));
        contexts.setContext(context);
      } catch (AuthenticationException refused) {
        contexts.clearContext();
        refusals.refuse(request, response, refused instanceof CallerRefused coded ? coded.code() : ErrorCode.AUTH_INVALID);
        return;
      }
    }
    if (contexts.getContext().getAuthentication() instanceof CallerAuthentication identified) {
      Caller caller = identified.getPrincipal();
      request.setAttribute(Caller.ATTRIBUTE, caller);
      if (caller.role() == Caller.Role.FACILITY) {
        request.setAttribute(Caller.FACILITY, caller.facilityCode());
      }
    }
    chain.doFilter(request, response);
  }

  private Authentication presented(HttpServletRequest request) {
    if (certificates && request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain && chain.length > 0) {
      return new ClientCertificateAuthenticationProvider.Presented(chain);
    }
    String key = apiKeys ? request.getHeader(API_KEY_HEADER) : null;
    return key == null || key.isBlank() ? null : new ApiKeyAuthenticationProvider.Presented(key);
  }
}
