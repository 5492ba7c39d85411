package vn.healthgate.routes.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/api.md prints the error catalogue exactly as the enum has it: every code, its status, no code that no longer exists. */
class ErrorCatalogueDocTest {
  @Test
  void theDocumentedCatalogueIsTheEnum() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "api.md"));
    Set<String> documented = new HashSet<>();
    Matcher row = Pattern.compile("^\\| `(GW-[A-Z0-9-]+)` \\| (\\d{3}) \\|", Pattern.MULTILINE).matcher(doc);
    while (row.find()) {
      documented.add(row.group(1) + " " + row.group(2));
    }
    Set<String> catalogue = new HashSet<>();
    Arrays.stream(ErrorCode.values()).forEach(c -> catalogue.add(c.code() + " " + c.httpStatus()));
    assertThat(documented).containsExactlyInAnyOrderElementsOf(catalogue);
  }

  @Test
  void codesAreUnique() {
    assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::code).distinct().count()).isEqualTo(ErrorCode.values().length);
  }
}
