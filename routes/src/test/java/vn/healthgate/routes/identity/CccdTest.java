package vn.healthgate.routes.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

class CccdTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  @Test
  void acceptsTwelveDigitsWithAKnownProvince() {
    assertThat(Cccd.parse(" 070089868934 ", "cccd").digits()).isEqualTo("070089868934");
  }

  @Test
  void refusesElevenAndThirteenDigitsAndLetters() {
    for (String bad : new String[] {"07008986893", "0700898689345", "07008986893A", ""}) {
      assertThatThrownBy(() -> Cccd.parse(bad, "cccd")).isInstanceOf(GatewayException.class)
          .extracting(e -> ((GatewayException) e).errorCode()).isEqualTo(ErrorCode.CCCD_FORMAT);
    }
  }

  @Test
  void refusesUnknownProvinceCode() {
    assertThatThrownBy(() -> Cccd.parse("003089868934", "cccd"))
        .extracting(e -> ((GatewayException) e).errorCode()).isEqualTo(ErrorCode.CCCD_PROVINCE);
  }

  @Test
  void rejectsCccdWhoseCenturyDigitContradictsBirthYear() {
    Cccd cccd = Cccd.parse("070289868934", "cccd");
    assertThatThrownBy(() -> cccd.checkAgainst(BirthDate.parse("1989-11-10", TODAY, "birthDate"), Optional.empty(), "cccd"))
        .extracting(e -> ((GatewayException) e).errorCode()).isEqualTo(ErrorCode.CCCD_CENTURY);
  }

  @Test
  void rejectsCccdWhoseYearDigitsContradictBirthYear() {
    Cccd cccd = Cccd.parse("070088868934", "cccd");
    assertThatThrownBy(() -> cccd.checkAgainst(BirthDate.parse("1989-11-10", TODAY, "birthDate"), Optional.empty(), "cccd"))
        .extracting(e -> ((GatewayException) e).errorCode()).isEqualTo(ErrorCode.CCCD_BIRTHYEAR);
  }

  @Test
  void rejectsCccdWhoseSexDigitContradictsSex() {
    Cccd cccd = Cccd.parse("070089868934", "cccd");
    assertThatThrownBy(() -> cccd.checkAgainst(BirthDate.parse("1989", TODAY, "birthDate"), Optional.of(Sex.FEMALE), "cccd"))
        .extracting(e -> ((GatewayException) e).errorCode()).isEqualTo(ErrorCode.CCCD_SEX);
  }

  @Test
  void acceptsTwentyFirstCenturyFemale() {
    Cccd cccd = Cccd.parse("070321000001", "cccd");
    cccd.checkAgainst(BirthDate.parse("2021-05-01", TODAY, "birthDate"), Optional.of(Sex.FEMALE), "cccd");
    assertThat(cccd.sex()).isEqualTo(Sex.FEMALE);
  }

  @Test
  void toStringIsMasked() {
    assertThat(Cccd.parse("070089868934", "cccd").toString()).isEqualTo("070*******34").doesNotContain("0898689");
  }
}
