package vn.healthgate.gateway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonSubsetTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static java.util.List<String> diff(String documented, String actual) {
    return JsonSubset.differences(json(documented), json(actual));
  }

  @Test
  void fieldsTheDocumentationLeavesOutMayBeInTheAnswer() {
    assertThat(diff("{\"status\":\"RECEIVED\"}", "{\"status\":\"RECEIVED\",\"id\":\"x\",\"links\":{}}")).isEmpty();
  }

  @Test
  void aDocumentedFieldTheAnswerLacksFailsNamingItsPath() {
    assertThat(diff("{\"links\":{\"self\":\"…\",\"signedDocument\":\"…\"}}", "{\"links\":{\"self\":\"/x\"}}"))
        .containsExactly("$.links.signedDocument: documented, not in the answer");
  }

  @Test
  void aWrongValueFails() {
    assertThat(diff("{\"outcome\":\"ELIGIBLE\",\"card\":{\"benefitLevel\":4}}", "{\"outcome\":\"NOT_ELIGIBLE\",\"card\":{\"benefitLevel\":3}}"))
        .containsExactly("$.outcome: documented \"ELIGIBLE\", the answer has \"NOT_ELIGIBLE\"",
            "$.card.benefitLevel: documented 4, the answer has 3");
  }

  @Test
  void theEllipsisStandsForAnyValuePresentButNotForNullOrAbsence() {
    assertThat(diff("{\"id\":\"…\",\"n\":\"…\",\"o\":\"…\"}", "{\"id\":\"7f0c\",\"n\":3,\"o\":{\"a\":1}}")).isEmpty();
    assertThat(diff("{\"id\":\"…\"}", "{\"id\":null}")).containsExactly("$.id: documented, not in the answer");
    assertThat(diff("{\"id\":\"…\"}", "{}")).containsExactly("$.id: documented, not in the answer");
  }

  @Test
  void aStringEndingInTheEllipsisStandsForAnyStringWithThatBeginning() {
    assertThat(diff("{\"m\":\"Thẻ còn giá trị sử dụng! Họ tên: …\"}", "{\"m\":\"Thẻ còn giá trị sử dụng! Họ tên: VÕ HỮU BÌNH, …\"}")).isEmpty();
    assertThat(diff("{\"m\":\"/api/v1/submissions/…\"}", "{\"m\":\"/fhir/Encounter/1\"}"))
        .containsExactly("$.m: documented as starting with \"/api/v1/submissions/\", the answer has \"/fhir/Encounter/1\"");
  }

  @Test
  void aStringBeginningWithTheEllipsisStandsForAnyStringWithThatEnding() {
    assertThat(diff("{\"at\":\"…+07:00\"}", "{\"at\":\"2026-12-03T23:39:04.123+07:00\"}")).isEmpty();
    assertThat(diff("{\"at\":\"…+07:00\"}", "{\"at\":\"2026-12-03T16:39:04.123Z\"}"))
        .containsExactly("$.at: documented as ending with \"+07:00\", the answer has \"2026-12-03T16:39:04.123Z\"");
    assertThat(diff("{\"at\":\"…+07:00\"}", "{}")).containsExactly("$.at: documented, not in the answer");
  }

  @Test
  void arraysMatchElementByElementAndInLengthUnlessTheyEndInTheEllipsis() {
    assertThat(diff("[1,2]", "[1,2]")).isEmpty();
    assertThat(diff("[]", "[1]")).containsExactly("$: documented with 0 elements, the answer has 1");
    assertThat(diff("[{\"a\":1}]", "[{\"a\":2}]")).containsExactly("$[0].a: documented 1, the answer has 2");
    assertThat(diff("[{\"a\":1},\"…\"]", "[{\"a\":1,\"b\":0},{\"a\":5}]")).isEmpty();
    assertThat(diff("[{\"a\":1},\"…\"]", "[]")).containsExactly("$: documented with at least 1 elements, the answer has 0");
  }

  @Test
  void numbersCompareByValueAndTypesMustAgree() {
    assertThat(diff("{\"v\":4}", "{\"v\":4.0}")).isEmpty();
    assertThat(diff("{\"v\":\"4\"}", "{\"v\":4}")).containsExactly("$.v: documented \"4\", the answer has 4");
    assertThat(diff("{\"eligible\":true}", "{\"eligible\":\"true\"}")).hasSize(1);
    assertThat(diff("{\"card\":{}}", "{\"card\":[]}")).containsExactly("$.card: documented as an object, the answer has []");
  }
}
