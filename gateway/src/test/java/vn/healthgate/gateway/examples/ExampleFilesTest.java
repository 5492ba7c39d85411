package vn.healthgate.gateway.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The conventions of docs/examples/README.md: how examples are read, and that a wrong one fails when run. */
class ExampleFilesTest {
  private static final String HTTP_FILE = """
      @baseUrl = http://localhost:8080
      @apiKey = dev-70001

      ### Create
      # Stores the document.
      # → 202
      # {"id": "…", "status": "RECEIVED"}
      # @name create
      POST {{baseUrl}}/things
      X-Api-Key: {{apiKey}}
      Content-Type: application/json

      {"a": 1}

      ### Read it back
      # → 200
      # {"id": "…", "status": "ACCEPTED"}
      GET {{baseUrl}}/things/{{create.response.body.$.id}}
      X-Api-Key: {{apiKey}}

      ### Forgotten answer
      GET {{baseUrl}}/other
      """;

  private static final String MARKDOWN = """
      # API

      ```http
      POST /things
      Content-Type: application/json

      {"a": 1}
      ```

      → `202`

      ```json
      {"status": "RECEIVED"}
      ```

      ```http
      GET /things/1/signed-document
      ```

      → 200 application/xml
      """;

  private HttpServer server;
  private String baseUrl;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/things", exchange -> {
      byte[] body = (exchange.getRequestMethod().equals("POST")
          ? "{\"id\":\"t-1\",\"status\":\"RECEIVED\"}"
          : "{\"id\":\"t-1\",\"status\":\"SENT\",\"asked\":\"" + exchange.getRequestURI().getPath() + "\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 202 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void anHttpFileGivesEachRequestWithItsDocumentedAnswerVariablesAndName() {
    List<Example> examples = ExampleFiles.http("docs/examples/x.http", HTTP_FILE);

    assertThat(examples).hasSize(3);
    Example create = examples.get(0);
    assertThat(create.displayName()).isEqualTo("x.http:9 Create");
    assertThat(create.name()).isEqualTo("create");
    assertThat(create.method()).isEqualTo("POST");
    assertThat(create.target()).isEqualTo("{{baseUrl}}/things");
    assertThat(create.headers()).extracting(Map.Entry::getKey).containsExactly("X-Api-Key", "Content-Type");
    assertThat(create.body()).isEqualTo("{\"a\": 1}");
    assertThat(create.answer()).isEqualTo(new Example.Answer(202, null, "{\"id\": \"…\", \"status\": \"RECEIVED\"}"));
    assertThat(create.variables()).containsEntry("apiKey", "dev-70001");
    assertThat(examples.get(1).body()).isNull();
    assertThat(examples.get(2).answer()).isNull();
  }

  @Test
  void aMarkdownFileGivesEachHttpBlockWithTheArrowLineAndJsonBlockAfterIt() {
    List<Example> examples = ExampleFiles.markdown("docs/api.md", MARKDOWN);

    assertThat(examples).hasSize(2);
    assertThat(examples.get(0).line()).isEqualTo(4);
    assertThat(examples.get(0).answer()).isEqualTo(new Example.Answer(202, null, "{\"status\": \"RECEIVED\"}"));
    assertThat(examples.get(1).answer()).isEqualTo(new Example.Answer(200, "application/xml", null));
  }

  @Test
  void aJsonBlockThatIsNeitherARequestBodyNorADocumentedAnswerFailsNamingItsLine() {
    String illustration = MARKDOWN + """

        The list answers:

        ```json
        {"items": []}
        ```
        """;

    assertThatThrownBy(() -> ExampleFiles.markdown("docs/api.md", illustration))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("docs/api.md:24: a ```json block that is neither");
    assertThatThrownBy(() -> ExampleFiles.markdown("docs/api.md", "```http\nGET /things\n```\n\nSee:\n\n```json\n{}\n```\n"))
        .hasMessageContaining("docs/api.md:7:");
    assertThat(ExampleFiles.markdown("docs/api.md", MARKDOWN + "\n```yaml\ngateway: {}\n```\n")).hasSize(2);
  }

  @Test
  void aCorrectExampleRunsAndLaterRequestsUseEarlierAnswers() {
    List<Example> examples = ExampleFiles.http("x.http", HTTP_FILE.replace("\"ACCEPTED\"", "\"SENT\""));
    ExampleRunner runner = new ExampleRunner(Map.of("baseUrl", baseUrl), Duration.ZERO);

    runner.run(examples.get(0));
    runner.run(examples.get(1));
  }

  @Test
  void anExampleWhoseDocumentedAnswerIsWrongFailsSayingWhereAndWhat() {
    List<Example> examples = ExampleFiles.http("docs/examples/x.http", HTTP_FILE);
    ExampleRunner runner = new ExampleRunner(Map.of("baseUrl", baseUrl), Duration.ofMillis(500));
    runner.run(examples.get(0));

    assertThatThrownBy(() -> runner.run(examples.get(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("docs/examples/x.http:18")
        .hasMessageContaining("$.status: documented \"ACCEPTED\", the answer has \"SENT\"");
  }

  @Test
  void aDocumentedFieldTheServerDoesNotReturnFails() {
    Example example = ExampleFiles.http("x.http", HTTP_FILE.replace("{\"id\": \"…\", \"status\": \"RECEIVED\"}",
        "{\"id\": \"…\", \"status\": \"RECEIVED\", \"links\": {\"self\": \"…\"}}")).get(0);

    assertThatThrownBy(() -> new ExampleRunner(Map.of("baseUrl", baseUrl), Duration.ZERO).run(example))
        .hasMessageContaining("$.links: documented, not in the answer");
  }

  @Test
  void aWrongStatusOrMediaTypeFails() {
    Example.Answer documented = new Example.Answer(201, "application/fhir+json", null);
    ExampleRunner.Reply reply = new ExampleRunner.Reply(200, Map.of("content-type", "application/json"), "{}");

    assertThat(ExampleRunner.problems(documented, reply)).containsExactly(
        "status: documented 201, the answer has 200",
        "Content-Type: documented application/fhir+json, the answer has application/json");
  }

  @Test
  void anExampleWithoutADocumentedAnswerOrWithAnUnknownVariableFails() {
    List<Example> examples = ExampleFiles.http("x.http", HTTP_FILE);
    ExampleRunner runner = new ExampleRunner(Map.of("baseUrl", baseUrl), Duration.ZERO);

    assertThatThrownBy(() -> runner.run(examples.get(2))).hasMessageContaining("documents no answer");
    assertThatThrownBy(() -> runner.run(examples.get(1))).hasMessageContaining("{{create.response.body.$.id}} is neither");
  }

  @Test
  void responsePathsBecomeJsonPointers() {
    assertThat(ExampleRunner.pointer("$.id")).isEqualTo("/id");
    assertThat(ExampleRunner.pointer("id")).isEqualTo("/id");
    assertThat(ExampleRunner.pointer("$.links.self")).isEqualTo("/links/self");
    assertThat(ExampleRunner.pointer("$.items[0].id")).isEqualTo("/items/0/id");
  }
}
