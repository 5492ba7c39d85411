package vn.healthgate.routes.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

class EligibilityValidatorTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC);
  private static final EligibilityRequest.Officer OFFICER = new EligibilityRequest.Officer("NGÔ NGỌC GIANG", "070186171117");

  @Test
  void buildsThePortalRequestFromACccd() {
    EligibilityQuery query = validator.validate(new EligibilityRequest("70001", "070089868934", null, null, " VÕ  HỮU BÌNH ", "1989-11-10", null, OFFICER, null));

    assertThat(query.toPortalRequest().maThe()).isEqualTo("070089868934");
    assertThat(query.toPortalRequest().hoTen()).isEqualTo("VÕ HỮU BÌNH");
    assertThat(query.toPortalRequest().ngaySinh()).isEqualTo("10/11/1989");
    assertThat(query.toPortalRequest().cccdCb()).isEqualTo("070186171117");
  }

  @Test
  void takesNameAndBirthDateFromTheQr() {
    EligibilityQuery query = validator.validate(new EligibilityRequest("70001", null,
        "070089868934||VÕ HỮU BÌNH|10111989|Nam|Ấp 2, Đồng Phú, Bình Phước|15032021", null, null, null, null, OFFICER, null));

    assertThat(query.fullName()).isEqualTo("VÕ HỮU BÌNH");
    assertThat(query.birthDate().portalText()).isEqualTo("10/11/1989");
  }

  @Test
  void sendsBirthYearOnlyAsYyyy() {
    EligibilityQuery query = validator.validate(new EligibilityRequest("70001", null, null, "7014012731", "VÕ HỮU BÌNH", "1948", null, OFFICER, null));

    assertThat(query.toPortalRequest().ngaySinh()).isEqualTo("1948");
    assertThat(query.toPortalRequest().maThe()).isEqualTo("7014012731");
  }

  @Test
  void refusesMissingOfficer() {
    assertThatThrownBy(() -> validator.validate(new EligibilityRequest("70001", "070089868934", null, null, "A B", "1989-11-10", null, null, null)))
        .extracting(e -> ((GatewayException) e).errorCode()).isEqualTo(ErrorCode.OFFICER_MISSING);
  }

  @Test
  void refusesFutureBirthDate() {
    assertThatThrownBy(() -> validator.validate(new EligibilityRequest("70001", null, null, "7014012731", "A B", "2026-11-27", null, OFFICER, null)))
        .extracting(e -> ((GatewayException) e).errorCode()).isEqualTo(ErrorCode.BIRTHDATE_FUTURE);
  }

  private static String refusal(EligibilityRequest request) {
    try {
      validator.validate(request);
      return "accepted";
    } catch (GatewayException e) {
      return e.errorCode().code() + " " + e.field().orElse("");
    }
  }

  private static final EligibilityValidator validator = new EligibilityValidator(CLOCK);

  @Test
  void anOfficerCccdOfTheWrongLengthSaysSo() {
    assertThat(refusal(new EligibilityRequest("70001", "070089868934", null, null, "VÕ HỮU BÌNH", "1989-11-10", null,
        new EligibilityRequest.Officer("NGÔ NGỌC GIANG", "07018617111"), null))).isEqualTo("GW-OFFICER-CCCD-FORMAT officer.cccd");
  }

  @Test
  void anOfficerCccdWithAnUnknownProvinceSaysSo() {
    assertThat(refusal(new EligibilityRequest("70001", "070089868934", null, null, "VÕ HỮU BÌNH", "1989-11-10", null,
        new EligibilityRequest.Officer("NGÔ NGỌC GIANG", "003186171117"), null))).isEqualTo("GW-OFFICER-CCCD-PROVINCE officer.cccd");
  }

  @Test
  void anOfficerWithoutANameSaysSo() {
    assertThat(refusal(new EligibilityRequest("70001", "070089868934", null, null, "VÕ HỮU BÌNH", "1989-11-10", null,
        new EligibilityRequest.Officer(" ", "070186171117"), null))).isEqualTo("GW-OFFICER-INVALID officer.fullName");
  }

  @Test
  void namesReachThePortalCleanedOfInvisibleCharactersOddSpacesAndTheLookAlikeEth() {
    EligibilityQuery query = validator.validate(new EligibilityRequest("70001", "\uFEFF070089868934", null, null, "\uFEFFV\u00D5\u00A0HỮU\u202FBÌNH",
        "1989-11-10", null, new EligibilityRequest.Officer("NG\u00D4\u3000NG\u1eccC GIANG\u200B", "070186171117"), null));

    assertThat(query.toPortalRequest().hoTen()).isEqualTo("VÕ HỮU BÌNH");
    assertThat(query.toPortalRequest().hoTenCb()).isEqualTo("NGÔ NGỌC GIANG");
    assertThat(validator.validate(new EligibilityRequest("70001", null, null, "7014012731", "\u00D0ẶNG QUANG HÙNG", "1989", null, OFFICER, null))
        .toPortalRequest().hoTen()).isEqualTo("ĐẶNG QUANG HÙNG");
  }

  @Test
  void aQrIssuedInTheFutureOrBeforeTheBirthIsRefused() {
    assertThat(refusal(new EligibilityRequest("70001", null, "070089868934||VÕ HỮU BÌNH|10111989|Nam|Ấp 2|27112026", null, null, null, null, OFFICER, null)))
        .isEqualTo("GW-QR-ISSUE-DATE qr");
    assertThat(refusal(new EligibilityRequest("70001", null, "070089868934||VÕ HỮU BÌNH|10111989|Nam|Ấp 2|09111989", null, null, null, null, OFFICER, null)))
        .isEqualTo("GW-QR-ISSUE-DATE qr");
    assertThat(refusal(new EligibilityRequest("70001", null, "070089868934||VÕ HỮU BÌNH|10111989|Nam|Ấp 2|26112026", null, null, null, null, OFFICER, null)))
        .isEqualTo("accepted");
  }
}
