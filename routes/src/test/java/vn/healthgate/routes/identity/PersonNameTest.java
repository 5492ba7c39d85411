package vn.healthgate.routes.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.healthgate.routes.error.GatewayException;

/** Names as keyboards, scanners and exports deliver them, cleaned to what the portal's registry holds. */
class PersonNameTest {

  static Stream<Arguments> typedNames() {
    return Stream.of(
        Arguments.of("a byte-order mark in front", "\uFEFFĐẶNG QUANG HÙNG"),
        Arguments.of("a byte-order mark inside", "ĐẶNG \uFEFFQUANG HÙNG"),
        Arguments.of("non-breaking spaces", "ĐẶNG\u00A0QUANG\u00A0HÙNG"),
        Arguments.of("a narrow non-breaking space and an ideographic space", "ĐẶNG\u202FQUANG\u3000HÙNG"),
        Arguments.of("an em space, a tab and a line break", "ĐẶNG\u2003QUANG\t\nHÙNG"),
        Arguments.of("a zero-width space and a word joiner", "ĐẶNG QUANG\u200B HÙNG\u2060"),
        Arguments.of("the Icelandic capital eth for Đ", "\u00D0ẶNG QUANG HÙNG"),
        Arguments.of("spaces around", " \u00A0ĐẶNG QUANG HÙNG\u00A0 "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typedNames")
  void isCleanedToTheNameAsRegistered(String what, String typed) {
    assertThat(PersonName.parse(typed, "fullName")).isEqualTo("ĐẶNG QUANG HÙNG");
  }

  @Test
  void decomposedMarksAreComposed() {
    String decomposed = java.text.Normalizer.normalize("ĐẶNG QUANG HÙNG", java.text.Normalizer.Form.NFD);
    assertThat(decomposed).isNotEqualTo("ĐẶNG QUANG HÙNG");
    assertThat(PersonName.parse(decomposed, "fullName")).isEqualTo("ĐẶNG QUANG HÙNG");
  }

  @Test
  void theLowerCaseEthIsTheVietnameseLowerCaseD() {
    assertThat(PersonName.parse("\u00F0ặng quang hùng", "fullName")).isEqualTo("đặng quang hùng");
  }

  @Test
  void digitsAreStillNoName() {
    assertThatThrownBy(() -> PersonName.parse("ĐẶNG\u00A0QUANG 8", "fullName"))
        .extracting(e -> ((GatewayException) e).errorCode().code()).isEqualTo("GW-NAME-FORMAT");
  }
}
