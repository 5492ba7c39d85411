package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /actuator/prometheus} exposes the route, portal-endpoint, outcome, latency, retry, breaker and backlog metrics, labelled without personal data. */
class PrometheusMetricsIT extends GatewayIT {
  @Autowired JdbcTemplate jdbc;

  /** The scrape after a workload of checks (one per result code sample), a retried delivery and a refused request. */
  static String scrapeAfterWorkload(GatewayIT test, JdbcTemplate jdbc) throws Exception {
    for (String code : new String[] {"000", "010", "060"}) {
      JsonNode citizen = test.citizen(code);
      test.postEligibility(requestFor(citizen), apiKeyFor(citizen));
    }
    test.post("/api/v1/eligibility-checks", "application/json", "{\"facilityCode\":\"70001\",\"cccd\":\"123\"}", "dev-70001");
    test.sim("POST", "/sim/faults", "{\"endpoint\":\"check-in\",\"kind\":\"status\",\"value\":503,\"count\":1}");
    String id = test.post("/api/v1/check-ins", "application/json", JSON.writeValueAsString(DocumentSamples.checkIn("70002", "METRICS-" + System.nanoTime())), "dev-70002")
        .body().get("id").asText();
    await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(jdbc.queryForObject("select status from outbox where id = ?", String.class, id)));
    Reply scrape = test.getAsAdmin("/actuator/prometheus");
    assertThat(scrape.status()).isEqualTo(200);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "prometheus-scrape.txt"), scrape.text());
    return scrape.text();
  }

  @Test
  void theListedMetricsAreExposed() throws Exception {
    String scrape = scrapeAfterWorkload(this, jdbc);

    assertThat(scrape)
        // per route (Camel)
        .containsPattern("camel_exchanges_total\\{[^}]*routeId=\"eligibility-check\"")
        .containsPattern("camel_exchanges_total\\{[^}]*routeId=\"outbox-delivery\"")
        // per portal endpoint: requests, latency histogram, breaker state (Resilience4j)
        .containsPattern("resilience4j_circuitbreaker_calls_seconds_bucket\\{[^}]*name=\"card-lookup\"")
        .containsPattern("resilience4j_circuitbreaker_calls_seconds_count\\{[^}]*kind=\"failed\",name=\"check-in\"")
        .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"card-lookup\",state=\"closed\"")
        .containsPattern("gateway_portal_last_success_age_seconds\\{endpoint=\"card-lookup\"")
        // outcomes by portal result code, latency histogram
        .containsPattern("gateway_eligibility_checks_total\\{facility=\"\\d{5}\",outcome=\"ELIGIBLE\",portal_code=\"000\"")
        .containsPattern("gateway_eligibility_checks_total\\{facility=\"70001\",outcome=\"GW-[A-Z-]+\",portal_code=\"none\"")
        .containsPattern("gateway_eligibility_latency_seconds_bucket\\{")
        // deliveries: outcomes and retries
        .containsPattern("gateway_deliveries_total\\{facility=\"70002\",kind=\"CHECK_IN\",outcome=\"RETRY\"")
        .containsPattern("gateway_deliveries_total\\{facility=\"70002\",kind=\"CHECK_IN\",outcome=\"ACCEPTED\"")
        // backlog gauges per facility, certificate expiry
        .containsPattern("gateway_outbox_pending\\{facility=\"70001\"")
        .containsPattern("gateway_outbox_dead_letters\\{facility=\"70001\"")
        .contains("gateway_outbox_oldest_pending_age_seconds ")
        .containsPattern("gateway_signing_certificate_expiry_seconds\\{facility=\"70001\"")
        .containsPattern("http_server_requests_seconds_bucket\\{");
  }

  @Test
  void noLabelCarriesPersonalData() throws Exception {
    String scrape = scrapeAfterWorkload(this, jdbc);
    // any label but a histogram bound (le) whose value holds 9 or more digits in a row: a CCCD, card or social-insurance number
    var suspicious = Pattern.compile("[{,](?!le=)[A-Za-z_]+=\"[^\"]*\\d{9,}[^\"]*\"").matcher(scrape);
    assertThat(suspicious.find()).as("label with a long number: %s", suspicious.hitEnd() ? "" : suspicious.group()).isFalse();
    assertThat(scrape).doesNotContain(citizen("000").get("cccd").asText()).doesNotContain(citizen("000").get("fullName").asText());
  }
}
