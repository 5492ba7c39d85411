package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The production profile refuses to start with development settings or without a readable audit key; other profiles are not affected. */
class ProductionGuardTest {
  @TempDir static Path dir;

  @Test
  void theProductionProfileRefusesToStartWithDevelopmentApiKeys() {
    SpringApplicationBuilder production = new SpringApplicationBuilder(GatewayApplication.class)
        .web(WebApplicationType.NONE).profiles("production");

    assertThatThrownBy(() -> production.run("--gateway.dev-api-keys=true")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("production profile refuses to start").hasMessageContaining("gateway.dev-api-keys");
  }

  @Test
  void itNamesEveryDevelopmentSettingThatIsOn() {
    assertThatThrownBy(() -> guard(true, "gateway.simulator.enabled=true", "gateway.pki.generate-development-pki=true", "gateway.audit.generate-development-key=true"))
        .hasMessageContaining("gateway.simulator.enabled").hasMessageContaining("gateway.pki.generate-development-pki")
        .hasMessageContaining("gateway.audit.generate-development-key")
        .message().doesNotContain("gateway.dev-api-keys");
  }

  @Test
  void theProductionProfileWithoutAnAuditKeyFileRefusesToStart() {
    SpringApplicationBuilder production = new SpringApplicationBuilder(GatewayApplication.class)
        .web(WebApplicationType.NONE).profiles("production");

    assertThatThrownBy(() -> production.run()).isInstanceOf(IllegalStateException.class)
        .hasMessage("The production profile refuses to start without an audit key: set GATEWAY_AUDIT_KEY_FILE (gateway.audit.key-file)"
            + " to a file of at least 32 random bytes (see docs/security.md).");
  }

  @Test
  void anAuditKeyFileThatIsMissingOrTooShortRefusesToStartSayingWhich() throws IOException {
    Path shortKey = Files.write(dir.resolve("short.key"), new byte[31]);

    assertThatThrownBy(() -> guard(true, "gateway.audit.key-file=" + dir.resolve("absent.key")))
        .hasMessageContaining("production profile refuses to start").hasMessageContaining("absent.key does not exist");
    assertThatThrownBy(() -> guard(true, "gateway.audit.key-file=" + shortKey))
        .hasMessageContaining("production profile refuses to start").hasMessageContaining("holds 31 bytes; at least 32 random bytes are needed");
  }

  @Test
  void productionWithDevelopmentSettingsOffAndAKeyAndOtherProfilesWithThemOnPass() throws IOException {
    Path key = Files.write(dir.resolve("audit.key"), new byte[32]);
    guard(true, "gateway.dev-api-keys=false", "gateway.audit.key-file=" + key);
    guard(false, "gateway.dev-api-keys=true", "gateway.simulator.enabled=true");
    assertThat(true).as("no exception").isTrue();
  }

  private static void guard(boolean production, String... properties) {
    GenericApplicationContext context = new GenericApplicationContext();
    java.util.Map<String, Object> map = new java.util.HashMap<>();
    for (String p : properties) {
      map.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
    }
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", map));
    if (production) {
      context.getEnvironment().setActiveProfiles("production");
    }
    new ProductionGuard().initialize(context);
  }
}
