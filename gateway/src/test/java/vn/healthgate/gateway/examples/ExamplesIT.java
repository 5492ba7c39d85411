package vn.healthgate.gateway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import vn.healthgate.simulator.PortalSimulator;

/**
 * Every example of docs/api.md and docs/examples/ against the default run as a HIS developer starts it (the default
 * profile: development API keys, the simulator in-process, a fresh H2 data folder), on random ports. One dynamic test
 * per example, named after its file and line; the examples of a file run in order, later ones using earlier answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gateway.data-dir=" + ExamplesIT.DATA_DIR,
    "gateway.tls.port=0",
    "gateway.simulator.port=0"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExamplesIT {
  static final String DATA_DIR = "./target/examples-data";
  /** The areas of the collection: one .http file each (docs/examples/README.md). */
  static final List<String> AREAS = List.of("eligibility", "check-ins", "certificates", "submissions", "admin", "fhir");

  static {
    deleteRecursively(Path.of(DATA_DIR));
  }

  @LocalServerPort int port;
  @Autowired PortalSimulator simulator;

  @TestFactory
  Stream<DynamicNode> everyDocumentedExampleAnswersAsDocumented() {
    Path docs = docs();
    Stream<DynamicNode> api = Stream.of(container(docs.resolve("api.md"), "docs/api.md",
        ExampleFiles.markdown("docs/api.md", read(docs.resolve("api.md")))));
    Stream<DynamicNode> collection = AREAS.stream().map(area -> {
      Path file = docs.resolve("examples").resolve(area + ".http");
      String source = "docs/examples/" + area + ".http";
      return container(file, source, ExampleFiles.http(source, read(file)));
    });
    return Stream.concat(api, collection);
  }

  @Test
  void theCollectionHasAFileForEveryAreaAndNothingElse() throws IOException {
    try (Stream<Path> files = Files.list(docs().resolve("examples"))) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".http")))
          .containsExactlyInAnyOrderElementsOf(AREAS.stream().map(a -> a + ".http").toList());
    }
  }

  private DynamicContainer container(Path file, String source, List<Example> examples) {
    ExampleRunner runner = new ExampleRunner(
        Map.of("baseUrl", "http://127.0.0.1:" + port, "simUrl", simulator.baseUrl()), Duration.ofSeconds(20));
    assertThat(examples).as(source + " has examples").isNotEmpty();
    return DynamicContainer.dynamicContainer(source, file.toUri(),
        examples.stream().map(e -> DynamicTest.dynamicTest(e.displayName(), java.net.URI.create(file.toUri() + "?line=" + e.line()), () -> runner.run(e))));
  }

  /** docs/ of the repository, from the module's folder or the repository's. */
  static Path docs() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docs/api.md"))) {
        return dir.resolve("docs");
      }
    }
    throw new IllegalStateException("no docs/api.md above " + Path.of("").toAbsolutePath());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
