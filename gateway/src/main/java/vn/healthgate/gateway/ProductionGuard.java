package vn.healthgate.gateway;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import vn.healthgate.gateway.operations.audit.AuditKey;

/**
 * Refuses to start the production profile with a development convenience switched on (the
 * {@code X-Api-Key} mode, the in-process simulator, the generated development PKI or audit key), or
 * without a readable audit key of at least 32 bytes ({@code gateway.audit.key-file}). Runs before any
 * bean is created (registered in {@code META-INF/spring.factories}), so nothing is opened or served.
 */
public class ProductionGuard implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  static final String PROFILE = "production";
  static final String AUDIT_KEY_FILE = "gateway.audit.key-file";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment environment = context.getEnvironment();
    if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
      return;
    }
    List<String> refused = new ArrayList<>();
    for (String property : List.of("gateway.dev-api-keys", "gateway.simulator.enabled", "gateway.pki.generate-development-pki",
        "gateway.audit.generate-development-key")) {
      if (Boolean.TRUE.equals(environment.getProperty(property, Boolean.class, false))) {
        refused.add(property);
      }
    }
    if (!refused.isEmpty()) {
      throw new IllegalStateException("The production profile refuses to start with development settings on: " + String.join(", ", refused)
          + ". Set them to false (see docs/operations.md).");
    }
    requireAuditKey(environment);
  }

  private static void requireAuditKey(ConfigurableEnvironment environment) {
    String keyFile;
    try {
      keyFile = environment.getProperty(AUDIT_KEY_FILE);
    } catch (IllegalArgumentException unresolved) {
      keyFile = null;
    }
    if (keyFile == null || keyFile.isBlank()) {
      throw new IllegalStateException("The production profile refuses to start without an audit key: set GATEWAY_AUDIT_KEY_FILE ("
          + AUDIT_KEY_FILE + ") to a file of at least " + AuditKey.MIN_BYTES + " random bytes (see docs/security.md).");
    }
    try {
      AuditKey.read(Path.of(keyFile));
    } catch (IllegalStateException e) {
      throw new IllegalStateException("The production profile refuses to start: " + e.getMessage() + " (" + AUDIT_KEY_FILE
          + ", GATEWAY_AUDIT_KEY_FILE; see docs/security.md).");
    }
  }
}
