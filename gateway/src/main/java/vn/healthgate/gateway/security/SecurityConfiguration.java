package vn.healthgate.gateway.security;

import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import vn.healthgate.gateway.config.ConfiguredFacilities;
import vn.healthgate.gateway.config.GatewayProperties;
import vn.healthgate.gateway.pki.GatewayTlsMaterial;

/**
 * Identification and authorisation on Spring Security (ADR 0008): the strict firewall refuses
 * ambiguous paths before anything matches them; callers are identified by client certificate (or,
 * in the development run, API key or admin session); explicit rules per path, matched on the
 * decoded path the request is dispatched on, and everything not listed is refused.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

  /** Ambiguous paths are refused (400 {@code GW-REQUEST-REJECTED}) before any rule matches them. */
  @Bean
  HttpFirewall httpFirewall() {
    return new GatewayFirewall();
  }

  /** The firewall also runs first of all, before Spring's path parsing (FirewallFilter). */
  @Bean
  FilterRegistrationBean<FirewallFilter> firewallFirst(HttpFirewall httpFirewall, Refusals refusals) {
    FilterRegistrationBean<FirewallFilter> registration = new FilterRegistrationBean<>(new FirewallFilter(httpFirewall, refusals));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }

  @Bean
  Refusals refusals(GatewayProperties properties) {
    return new Refusals(properties.devApiKeys());
  }

  /** The client certificate of the HTTPS port, and in the development run the {@code X-Api-Key}. */
  @Bean
  AuthenticationManager callerAuthentications(GatewayProperties properties, ConfiguredFacilities facilities, ObjectProvider<GatewayTlsMaterial> tls,
      Clock clock) {
    List<AuthenticationProvider> providers = new ArrayList<>();
    GatewayTlsMaterial material = tls.getIfAvailable();
    if (material != null) {
      providers.add(new ClientCertificateAuthenticationProvider(material.clientCheck(), facilities, clock));
    }
    if (properties.devApiKeys()) {
      providers.add(new ApiKeyAuthenticationProvider(facilities, properties.adminApiKey()));
    }
    // the parent only answers a credential no provider takes (none is configured for it)
    ProviderManager manager = new ProviderManager(providers, presented -> {
      throw new ProviderNotFoundException("no provider for " + presented.getClass().getSimpleName());
    });
    manager.setEraseCredentialsAfterAuthentication(false);
    return manager;
  }

  /**
   * Where a caller's identity may outlive its request: only the development admin page's session,
   * which {@code AdminSignIn} opens and writes itself; this repository only reads it and never
   * creates a session. In production nothing is kept.
   */
  private static SecurityContextRepository sessions(boolean development) {
    if (!development) {
      return new RequestAttributeSecurityContextRepository();
    }
    HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    sessions.setAllowSessionCreation(false);
    return sessions;
  }

  @Bean
  SecurityFilterChain gatewaySecurity(HttpSecurity http, GatewayProperties properties, AuthenticationManager callerAuthentications,
      ObjectProvider<GatewayTlsMaterial> tls, RateLimiterRegistry rateLimiters, Refusals refusals) throws Exception {
    boolean development = properties.devApiKeys();
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    http
        // admin actions from a browser are checked by their origin instead (AccessRules.admin, BrowserOrigin; ADR 0008)
        .csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        // a certificate or key identifies one request and is never kept: no session is created or written
        .sessionManagement(AbstractHttpConfigurer::disable)
        .securityContext(context -> context.securityContextRepository(sessions(development)))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
        .addFilterBefore(new CallerAuthenticationFilter(callerAuthentications, tls.getIfAvailable() != null, development, refusals),
            AnonymousAuthenticationFilter.class)
        .addFilterAfter(new FacilityRateLimitFilter(rateLimiters), AuthorizationFilter.class)
        .authorizeHttpRequests(rules -> rules
            // error pages and forwards happen inside a request these rules already admitted
            .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD, DispatcherType.ASYNC).permitAll()
            .requestMatchers(path.matcher("/actuator/health"), path.matcher("/actuator/health/**")).permitAll()
            .requestMatchers(path.matcher(HttpMethod.GET, "/fhir/metadata"), path.matcher(HttpMethod.HEAD, "/fhir/metadata")).permitAll()
            // the REST API's contract: anyone in the default run, any identified caller in production (ADR 0015)
            .requestMatchers(path.matcher(HttpMethod.GET, "/v3/api-docs"), path.matcher(HttpMethod.GET, "/v3/api-docs/**"),
                path.matcher(HttpMethod.GET, "/v3/api-docs.yaml"), path.matcher(HttpMethod.GET, "/swagger-ui.html"), path.matcher(HttpMethod.GET, "/swagger-ui/**"))
                .access(development ? AccessRules.anyone() : AccessRules.identified())
            .requestMatchers(path.matcher("/admin/login"), path.matcher(HttpMethod.GET, "/admin/assets/**"), path.matcher(HttpMethod.POST, "/admin/logout"))
                .permitAll()
            .requestMatchers(path.matcher("/api/v1/admin/**"), path.matcher("/admin"), path.matcher("/admin/**"), path.matcher("/actuator"),
                path.matcher("/actuator/**")).access(AccessRules.admin())
            .requestMatchers(path.matcher("/api/v1/submissions"), path.matcher("/api/v1/submissions/**")).access(AccessRules.facilityOrAdminReading())
            .requestMatchers(path.matcher("/api/v1/eligibility-checks"), path.matcher("/api/v1/check-ins"), path.matcher("/api/v1/driver-health-certificates"),
                path.matcher("/api/v1/driver-health-certificates/*"), path.matcher("/fhir/**")).access(AccessRules.facility())
            // everything not listed: refused (anonymous: 401 GW-AUTH-MISSING; identified: 404 GW-NOT-FOUND, see Refusals)
            .anyRequest().denyAll());
    return http.build();
  }
}
