package vn.healthgate.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request to the simulated portal, with field names matched case-insensitively as the real
 * portal does. The body may be form-encoded or JSON; query parameters are kept apart.
 */
public record SimRequest(String method, String path, Map<String, String> query, Map<String, String> fields, Map<String, String> headers, String rawBody) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static SimRequest of(String method, String url, String contentType, String body, Map<String, String> headers) {
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    Map<String, String> query = parseForm(q < 0 ? "" : url.substring(q + 1));
    Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    String trimmed = body == null ? "" : body.trim();
    if (trimmed.startsWith("{")) {
      fields.putAll(parseJson(trimmed));
    } else if (!trimmed.isEmpty() && (contentType == null || contentType.contains("form"))) {
      fields.putAll(parseForm(trimmed));
    }
    Map<String, String> headerMap = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headerMap.putAll(headers);
    return new SimRequest(method, path, query, fields, headerMap, body == null ? "" : body);
  }

  public String field(String name) {
    return fields.get(name);
  }

  public String queryParam(String name) {
    return query.get(name);
  }

  public String header(String name) {
    return headers.get(name);
  }

  static Map<String, String> parseForm(String text) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      map.put(key, value);
    }
    return map;
  }

  private static Map<String, String> parseJson(String text) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    try {
      JsonNode node = JSON.readTree(text);
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
      }
    } catch (Exception e) {
      map.put("__malformed", "true");
    }
    return map;
  }
}
