package vn.healthgate.routes.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {
  @Test
  void masksCccdKeepingProvinceAndLastTwo() {
    assertThat(Masking.cccd("070089868934")).isEqualTo("070*******34");
  }

  @Test
  void masksNameToInitials() {
    assertThat(Masking.name("NGUYỄN VĂN AN")).isEqualTo("N. V. A.");
  }
}
