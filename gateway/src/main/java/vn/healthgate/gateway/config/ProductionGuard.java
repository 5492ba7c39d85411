package vn.healthgate.gateway.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the production profile with a development convenience switched on: the
 * {@code X-Api-Key} mode, the in-process simulator or the generated development PKI. Runs before any
 * bean is created (registered in {@code META-INF/spring.factories}), so nothing is opened or served.
 */
public class ProductionGuard implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  static final String PROFILE = "production";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment environment = context.getEnvironment();
    if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
      return;
    }
    List<String> refused = new ArrayList<>();
    for (String property : List.of("gateway.dev-api-keys", "gateway.simulator.enabled", "gateway.pki.generate-development-pki")) {
      if (Boolean.TRUE.equals(environment.getProperty(property, Boolean.class, false))) {
        refused.add(property);
      }
    }
    if (!refused.isEmpty()) {
      throw new IllegalStateException("The production profile refuses to start with development settings on: " + String.join(", ", refused)
          + ". Set them to false (see docs/operations.md).");
    }
  }
}
