package vn.healthgate.routes.identity;

import java.util.Optional;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.text.CleanText;

/**
 * A citizen ID number, {@code PPP G YY RRRRRR}: province, century-and-sex digit, birth year, random.
 * {@link #toString()} is masked: a CCCD never reaches a log in full.
 */
public final class Cccd {
  private final String digits;

  private Cccd(String digits) {
    this.digits = digits;
  }

  /** Parses the structure (12 digits, known province); {@code field} names the input for errors. */
  public static Cccd parse(String text, String field) {
    String value = text == null ? "" : CleanText.of(text);
    if (!value.matches("\\d{12}")) {
      throw new GatewayException(ErrorCode.CCCD_FORMAT, field);
    }
    if (!ProvinceCodes.isKnown(value.substring(0, 3))) {
      throw new GatewayException(ErrorCode.CCCD_PROVINCE, field);
    }
    return new Cccd(value);
  }

  /** Checks the century-and-sex digit and the year digits against what the patient states. */
  public void checkAgainst(BirthDate birthDate, Optional<Sex> sex, String field) {
    int centuryDigit = digits.charAt(3) - '0';
    int year = birthDate.year();
    int centuryIndex = year / 100 - 19;
    if (centuryIndex < 0 || centuryIndex > 4 || centuryDigit / 2 != centuryIndex) {
      throw new GatewayException(ErrorCode.CCCD_CENTURY, field);
    }
    if (Integer.parseInt(digits.substring(4, 6)) != year % 100) {
      throw new GatewayException(ErrorCode.CCCD_BIRTHYEAR, field);
    }
    Sex fromDigit = centuryDigit % 2 == 0 ? Sex.MALE : Sex.FEMALE;
    if (sex.isPresent() && sex.get() != Sex.UNDETERMINED && sex.get() != fromDigit) {
      throw new GatewayException(ErrorCode.CCCD_SEX, field);
    }
  }

  public Sex sex() {
    return (digits.charAt(3) - '0') % 2 == 0 ? Sex.MALE : Sex.FEMALE;
  }

  public String digits() {
    return digits;
  }

  public String masked() {
    return Masking.cccd(digits);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cccd other && other.digits.equals(digits);
  }

  @Override
  public int hashCode() {
    return digits.hashCode();
  }

  @Override
  public String toString() {
    return masked();
  }
}
