package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.healthgate.routes.error.ErrorCode;

/**
 * The OpenAPI 3.1 document served at {@code /v3/api-docs} is the checked-in {@code docs/openapi.json},
 * is valid (swagger-parser, no messages), and describes every REST endpoint with its schemas, problem
 * responses and security. After changing the REST API, regenerate the copy with
 * {@code mvn -B -o -pl gateway -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=OpenApiDocumentIT -Dopenapi.write=true}
 * and review the diff.
 */
class OpenApiDocumentIT extends GatewayIT {
  private static final Path CHECKED_IN = Path.of("..", "docs", "openapi.json");

  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  private String served() throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as("anyone reads the document in the default run").isEqualTo(200);
    return response.body().strip() + "\n";
  }

  @Test
  void theCheckedInCopyIsTheServedDocument() throws Exception {
    String served = served();
    if (Boolean.getBoolean("openapi.write")) {
      Files.writeString(CHECKED_IN, served, StandardCharsets.UTF_8);
    }
    assertThat(served()).as("the same document twice").isEqualTo(served);
    assertThat(Files.readString(CHECKED_IN, StandardCharsets.UTF_8))
        .as("docs/openapi.json is stale: regenerate it with -Dopenapi.write=true (see this test's comment)").isEqualTo(served);
  }

  @Test
  void theDocumentIsValidOpenApi31() throws Exception {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIParser().readContents(served(), null, options);

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1.");
    assertThat(result.getOpenAPI().getComponents().getSecuritySchemes()).containsOnlyKeys("clientCertificate", "apiKey");
    assertThat(result.getOpenAPI().getComponents().getSecuritySchemes().get("clientCertificate").getType().toString()).isEqualTo("mutualTLS");
    assertThat(result.getOpenAPI().getComponents().getSecuritySchemes().get("apiKey").getName()).isEqualTo("X-Api-Key");
  }

  @Test
  void everyRestEndpointIsDescribedWithSchemasAndItsProblems() throws Exception {
    JsonNode document = JSON.readTree(served());
    int operations = 0;
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String path : info.getPatternValues()) {
        if (!path.startsWith("/api/v1/")) {
          continue;
        }
        for (RequestMethod method : info.getMethodsCondition().getMethods()) {
          JsonNode operation = document.path("paths").path(path).path(method.name().toLowerCase(Locale.ROOT));
          String what = method + " " + path;
          assertThat(operation.isMissingNode()).as(what + " is documented").isFalse();
          JsonNode success = operation.path("responses").has("200") ? operation.path("responses").path("200") : operation.path("responses").path("202");
          assertThat(success.path("content").isEmpty()).as(what + " has a response schema").isFalse();
          success.path("content").forEach(media -> assertThat(media.has("schema")).as(what).isTrue());
          if (method == RequestMethod.POST || method == RequestMethod.PUT) {
            if (!path.endsWith("/{id}/replay")) {
              assertThat(operation.at("/requestBody/content/application~1json/schema").isMissingNode()).as(what + " has a request schema").isFalse();
              assertThat(operation.at("/responses/415/description").asText()).as(what).contains(ErrorCode.CONTENT_TYPE.code());
            }
          }
          assertThat(operation.at("/responses/401/content/application~1problem+json/schema").isMissingNode()).as(what + " 401 problem").isFalse();
          assertThat(operation.at("/responses/400/description").asText()).as(what).contains(ErrorCode.PARAMETER_INVALID.code());
          assertThat(operation.at("/responses/405/headers/Allow").isMissingNode()).as(what + " 405 Allow").isFalse();
          operations++;
        }
      }
    }
    assertThat(operations).isGreaterThanOrEqualTo(12);
    assertThat(document.path("paths").fieldNames()).toIterable().allMatch(p -> p.startsWith("/api/v1/"), "only the REST API");
    assertThat(document.at("/paths/~1api~1v1~1submissions~1{id}/get/responses/404/description").asText()).contains("GW-SUBMISSION-NOT-FOUND");
    assertThat(document.at("/paths/~1api~1v1~1eligibility-checks/post/responses/503/description").asText()).contains("GW-PORTAL-TIMEOUT");
    assertThat(document.at("/components/schemas/Problem/properties/code/enum")).hasSize(ErrorCode.values().length);
    assertThat(document.at("/components/schemas/PageLinks/properties").has("next")).as("no two records share a schema name").isTrue();
    assertThat(document.at("/components/schemas/SubmissionLinks/properties").has("signedDocument")).isTrue();
    assertThat(document.path("components").path("schemas").fieldNames()).toIterable()
        .contains("Submission", "SubmissionPage", "IntakeAnswer", "EligibilityResult", "CheckInRequest", "CertificateRequest", "AdminOverview");
  }

  @Test
  void swaggerUiIsServedInTheDefaultRun() throws Exception {
    HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/swagger-ui/index.html")).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    HttpResponse<String> config = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs/swagger-config")).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(config.body()).path("url").asText()).isEqualTo("/v3/api-docs");
    assertThat(Set.of(302, 301, 200)).contains(get("/swagger-ui.html").status());
  }
}
