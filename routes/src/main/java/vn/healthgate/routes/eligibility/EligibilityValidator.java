package vn.healthgate.routes.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.identity.BirthDate;
import vn.healthgate.routes.identity.Cccd;
import vn.healthgate.routes.identity.CccdQr;
import vn.healthgate.routes.identity.PersonName;
import vn.healthgate.routes.identity.Sex;
import vn.healthgate.routes.text.TextCharacters;

/** Checks an eligibility request before any portal call; each failure carries its own catalogue code. */
public class EligibilityValidator {
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private final Clock clock;

  public EligibilityValidator(Clock clock) {
    this.clock = clock;
  }

  public EligibilityQuery validate(EligibilityRequest request) {
    TextCharacters.check(request);
    LocalDate today = LocalDate.ofInstant(clock.instant(), VIETNAM);
    if (blank(request.facilityCode())) {
      throw new GatewayException(ErrorCode.FACILITY_MISSING, "facilityCode");
    }
    long identifiers = Stream.of(request.cccd(), request.qr(), request.cardNumber()).filter(v -> !blank(v)).count();
    if (identifiers == 0) {
      throw new GatewayException(ErrorCode.PATIENT_ID_MISSING, "cccd");
    }
    if (identifiers > 1) {
      throw new GatewayException(ErrorCode.PATIENT_ID_AMBIGUOUS, "cccd");
    }
    Officer officer = officer(request.officer());
    Optional<Sex> sex = sex(request.sex());

    Cccd cccd = null;
    String cardNumber = null;
    String name = blank(request.fullName()) ? null : PersonName.parse(request.fullName(), "fullName");
    BirthDate birth = blank(request.birthDate()) ? null : BirthDate.parse(request.birthDate(), today, "birthDate");
    String idField = "cccd";
    if (!blank(request.qr())) {
      CccdQr qr = CccdQr.parse(request.qr(), today);
      cccd = qr.cccd();
      name = name == null ? qr.fullName() : name;
      birth = birth == null ? qr.birthDate() : birth;
      sex = sex.isPresent() ? sex : Optional.of(qr.sex());
      idField = "qr";
    } else if (!blank(request.cccd())) {
      cccd = Cccd.parse(request.cccd(), "cccd");
    } else {
      cardNumber = request.cardNumber().trim().toUpperCase(Locale.ROOT);
      if (!cardNumber.matches("[A-Z]{2}\\d{13}|\\d{10}")) {
        throw new GatewayException(ErrorCode.CARD_FORMAT, "cardNumber");
      }
    }
    if (name == null) {
      throw new GatewayException(ErrorCode.NAME_MISSING, "fullName");
    }
    if (birth == null) {
      throw new GatewayException(ErrorCode.BIRTHDATE_MISSING, "birthDate");
    }
    if (cccd != null) {
      cccd.checkAgainst(birth, sex, idField);
    }
    boolean history = Boolean.TRUE.equals(request.includeHistory());
    return new EligibilityQuery(request.facilityCode().trim(), cccd, cardNumber, name, birth, officer.name, officer.cccd, history);
  }

  private record Officer(String name, Cccd cccd) {}

  /** The reception officer: each fault named with its own code (name, CCCD length, CCCD province). */
  private static Officer officer(EligibilityRequest.Officer officer) {
    if (officer == null || (blank(officer.fullName()) && blank(officer.cccd()))) {
      throw new GatewayException(ErrorCode.OFFICER_MISSING, "officer");
    }
    String name;
    try {
      name = PersonName.parse(blank(officer.fullName()) ? "" : officer.fullName(), "officer.fullName");
    } catch (GatewayException e) {
      throw new GatewayException(ErrorCode.OFFICER_INVALID, "officer.fullName");
    }
    Cccd cccd;
    try {
      cccd = Cccd.parse(officer.cccd(), "officer.cccd");
    } catch (GatewayException e) {
      throw new GatewayException(e.errorCode() == ErrorCode.CCCD_PROVINCE ? ErrorCode.OFFICER_CCCD_PROVINCE : ErrorCode.OFFICER_CCCD_FORMAT, "officer.cccd");
    }
    return new Officer(name, cccd);
  }

  private static Optional<Sex> sex(String text) {
    if (blank(text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Sex.valueOf(text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new GatewayException(ErrorCode.SEX_INVALID, "sex");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
