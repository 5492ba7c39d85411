package vn.healthgate.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import vn.healthgate.gateway.config.ConfiguredFacilities;
import vn.healthgate.routes.error.ErrorCode;

/**
 * The development run's {@code X-Api-Key}: a sample facility's key or the development admin key.
 * Only registered when {@code gateway.dev-api-keys} is on, which the production profile refuses.
 */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {
  private final ConfiguredFacilities facilities;
  private final String adminKey;

  ApiKeyAuthenticationProvider(ConfiguredFacilities facilities, String adminKey) {
    this.facilities = facilities;
    this.adminKey = adminKey;
  }

  /** The key a request presented, not yet checked. */
  static final class Presented extends AbstractAuthenticationToken {
    private final String key;

    Presented(String key) {
      super(List.of());
      this.key = key;
    }

    @Override
    public Object getCredentials() {
      return key;
    }

    @Override
    public Object getPrincipal() {
      return "api-key";
    }
  }

  /** Whether {@code key} is the development admin key (the admin page's sign-in asks too). */
  boolean isAdminKey(String key) {
    return adminKey != null && !adminKey.isBlank() && key != null
        && MessageDigest.isEqual(adminKey.getBytes(StandardCharsets.UTF_8), key.trim().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String key = ((Presented) authentication).key.trim();
    if (isAdminKey(key)) {
      return new CallerAuthentication(Caller.admin("development admin key", "api-key"));
    }
    return facilities.facilityForApiKey(key)
        .map(code -> new CallerAuthentication(Caller.facility(code, "api-key")))
        .orElseThrow(() -> new CallerRefused(ErrorCode.AUTH_INVALID));
  }

  @Override
  public boolean supports(Class<?> type) {
    return Presented.class.isAssignableFrom(type);
  }
}
