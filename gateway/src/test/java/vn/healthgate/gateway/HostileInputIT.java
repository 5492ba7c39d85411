package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Examples of huge, deeply nested, XML-entity and binary input: a 4xx with its code, and the gateway stays healthy. Random input: {@link HttpFuzzIT}. */
class HostileInputIT extends GatewayIT {
  private static final List<String> JSON_ENDPOINTS = List.of("/api/v1/eligibility-checks", "/api/v1/check-ins", "/api/v1/driver-health-certificates");
  private static final List<String> FHIR_ENDPOINTS = List.of("/fhir/CoverageEligibilityRequest/$submit", "/fhir/Encounter", "/fhir/Bundle");

  private void assertHealthy() {
    assertThat(get("/actuator/health/liveness").status()).isEqualTo(200);
    Reply check = postEligibility(requestFor(citizen("000")), apiKeyFor(citizen("000")));
    assertThat(check.status()).isEqualTo(200);
  }

  @Test
  void aHugeBodyIsRefusedWith413() {
    String huge = "{\"facilityCode\":\"" + "7".repeat(2 * 1024 * 1024) + "\"}";
    for (String path : JSON_ENDPOINTS) {
      Reply reply = post(path, "application/json", huge, "dev-70001");
      assertThat(reply.status()).as(path).isEqualTo(413);
      assertThat(reply.body().get("code").asText()).isEqualTo("GW-BODY-TOO-LARGE");
    }
    assertThat(post("/fhir/Encounter", "application/fhir+json", huge, "dev-70001").status()).isEqualTo(413);
    assertHealthy();
  }

  @Test
  void deeplyNestedJsonIsRefused() {
    String deep = "{\"facilityCode\":\"70001\",\"officer\":" + "{\"a\":".repeat(200) + "1" + "}".repeat(200) + "}";
    Reply reply = post("/api/v1/eligibility-checks", "application/json", deep, "dev-70001");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("code").asText()).isEqualTo("GW-JSON-LIMITS");
    assertThat(post("/fhir/CoverageEligibilityRequest/$submit", "application/fhir+json", "{\"resourceType\":\"CoverageEligibilityRequest\",\"extension\":"
        + "[{\"extension\":".repeat(300) + "[]" + "}]".repeat(300) + "}", "dev-70001").status()).isBetween(400, 499);
    assertHealthy();
  }

  @Test
  void xmlExternalEntitiesAndEntityBombsAreRefusedWithoutLeakingAnything() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<CoverageEligibilityRequest xmlns=\"http://hl7.org/fhir\"><status value=\"&x;\"/></CoverageEligibilityRequest>";
    StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a0 \"lol\">");
    for (int i = 1; i < 12; i++) {
      bomb.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
    }
    bomb.append("]><Encounter xmlns=\"http://hl7.org/fhir\"><status value=\"&a11;\"/></Encounter>");
    for (String[] attempt : new String[][] {{"/fhir/CoverageEligibilityRequest/$submit", xxe}, {"/fhir/Encounter", bomb.toString()}, {"/fhir/Encounter", xxe}}) {
      Reply reply = post(attempt[0], "application/fhir+xml", attempt[1], "dev-70001");
      assertThat(reply.status()).as(attempt[0] + " " + reply.text()).isBetween(400, 499);
      assertThat(reply.text()).doesNotContain("root:").doesNotContain("lollollol");
    }
    assertHealthy();
  }

  @Test
  void aFhirCreateWithoutABodyIsRefusedWithACode() {
    for (String path : List.of("/fhir/Encounter", "/fhir/Bundle")) {
      Reply reply = post(path, "", "", "dev-70001");
      assertThat(reply.status()).as(path + " " + reply.text()).isBetween(400, 499);
      assertThat(reply.text()).contains("GW-");
    }
  }

  @Test
  void aBundleEntryWhoseResourceIsNotAnObjectIsMalformed() {
    for (String resource : List.of("\"NaN\"", "[1]", "[]", "5", "true", "null", "{}", "{\"resourceType\":5}", "{\"resourceType\":\"Nothing\"}")) {
      String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"document\",\"entry\":[{\"fullUrl\":\"urn:uuid:x\",\"resource\":" + resource + "}]}";
      Reply reply = post("/fhir/Bundle", "application/fhir+json", bundle, "dev-70001");
      assertThat(reply.status()).as(resource + " " + reply.text()).isBetween(400, 499);
      assertThat(reply.body().get("resourceType").asText()).isEqualTo("OperationOutcome");
      assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).as(resource).startsWith("GW-");
      if (!resource.equals("null") && !resource.equals("[]")) {
        assertThat(reply.status()).as(resource + " " + reply.text()).isEqualTo(400);
        assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).as(resource).isEqualTo("GW-JSON-MALFORMED");
      }
    }
    assertHealthy();
  }

  @Test
  void aContainedResourceOrOperationParameterThatIsNotAnObjectIsRefusedWithACode() {
    String[][] attempts = {
        {"/fhir/Encounter", "{\"resourceType\":\"Encounter\",\"contained\":[\"NaN\"],\"subject\":{\"reference\":\"#p\"}}"},
        {"/fhir/Encounter", "{\"resourceType\":\"Encounter\",\"contained\":[5,[1]],\"subject\":5}"},
        {"/fhir/CoverageEligibilityRequest/$submit", "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":\"NaN\"}]}"},
        {"/fhir/CoverageEligibilityRequest/$submit", "{\"resourceType\":\"CoverageEligibilityRequest\",\"contained\":[[]],\"patient\":[1]}"}};
    for (String[] attempt : attempts) {
      Reply reply = post(attempt[0], "application/fhir+json", attempt[1], "dev-70001");
      assertThat(reply.status()).as(attempt[1] + " " + reply.text()).isBetween(400, 499);
      assertThat(reply.body().at("/issue/0/details/coding/0/code").asText()).as(attempt[1]).startsWith("GW-");
    }
    assertHealthy();
  }

  @Test
  void binaryGarbageIsRefused() {
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    Reply reply = post("/api/v1/check-ins", "application/json", new String(garbage, StandardCharsets.ISO_8859_1), "dev-70001");
    assertThat(reply.status()).isEqualTo(400);
    assertHealthy();
  }
}
