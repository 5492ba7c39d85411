package vn.healthgate.routes.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {
  @Test
  void codesAreUniqueStableAndBilingual() {
    assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::code)).doesNotHaveDuplicates().allMatch(c -> c.matches("GW-[A-Z0-9-]+"));
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(code.english()).as(code.code()).isNotBlank();
      assertThat(code.vietnamese()).as(code.code()).isNotBlank().isNotEqualTo(code.english());
      assertThat(code.httpStatus()).as(code.code()).isBetween(400, 599);
    }
  }
}
