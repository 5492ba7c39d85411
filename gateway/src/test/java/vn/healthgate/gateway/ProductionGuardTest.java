package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import vn.healthgate.gateway.config.ProductionGuard;

/** The production profile refuses to start with development settings; other profiles are not affected. */
class ProductionGuardTest {

  @Test
  void theProductionProfileRefusesToStartWithDevelopmentApiKeys() {
    SpringApplicationBuilder production = new SpringApplicationBuilder(GatewayApplication.class)
        .web(WebApplicationType.NONE).profiles("production");

    assertThatThrownBy(() -> production.run("--gateway.dev-api-keys=true")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("production profile refuses to start").hasMessageContaining("gateway.dev-api-keys");
  }

  @Test
  void itNamesEveryDevelopmentSettingThatIsOn() {
    assertThatThrownBy(() -> guard(true, "gateway.simulator.enabled=true", "gateway.pki.generate-development-pki=true"))
        .hasMessageContaining("gateway.simulator.enabled").hasMessageContaining("gateway.pki.generate-development-pki")
        .message().doesNotContain("gateway.dev-api-keys");
  }

  @Test
  void productionWithDevelopmentSettingsOffAndOtherProfilesWithThemOnPass() {
    guard(true, "gateway.dev-api-keys=false");
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
