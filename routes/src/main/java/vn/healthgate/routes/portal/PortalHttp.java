package vn.healthgate.routes.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain HTTP to the portal: POST a form or JSON, get status and JSON back; transport failures become {@link PortalUnavailableException}. */
final class PortalHttp {

  static final ObjectMapper JSON = JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES).build();

  record Reply(int status, JsonNode body) {}

  private final HttpClient client;
  private final PortalSettings settings;

  PortalHttp(PortalSettings settings) {
    this.settings = settings;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout()).build();
  }

  Reply postForm(PortalEndpoint endpoint, String query, Map<String, String> form) {
    return postForm(endpoint, query, form, Map.of());
  }

  Reply postForm(PortalEndpoint endpoint, String query, Map<String, String> form, Map<String, String> headers) {
    String body = form.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(endpoint, query, "application/x-www-form-urlencoded; charset=utf-8", body, headers);
  }

  Reply postJson(PortalEndpoint endpoint, String query, Object payload) {
    return postJson(endpoint, query, payload, Map.of());
  }

  Reply postJson(PortalEndpoint endpoint, String query, Object payload, Map<String, String> headers) {
    try {
      return send(endpoint, query, "application/json; charset=utf-8", JSON.writeValueAsString(payload), headers);
    } catch (IOException e) {
      throw new IllegalStateException("request not serialisable", e);
    }
  }

  private Reply send(PortalEndpoint endpoint, String query, String contentType, String body, Map<String, String> headers) {
    URI uri = settings.baseUrl().resolve(endpoint.path() + (query == null ? "" : "?" + query));
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
        .timeout(endpoint == PortalEndpoint.CHECK_IN || endpoint == PortalEndpoint.CERTIFICATE ? settings.deliveryRequestTimeout() : settings.requestTimeout())
        .header("Content-Type", contentType)
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(builder::header);
    HttpRequest request = builder.build();
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new PortalUnavailableException(endpoint, e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PortalUnavailableException(endpoint, "interrupted", e);
    }
    if (response.statusCode() >= 500) {
      throw new PortalUnavailableException(endpoint, "HTTP " + response.statusCode(), null);
    }
    try {
      JsonNode json = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
      return new Reply(response.statusCode(), json);
    } catch (IOException e) {
      throw new PortalUnavailableException(endpoint, "unreadable body (HTTP " + response.statusCode() + ")", e);
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
