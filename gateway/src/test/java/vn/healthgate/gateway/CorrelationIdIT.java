package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code X-Correlation-Id} is accepted or created and returned on every response. */
class CorrelationIdIT extends GatewayIT {

  @Test
  void givenCorrelationIdIsReturned() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir/metadata"))
        .header("X-Correlation-Id", "his-70001-42").GET().build();

    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.headers().firstValue("X-Correlation-Id")).contains("his-70001-42");
  }

  @Test
  void unsafeCorrelationIdIsReplaced() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir/metadata"))
        .header("X-Correlation-Id", "<script>").GET().build();

    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.headers().firstValue("X-Correlation-Id").orElseThrow()).matches("[0-9a-f-]{36}");
  }

  @Test
  void errorsCarryACorrelationIdToo() {
    Reply reply = post("/api/v1/eligibility-checks", "application/json", "{", "dev-70001");

    assertThat(reply.header("X-Correlation-Id")).isNotBlank();
    assertThat(reply.body().get("correlationId").asText()).isEqualTo(reply.header("X-Correlation-Id"));
  }

  @Test
  void capabilityStatementListsTheEligibilityOperation() {
    Reply reply = get("/fhir/metadata");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().get("resourceType").asText()).isEqualTo("CapabilityStatement");
    assertThat(reply.body().get("fhirVersion").asText()).isEqualTo("4.0.1");
    assertThat(reply.text()).contains("\"type\":\"CoverageEligibilityRequest\"").contains("\"name\":\"submit\"");
  }
}
