package vn.healthgate.gateway.examples;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Sends the examples of one file in order, as a REST Client would: {@code {{variables}}} resolved from the settings
 * given (the test's base URLs win over the file's), the file's {@code @name = value} lines and the answers of earlier
 * named requests ({@code {{create.response.body.$.id}}}, {@code {{create.response.headers.Location}}}); then checks
 * the answer against the documented one. A {@code GET} whose answer does not match yet (a submission not delivered
 * yet) is sent again until it does or {@link #patience} has passed.
 */
public final class ExampleRunner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");
  private static final Pattern RESPONSE = Pattern.compile("^([A-Za-z0-9_-]+)\\.response\\.(body|headers)\\.(.+)$");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> settings;
  private final Duration patience;
  private final Map<String, Reply> named = new HashMap<>();

  /** @param settings variables that win over the file's own ({@code baseUrl}, {@code simUrl}: where the run listens) */
  public ExampleRunner(Map<String, String> settings, Duration patience) {
    this.settings = Map.copyOf(settings);
    this.patience = patience;
  }

  /** One answer: status, headers (names in lower case, first value) and body text. */
  public record Reply(int status, Map<String, String> headers, String body) {}

  /** Sends the example and fails (AssertionError) unless the answer is the documented one. */
  public void run(Example example) {
    if (example.answer() == null) {
      throw new AssertionError(where(example) + ": documents no answer (a '→ <status>' line, see docs/examples/README.md)");
    }
    HttpRequest request = request(example);
    Example.Answer documented = example.answer().body() == null ? example.answer()
        : new Example.Answer(example.answer().status(), example.answer().contentType(), resolve(example, example.answer().body()));
    boolean repeatable = example.method().equals("GET") || example.method().equals("HEAD");
    AtomicReference<Reply> last = new AtomicReference<>(send(request));
    if (repeatable && !problems(documented, last.get()).isEmpty()) {
      try {
        await().atMost(patience).pollInterval(Duration.ofMillis(200))
            .until(() -> problems(documented, update(last, send(request))).isEmpty());
      } catch (ConditionTimeoutException e) {
        // reported below with the last answer
      }
    }
    Reply reply = last.get();
    List<String> problems = problems(documented, reply);
    if (example.name() != null) {
      named.put(example.name(), reply);
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(where(example) + ": " + example.method() + " " + request.uri() + " did not answer as documented:\n  "
          + String.join("\n  ", problems) + "\nthe answer: " + reply.status() + " " + reply.body());
    }
  }

  /** What differs between the documented answer and {@code reply}: status, media type, documented JSON fields. */
  public static List<String> problems(Example.Answer answer, Reply reply) {
    List<String> problems = new ArrayList<>();
    if (reply.status() != answer.status()) {
      problems.add("status: documented " + answer.status() + ", the answer has " + reply.status());
    }
    String contentType = reply.headers().getOrDefault("content-type", "");
    if (answer.contentType() != null && !contentType.startsWith(answer.contentType())) {
      problems.add("Content-Type: documented " + answer.contentType() + ", the answer has " + contentType);
    }
    if (answer.body() != null) {
      JsonNode documented;
      try {
        documented = JSON.readTree(answer.body());
      } catch (JsonProcessingException e) {
        problems.add("the documented answer is not JSON: " + e.getOriginalMessage());
        return problems;
      }
      try {
        JsonNode actual = JSON.readTree(reply.body());
        problems.addAll(JsonSubset.differences(documented, actual == null ? JSON.missingNode() : actual));
      } catch (JsonProcessingException e) {
        problems.add("the answer is not JSON: " + e.getOriginalMessage());
      }
    }
    return problems;
  }

  private HttpRequest request(Example example) {
    String target = resolve(example, example.target());
    if (target.startsWith("/")) {
      target = setting("baseUrl") + target;
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(30));
    example.headers().forEach(h -> builder.header(h.getKey(), resolve(example, h.getValue())));
    String body = example.body() == null ? null : resolve(example, example.body());
    builder.method(example.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return builder.build();
  }

  /** Replaces every {@code {{…}}}; an unknown one fails the example (it would be sent as typed otherwise). */
  String resolve(Example example, String text) {
    return resolve(example, text, 0);
  }

  private String resolve(Example example, String text, int depth) {
    if (depth > 5) {
      throw new AssertionError(where(example) + ": variables refer to each other in a circle: " + text);
    }
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String reference = m.group(1);
      String value = settings.get(reference);
      if (value == null && example.variables().containsKey(reference)) {
        value = resolve(example, example.variables().get(reference), depth + 1);
      }
      if (value == null) {
        value = fromAnswer(reference).orElseThrow(() -> new AssertionError(where(example) + ": {{" + reference
            + "}} is neither a variable of the file nor part of an earlier named answer"));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private Optional<String> fromAnswer(String reference) {
    Matcher m = RESPONSE.matcher(reference);
    if (!m.matches() || !named.containsKey(m.group(1))) {
      return Optional.empty();
    }
    Reply reply = named.get(m.group(1));
    if (m.group(2).equals("headers")) {
      return Optional.ofNullable(reply.headers().get(m.group(3).toLowerCase()));
    }
    if (m.group(3).equals("*")) {
      return Optional.of(reply.body());
    }
    try {
      JsonNode value = JSON.readTree(reply.body()).at(pointer(m.group(3)));
      return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.isValueNode() ? value.asText() : value.toString());
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** {@code $.links.self}, {@code items[0].id} or {@code id} as a JSON pointer. */
  static String pointer(String path) {
    String p = path.startsWith("$") ? path.substring(1) : path;
    p = p.replaceAll("\\[(\\d+)]", ".$1");
    return ("/" + String.join("/", p.startsWith(".") ? p.substring(1).split("\\.") : p.split("\\."))).replace("//", "/");
  }

  private String setting(String name) {
    String value = settings.get(name);
    if (value == null) {
      throw new IllegalStateException("no " + name + " given to the runner");
    }
    return value;
  }

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Map<String, String> headers = new HashMap<>();
      response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v.isEmpty() ? "" : v.get(0)));
      return new Reply(response.statusCode(), headers, response.body());
    } catch (IOException e) {
      throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static Reply update(AtomicReference<Reply> last, Reply reply) {
    last.set(reply);
    return reply;
  }

  private static String where(Example example) {
    return example.source() + ":" + example.line();
  }
}
