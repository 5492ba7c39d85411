package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules and the Grafana dashboard shipped in docs/monitoring: promtool accepts the rules and
 * their unit tests pass, the dashboard is well formed, and every metric either names is one the
 * running gateway exposes.
 */
class MonitoringArtifactsIT extends GatewayIT {
  private static final Path DIR = Path.of("..", "docs", "monitoring");
  private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

  @Autowired JdbcTemplate jdbc;

  private static String promtool(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("promtool %s: %s", String.join(" ", args), output).isZero();
    return output;
  }

  @Test
  void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws Exception {
    assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS");
    assertThat(promtool("test", "rules", "alerts-test.yml")).contains("SUCCESS");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyAlertHasItsFieldsAndATest() throws Exception {
    Map<String, Object> rules = new Yaml().load(Files.readString(DIR.resolve("alerts.yml")));
    String tests = Files.readString(DIR.resolve("alerts-test.yml"));
    List<Map<String, Object>> alerts = (List<Map<String, Object>>) ((List<Map<String, Object>>) rules.get("groups")).get(0).get("rules");
    assertThat(alerts).hasSizeGreaterThanOrEqualTo(6);
    for (Map<String, Object> alert : alerts) {
      assertThat(alert).containsKeys("alert", "expr", "labels", "annotations");
      assertThat(((Map<String, Object>) alert.get("labels")).get("severity")).isIn("warning", "critical");
      assertThat(tests).as("a promtool test for " + alert.get("alert")).contains("alertname: " + alert.get("alert"));
    }
    assertThat(alerts).extracting(a -> a.get("alert")).contains("HealthgatePortalBreakerOpen", "HealthgateOutboxBacklogOld",
        "HealthgateDeadLettersGrowing", "HealthgateSigningCertificateExpiring", "HealthgateEligibilityErrorRate");
  }

  @Test
  void theDashboardIsWellFormed() throws Exception {
    JsonNode dashboard = JSON.readTree(DIR.resolve("grafana-dashboard.json").toFile());
    assertThat(dashboard.get("uid").asText()).isEqualTo("healthgate");
    assertThat(dashboard.get("panels")).hasSizeGreaterThanOrEqualTo(10);
    Set<Integer> ids = new TreeSet<>();
    for (JsonNode panel : dashboard.get("panels")) {
      assertThat(panel.get("title").asText()).isNotBlank();
      assertThat(panel.get("gridPos").get("w").asInt()).isPositive();
      assertThat(panel.get("targets")).isNotEmpty();
      assertThat(ids.add(panel.get("id").asInt())).as("unique panel id").isTrue();
      panel.get("targets").forEach(t -> assertThat(t.get("expr").asText()).isNotBlank());
    }
  }

  @Test
  void everyMetricTheRulesAndTheDashboardNameIsExposed() throws Exception {
    String scrape = PrometheusMetricsIT.scrapeAfterWorkload(this, jdbc);
    Set<String> named = new TreeSet<>();
    collect(Files.readString(DIR.resolve("alerts.yml")), named);
    JSON.readTree(DIR.resolve("grafana-dashboard.json").toFile()).get("panels")
        .forEach(p -> p.get("targets").forEach(t -> collect(t.get("expr").asText(), named)));
    named.remove("up");
    assertThat(named).hasSizeGreaterThanOrEqualTo(10);
    for (String metric : named) {
      assertThat(scrape).as("exposed metric " + metric).containsPattern("(?m)^" + Pattern.quote(metric) + "[{ ]");
    }
  }

  private static void collect(String text, Set<String> names) {
    Matcher matcher = SELECTOR.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
  }
}
