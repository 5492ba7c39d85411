package vn.healthgate.routes.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TonePlacementTest {

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource({
      "NGUYỄN THỊ HÒA, NGUYỄN THỊ HOÀ",
      "LÊ THU THỦY, LÊ THU THUỶ",
      "VŨ QUANG THỤY, VŨ QUANG THUỴ",
      "TRẦN THANH NHỤY, TRẦN THANH NHUỴ",
      "NGUYỄN THÙY LINH, NGUYỄN THUỲ LINH",
      "PHẠM VĂN KHỎE, PHẠM VĂN KHOẺ",
      "ĐỖ THỊ HÓA, ĐỖ THỊ HOÁ",
      "BÙI THỊ HỌA, BÙI THỊ HOẠ",
      "hòa, hoà"})
  void movesTheMarkBetweenTheTwoVowelsOfAnOpenSyllable(String onFirst, String onSecond) {
    assertThat(TonePlacement.onSecondVowel(onFirst)).isEqualTo(onSecond);
    assertThat(TonePlacement.onFirstVowel(onSecond)).isEqualTo(onFirst);
    assertThat(TonePlacement.otherPlacement(onFirst)).contains(onSecond);
    assertThat(TonePlacement.otherPlacement(onSecond)).contains(onFirst);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "HOÀNG VĂN AN", // a final consonant: one placement only
      "NGUYỄN THỊ THUYỀN",
      "LÊ VĂN QUÝ", // qu + y: the u belongs to the qu
      "TRẦN QUỲNH ANH",
      "ĐẶNG QUANG HÙNG", // no oa, oe, uy
      "NGÔ KHOA", // no tone mark at all
      "LÝ THỊ MÙA"}) // ua: always on the first vowel
  void aNameWithNoSyllableSpelledTwoWaysHasNoOtherSpelling(String name) {
    assertThat(TonePlacement.otherPlacement(name)).isEmpty();
  }

  @Test
  void aNameMixingBothPlacementsIsRespelledWithEveryMarkOnTheSecondVowel() {
    assertThat(TonePlacement.otherPlacement("HOÀNG THÙY THUỶ")).contains("HOÀNG THUỲ THUỶ");
  }

  @Test
  void decomposedInputComesOutComposed() {
    String decomposed = java.text.Normalizer.normalize("NGUYỄN THỊ HÒA", java.text.Normalizer.Form.NFD);
    assertThat(TonePlacement.otherPlacement(decomposed)).contains("NGUYỄN THỊ HOÀ");
  }
}
