package vn.healthgate.gateway.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import vn.healthgate.routes.error.ErrorCode;

/**
 * The OpenAPI 3.1 document of the REST API ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html};
 * checked in as {@code docs/openapi.json}; ADR 0015): security schemes, the problem document, and on every
 * operation a problem+json response per status listing the catalogue codes it can answer, those the
 * operation names ({@link ProblemCodes}) and those every endpoint may answer.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {
  static final String PROBLEM = "Problem";
  static final String CLIENT_CERTIFICATE = "clientCertificate";
  static final String API_KEY = "apiKey";

  /** Any REST call may meet these: identity, the firewall, an unknown parameter, method and format, availability. */
  static final Set<ErrorCode> EVERY_ENDPOINT = EnumSet.of(ErrorCode.AUTH_MISSING, ErrorCode.AUTH_INVALID, ErrorCode.AUTH_CERT_REVOKED,
      ErrorCode.AUTH_CERT_REJECTED, ErrorCode.FACILITY_NOT_ONBOARDED, ErrorCode.REQUEST_REJECTED, ErrorCode.HTTP_MALFORMED,
      ErrorCode.PARAMETER_INVALID, ErrorCode.METHOD_NOT_ALLOWED, ErrorCode.NOT_ACCEPTABLE, ErrorCode.UNAVAILABLE, ErrorCode.AUDIT_UNAVAILABLE,
      ErrorCode.INTERNAL);
  /** And those that take a body, these. */
  static final Set<ErrorCode> WITH_BODY = EnumSet.of(ErrorCode.JSON_MALFORMED, ErrorCode.JSON_LIMITS, ErrorCode.BODY_TOO_LARGE, ErrorCode.CONTENT_TYPE);

  @Bean
  OpenAPI gatewayOpenApi() {
    return new OpenAPI()
        .info(new Info().title("healthgate REST API").version("v1")
            .description("The gateway between hospital information systems and the national health-insurance portal: eligibility checks,"
                + " check-in notices and driver health certificates, their status and evidence, and the admins' dead letters."
                + " Errors are application/problem+json (RFC 9457) with a stable `code` from the gateway's one error catalogue."
                + " Timestamps are ISO-8601 with the offset +07:00; enumerations are UPPER_SNAKE. See docs/api.md."))
        .servers(List.of(new Server().url("https://localhost:8443").description("HTTPS port: a client certificate (every profile)"),
            new Server().url("http://localhost:8080").description("plain port, default run only: X-Api-Key")))
        .components(new Components()
            .addSecuritySchemes(CLIENT_CERTIFICATE, new SecurityScheme().type(SecurityScheme.Type.MUTUALTLS)
                .description("A TLS client certificate issued by the province's facility CA: a facility's names it (UID=CSKCB:<code>),"
                    + " an admin's names the admin (OU=Healthgate Admins). The only mode in production."))
            .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Api-Key")
                .description("Development API key, default run only (dev-70001 for facility 70001, dev-admin for the admin);"
                    + " the production profile refuses to start with it."))
            .addSchemas(PROBLEM, problemSchema()))
        .security(List.of(new SecurityRequirement().addList(CLIENT_CERTIFICATE), new SecurityRequirement().addList(API_KEY)));
  }

  /** The problem+json responses of each operation, grouped by status. */
  @Bean
  GlobalOperationCustomizer problemResponses() {
    return (Operation operation, HandlerMethod handler) -> {
      Set<ErrorCode> codes = EnumSet.copyOf(EVERY_ENDPOINT);
      if (operation.getRequestBody() != null) {
        codes.addAll(WITH_BODY);
      }
      ProblemCodes named = handler.getMethodAnnotation(ProblemCodes.class);
      if (named != null) {
        codes.addAll(Arrays.asList(named.value()));
      }
      ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
      Map<Integer, List<ErrorCode>> byStatus = codes.stream().collect(Collectors.groupingBy(ErrorCode::httpStatus, TreeMap::new, Collectors.toList()));
      byStatus.forEach((status, ofStatus) -> responses.addApiResponse(String.valueOf(status), problemResponse(status, ofStatus)));
      operation.setResponses(responses);
      return operation;
    };
  }

  /** Keys in a stable order, so that the served document can be compared with the checked-in copy. */
  @Bean
  OpenApiCustomizer stableOrder() {
    return openApi -> {
      if (openApi.getPaths() != null) {
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
          if (operation.getResponses() != null) {
            ApiResponses sorted = new ApiResponses();
            new TreeMap<>(operation.getResponses()).forEach(sorted::addApiResponse);
            operation.setResponses(sorted);
          }
        }));
      }
      if (openApi.getTags() != null) {
        List<io.swagger.v3.oas.models.tags.Tag> tags = new ArrayList<>(openApi.getTags());
        tags.sort((a, b) -> a.getName().compareTo(b.getName()));
        openApi.setTags(tags);
      }
    };
  }

  private static ApiResponse problemResponse(int status, List<ErrorCode> codes) {
    String description = codes.stream().map(c -> "`" + c.code() + "`: " + c.english()).collect(Collectors.joining("\n\n"));
    Schema<?> schema = new JsonSchema().allOf(List.of(new JsonSchema().$ref("#/components/schemas/" + PROBLEM),
        typed("object").properties(Map.of("code", typed("string")
            ._enum(codes.stream().map(ErrorCode::code).map(Object.class::cast).toList())))));
    ApiResponse response = new ApiResponse().description(description)
        .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE, new MediaType().schema(schema)));
    if (status == 405) {
      response.addHeaderObject(HttpHeaders.ALLOW, new Header().description("the methods this path accepts").schema(typed("string")));
    }
    if (status == 429 || status == 503) {
      response.addHeaderObject(HttpHeaders.RETRY_AFTER, new Header().description("seconds to wait before trying again")
          .schema(typed("integer")));
    }
    return response;
  }

  private static Schema<Object> typed(String type) {
    JsonSchema schema = new JsonSchema();
    schema.addType(type);
    return schema;
  }

  /** RFC 9457 with the catalogue's members ({@code ProblemResponses}). */
  private static Schema<?> problemSchema() {
    Map<String, Schema> properties = new LinkedHashMap<>();
    properties.put("type", typed("string").format("uri").description("https://fhir.healthgate.vn/errors/<code>"));
    properties.put("title", typed("string").description("the code's English text"));
    properties.put("status", typed("integer").description("the HTTP status"));
    properties.put("detail", typed("string").description("English; for an enumerated parameter with its allowed values"));
    properties.put("instance", typed("string").format("uri-reference").description("the request path (long numbers masked)"));
    properties.put("code", typed("string").description("the stable catalogue code (docs/api.md, Error catalogue)")
        ._enum(Arrays.stream(ErrorCode.values()).map(ErrorCode::code).map(Object.class::cast).toList()));
    properties.put("detailVi", typed("string").description("Vietnamese"));
    properties.put("field", typed("string").description("the field, parameter or header at fault (a JSON path for a body field)"));
    properties.put("allowed", typed("array").items(typed("string"))
        .description("the values an enumerated parameter takes"));
    properties.put("correlationId", typed("string").description("the X-Correlation-Id of the request: quote it to support"));
    return typed("object").description("An error (RFC 9457 problem details) with the gateway's catalogue code").properties(properties)
        .required(List.of("type", "title", "status", "code", "detail"));
  }
}
