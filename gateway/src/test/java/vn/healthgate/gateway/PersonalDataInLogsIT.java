package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.healthgate.simulator.data.Population;

/** A workload of good, bad and failing checks leaves no CCCD number and no full name in any log event. */
class PersonalDataInLogsIT extends GatewayIT {
  @org.junit.jupiter.api.extension.RegisterExtension final LogCapture logs = new LogCapture();

  @Test
  void workloadLeavesNoCccdOrNameInTheLogs() {
    List<String> secrets = new ArrayList<>();
    for (String code : Population.ALL_CODES) {
      JsonNode citizen = citizen(code);
      secrets.add(citizen.get("cccd").asText());
      secrets.add(citizen.get("fullName").asText());
      secrets.add(citizen.get("officer").get("cccd").asText());
      postEligibility(requestFor(citizen), apiKeyFor(citizen));
      post("/fhir/CoverageEligibilityRequest/$submit", "application/fhir+json", FhirTestSupport.eligibilityRequest(citizen), apiKeyFor(citizen));
      post("/api/v1/eligibility-checks", "application/json", "{\"facilityCode\":\"70001\",\"cccd\":\"" + citizen.get("cccd").asText() + "9\"}", "dev-70001");
    }
    JsonNode citizen = citizen("000");
    sim("POST", "/sim/faults", "{\"endpoint\":\"card-lookup\",\"kind\":\"status\",\"value\":503,\"count\":2}");
    postEligibility(requestFor(citizen), apiKeyFor(citizen));
    sim("POST", "/sim/tokens/expire", null);
    postEligibility(requestFor(citizen), apiKeyFor(citizen));

    String text = logs.events().stream()
        .map(e -> e.getFormattedMessage() + " " + e.getMDCPropertyMap() + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
        .collect(Collectors.joining("\n"));
    assertThat(text).as("the gateway's own log events are captured").contains("renewing once").contains("GW-PORTAL-UNAVAILABLE");
    assertThat(secrets).hasSizeGreaterThan(50);
    for (String secret : secrets) {
      assertThat(text).as("log events").doesNotContain(secret);
    }
  }

  @org.springframework.beans.factory.annotation.Autowired StartupBanner banner;

  @Test
  void theStartUpBannerNamesNoPerson() {
    String text = banner.text(port);
    assertThat(text).contains("/api/v1/submissions").contains("X-Api-Key: dev-70001");
    assertThat(text).as("no CCCD, card or other long number").doesNotContainPattern("\\d{9,}");
    assertThat(text).as("no name of the README's sample citizen").doesNotContain("VÕ HỮU BÌNH").doesNotContain("NGÔ NGỌC GIANG");
  }
}
