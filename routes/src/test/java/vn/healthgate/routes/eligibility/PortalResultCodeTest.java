package vn.healthgate.routes.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.healthgate.simulator.data.Population;

/** The code table covers every portal code, and docs/api.md prints the same table. */
class PortalResultCodeTest {

  @Test
  void everyPortalCodeHasExactlyOneRow() {
    assertThat(Arrays.stream(PortalResultCode.values()).map(PortalResultCode::code)).containsExactlyInAnyOrderElementsOf(Population.ALL_CODES);
  }

  @Test
  void onlyEligibleOutcomesAreEligible() {
    for (PortalResultCode code : PortalResultCode.values()) {
      assertThat(code.eligible()).as(code.code()).isEqualTo(code.outcome() == Outcome.ELIGIBLE);
    }
  }

  @Test
  void apiDocumentationPrintsTheSameTable() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "api.md"));
    for (PortalResultCode code : PortalResultCode.values()) {
      Pattern row = Pattern.compile("^\\| ?`?" + code.code() + "`? ?\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|", Pattern.MULTILINE);
      Matcher matcher = row.matcher(doc);
      assertThat(matcher.find()).as("row for %s in docs/api.md", code.code()).isTrue();
      assertThat(matcher.group(1).trim()).as("outcome of %s", code.code()).isEqualTo(code.outcome().name());
      assertThat(matcher.group(2).trim()).as("eligible of %s", code.code()).isEqualTo(String.valueOf(code.eligible()));
      assertThat(matcher.group(3).trim()).as("category of %s", code.code()).isEqualTo(code.category().name());
    }
  }

  @Test
  void unknownCodeIsAbsent() {
    assertThat(PortalResultCode.of("999")).isEmpty();
  }
}
