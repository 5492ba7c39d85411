package vn.healthgate.routes.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

class CccdQrTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private static final String QR = "070090000123||NGUYỄN VĂN AN|01011990|Nam|Phường Tân Phú, Đồng Xoài, Bình Phước|15032021";

  @Test
  void parsesTheSevenFields() {
    CccdQr qr = CccdQr.parse(QR, TODAY);
    assertThat(qr.cccd().digits()).isEqualTo("070090000123");
    assertThat(qr.fullName()).isEqualTo("NGUYỄN VĂN AN");
    assertThat(qr.birthDate().date()).isEqualTo(LocalDate.of(1990, 1, 1));
    assertThat(qr.sex()).isEqualTo(Sex.MALE);
    assertThat(qr.issuedOn()).isEqualTo(LocalDate.of(2021, 3, 15));
  }

  @Test
  void refusesSixFields() {
    assertThatThrownBy(() -> CccdQr.parse("070090000123||NGUYỄN VĂN AN|01011990|Nam|Đồng Xoài", TODAY))
        .extracting(e -> ((GatewayException) e).errorCode()).isEqualTo(ErrorCode.QR_FIELDS);
  }

  @Test
  void acceptsBrokenBarSeparatorTypedByScanners() {
    assertThat(CccdQr.parse(QR.replace('|', '¦'), TODAY).fullName()).isEqualTo("NGUYỄN VĂN AN");
  }

  @Test
  void acceptsBackslashSeparatorWhenItGivesExactlySevenFields() {
    assertThat(CccdQr.parse(QR.replace('|', '\\'), TODAY).cccd().digits()).isEqualTo("070090000123");
  }

  @Test
  void restoresTelexAndVniManglingsOfD() {
    String mangled = "070090000123||DDẶNG VĂN AN|01011990|Nam|Phường Tân Phú, DDồng Xoài|15032021";
    CccdQr qr = CccdQr.parse(mangled, TODAY);
    assertThat(qr.fullName()).isEqualTo("ĐẶNG VĂN AN");
    assertThat(qr.address()).contains("Đồng Xoài");
    assertThat(CccdQr.parse(mangled.replace("DD", "D9"), TODAY).fullName()).isEqualTo("ĐẶNG VĂN AN");
  }

  @Test
  void normalisesDecomposedUnicodeToNfc() {
    String decomposed = java.text.Normalizer.normalize(QR, java.text.Normalizer.Form.NFD);
    assertThat(CccdQr.parse(decomposed, TODAY).fullName()).isEqualTo("NGUYỄN VĂN AN");
  }

  @Test
  void refusesImpossibleDate() {
    assertThatThrownBy(() -> CccdQr.parse(QR.replace("01011990", "31021990"), TODAY))
        .extracting(e -> ((GatewayException) e).errorCode()).isEqualTo(ErrorCode.QR_FORMAT);
  }

  @Test
  void toStringHidesPersonalData() {
    assertThat(CccdQr.parse(QR, TODAY).toString()).doesNotContain("NGUYỄN").doesNotContain("070090000123");
  }

  @Test
  void aByteOrderMarkAScannerPutInFrontIsIgnored() {
    assertThat(CccdQr.parse("\uFEFF" + QR, TODAY).cccd().digits()).isEqualTo("070090000123");
  }

  @Test
  void theIssueDateIsNeitherBeforeTheBirthNorInTheFuture() {
    assertThatThrownBy(() -> CccdQr.parse(QR.replace("15032021", "31121989"), TODAY))
        .extracting(e -> ((GatewayException) e).errorCode().code()).isEqualTo("GW-QR-ISSUE-DATE");
    assertThatThrownBy(() -> CccdQr.parse(QR.replace("15032021", "27112026"), TODAY))
        .extracting(e -> ((GatewayException) e).errorCode().code()).isEqualTo("GW-QR-ISSUE-DATE");
    assertThat(CccdQr.parse(QR.replace("15032021", "01011990"), TODAY).issuedOn()).isEqualTo(LocalDate.of(1990, 1, 1));
  }
}
