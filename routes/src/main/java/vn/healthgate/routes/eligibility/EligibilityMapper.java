package vn.healthgate.routes.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import vn.healthgate.routes.identity.Sex;
import vn.healthgate.routes.portal.CardLookupReply;

/** Turns the portal's reply into the gateway's answer through the {@link PortalResultCode} table. */
public class EligibilityMapper {
  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
  private final Clock clock;

  public EligibilityMapper(Clock clock) {
    this.clock = clock;
  }

  public EligibilityResult map(CardLookupReply reply, CardLookupReply history) {
    PortalResultCode code = PortalResultCode.of(reply.maKetQua()).orElse(null);
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), EligibilityValidator.VIETNAM).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    if (code == null) {
      return new EligibilityResult(false, Outcome.RETRY_LATER, reply.maKetQua(), ResultCategory.PORTAL,
          "The portal answered with an unknown code. Try again, or check manually.",
          "Cổng trả về mã không xác định. Vui lòng thử lại hoặc kiểm tra thủ công.", reply.ghiChu(), null, null, null, List.of(), now);
    }
    return new EligibilityResult(code.eligible(), code.outcome(), code.code(), code.category(), code.english(), code.vietnamese(),
        reply.ghiChu(), card(reply), newCard(reply), patient(reply), visits(history), now);
  }

  private static EligibilityResult.Card card(CardLookupReply r) {
    if (r.maThe() == null) {
      return null;
    }
    return new EligibilityResult.Card(r.maThe(), r.maSoBHXH(), date(r.gtTheTu()), date(r.gtTheDen()), r.maDKBD(), null,
        benefitLevel(r.maThe()), date(r.ngayDu5Nam()), blankToNull(r.maKV()), r.cqBHXH());
  }

  private static EligibilityResult.Card newCard(CardLookupReply r) {
    if (r.maTheMoi() == null) {
      return null;
    }
    return new EligibilityResult.Card(r.maTheMoi(), r.maSoBHXH(), date(r.gtTheTuMoi()), date(r.gtTheDenMoi()), r.maDKBDMoi(),
        r.tenDKBDMoi(), benefitLevel(r.maTheMoi()), date(r.ngayDu5Nam()), blankToNull(r.maKV()), r.cqBHXH());
  }

  private static EligibilityResult.Patient patient(CardLookupReply r) {
    if (r.hoTen() == null) {
      return null;
    }
    String birth = r.ngaySinh();
    if (birth != null && birth.matches("\\d{2}/\\d{2}/\\d{4}")) {
      birth = date(birth).toString();
    }
    return new EligibilityResult.Patient(r.hoTen(), birth, Sex.fromVietnameseWord(r.gioiTinh()), r.diaChi());
  }

  private static List<EligibilityResult.Visit> visits(CardLookupReply history) {
    if (history == null || history.dsLichSuKCB2025() == null) {
      return List.of();
    }
    return history.dsLichSuKCB2025().stream()
        .map(v -> new EligibilityResult.Visit(v.maHoSo(), v.maCSKCB(), stamp(v.ngayVao()), stamp(v.ngayRa()), v.tenBenh()))
        .toList();
  }

  private static Integer benefitLevel(String cardNumber) {
    return cardNumber != null && cardNumber.length() == 15 && Character.isDigit(cardNumber.charAt(2)) ? cardNumber.charAt(2) - '0' : null;
  }

  private static LocalDate date(String text) {
    try {
      return text == null || text.isBlank() ? null : LocalDate.parse(text.trim(), DMY);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static OffsetDateTime stamp(String text) {
    try {
      return text == null || text.isBlank() ? null
          : LocalDateTime.parse(text.trim(), STAMP).atZone(EligibilityValidator.VIETNAM).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
