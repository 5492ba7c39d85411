package vn.healthgate.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/** A required field is missing when nothing visible is left after cleaning, as the portal sees it. */
class FieldChecksTest {

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"00A0", "2007", "202F", "FEFF", "200B", "2060", "00AD", "200E", "3000", "0009"})
  void aValueOfOnlySpacesOrInvisibleCharactersIsMissing(String codePoint) {
    String value = Character.toString(Integer.parseInt(codePoint, 16)).repeat(2);

    GatewayException refused = catchThrowableOfType(GatewayException.class, () -> FieldChecks.required(value, "patientId", 100));

    assertThat(refused).isNotNull();
    assertThat(refused.errorCode()).isEqualTo(ErrorCode.FIELD_REQUIRED);
    assertThat(FieldChecks.optional(value, "admissionReason", 100)).isEmpty();
  }
}
