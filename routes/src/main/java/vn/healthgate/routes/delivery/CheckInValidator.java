package vn.healthgate.routes.delivery;

import static vn.healthgate.routes.delivery.FieldChecks.DAY;
import static vn.healthgate.routes.delivery.FieldChecks.STAMP;
import static vn.healthgate.routes.delivery.FieldChecks.blank;
import static vn.healthgate.routes.delivery.FieldChecks.optional;
import static vn.healthgate.routes.delivery.FieldChecks.pattern;
import static vn.healthgate.routes.delivery.FieldChecks.required;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.identity.BirthDate;
import vn.healthgate.routes.identity.CardCode;
import vn.healthgate.routes.identity.Cccd;
import vn.healthgate.routes.identity.Sex;
import vn.healthgate.routes.text.TextCharacters;

/**
 * Checks every field of XML 0 ({@code docs/portal-contract.md}, {@code docs/field-rules.md}) as the portal does, and
 * more, and builds the portal document; card fields come from the latest eligibility check when absent.
 */
public class CheckInValidator {
  private final Clock clock;
  private final LatestEligibility eligibility;

  public CheckInValidator(Clock clock, LatestEligibility eligibility) {
    this.clock = clock;
    this.eligibility = eligibility;
  }

  public PortalDocument validate(CheckInRequest r) {
    TextCharacters.check(r);
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), FieldChecks.VIETNAM);
    List<String> warnings = new ArrayList<>();
    String facility = pattern(required(r.facilityCode(), "facilityCode", 5), "facilityCode", "\\d{5}");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("MA_LK", required(r.episodeId(), "episodeId", 100));
    // the record's position in the file: the gateway sends one record per file
    f.put("STT", "1");
    f.put("MA_BN", required(r.patientId(), "patientId", 100));
    f.put("HO_TEN", FieldChecks.name(r.fullName(), "fullName"));
    if (f.get("HO_TEN").length() > 255) {
      throw new GatewayException(ErrorCode.FIELD_TOO_LONG, "fullName");
    }
    String cccd = optional(r.cccd(), "cccd", 15);
    pattern(cccd, "cccd", "\\d{12}|\\d{9}|[A-Z0-9]{6,15}");
    CheckInBirth birth = CheckInBirth.parse(r.birthDate(), now);
    Sex sex = sex(r.sex());
    if (cccd.matches("\\d{12}")) {
      Cccd.parse(cccd, "cccd").checkAgainst(new BirthDate(LocalDate.of(birth.year(), 1, 1), true), Optional.of(sex), "cccd");
    }
    f.put("SO_CCCD", cccd);
    f.put("NGAY_SINH", birth.portalText());
    f.put("GIOI_TINH", switch (sex) {
      case MALE -> "1";
      case FEMALE -> "2";
      case UNDETERMINED -> "3";
    });
    String card = optional(r.cardNumber(), "cardNumber", 50).toUpperCase(Locale.ROOT);
    if (!card.isEmpty() && !CardCode.isValid(card)) {
      throw new GatewayException(ErrorCode.FIELD_FORMAT, "cardNumber");
    }
    String registered = pattern(optional(r.registeredFacility(), "registeredFacility", 50), "registeredFacility", "\\d{5}");
    String from = day(r.cardValidFrom(), "cardValidFrom");
    String to = day(r.cardValidTo(), "cardValidTo");
    if (!from.isEmpty() && !to.isEmpty() && to.compareTo(from) < 0) {
      throw new GatewayException(ErrorCode.FIELD_FORMAT, "cardValidTo");
    }
    if (card.isEmpty() && cccd.matches("\\d{12}")) {
      Optional<CardSnapshot> latest = eligibility.latestCard(facility, cccd);
      if (latest.isPresent()) {
        CardSnapshot s = latest.get();
        card = nullToEmpty(s.cardNumber());
        registered = registered.isEmpty() ? nullToEmpty(s.registeredFacility()) : registered;
        from = from.isEmpty() && s.validFrom() != null ? s.validFrom().format(DAY) : from;
        to = to.isEmpty() && s.validTo() != null ? s.validTo().format(DAY) : to;
        warnings.add("card fields filled from the latest eligibility check");
      }
    }
    f.put("MA_THE_BHYT", card);
    f.put("MA_DKBD", registered);
    f.put("GT_THE_TU", from);
    f.put("GT_THE_DEN", to);
    f.put("MA_DOITUONG_KCB", pattern(required(r.visitCategory(), "visitCategory", 4), "visitCategory", "[0-9]{1,2}(\\.[0-9]{1,2})?"));
    LocalDateTime arrived = FieldChecks.dateTime(r.arrivedAt(), "arrivedAt", now, true);
    f.put("NGAY_VAO", arrived.format(STAMP));
    if (birth.newbornWithoutTime(arrived.toLocalDate())) {
      warnings.add("birthDate of a newborn without the time of birth: NGAY_SINH sent with 0000");
    }
    LocalDateTime admitted = FieldChecks.dateTime(r.admittedAt(), "admittedAt", now, false);
    f.put("NGAY_VAO_NOI_TRU", admitted == null ? "" : admitted.format(STAMP));
    String reason = optional(r.admissionReason(), "admissionReason", 1024);
    if (admitted != null && reason.isEmpty()) {
      throw new GatewayException(ErrorCode.FIELD_REQUIRED, "admissionReason");
    }
    if (admitted != null && admitted.isBefore(arrived)) {
      throw new GatewayException(ErrorCode.FIELD_FORMAT, "admittedAt");
    }
    f.put("LY_DO_VNT", reason);
    f.put("MA_LY_DO_VNT", optional(r.admissionReasonCode(), "admissionReasonCode", 5));
    f.put("MA_LOAI_KCB", pattern(required(r.visitType(), "visitType", 2), "visitType", "0[1-9]"));
    f.put("MA_CSKCB", facility);
    boolean hasService = r.firstService() != null && !blank(r.firstService().code());
    boolean hasDrug = r.firstDrug() != null && !blank(r.firstDrug().code());
    boolean hasSupply = r.firstSupply() != null && !blank(r.firstSupply().code());
    if (!hasService && !hasDrug && !hasSupply) {
      throw new GatewayException(ErrorCode.FIELD_REQUIRED, "firstService.code");
    }
    item(f, r.firstService(), "firstService", "MA_DICH_VU", "TEN_DICH_VU", 50);
    item(f, r.firstDrug(), "firstDrug", "MA_THUOC", "TEN_THUOC", 255);
    item(f, r.firstSupply(), "firstSupply", "MA_VAT_TU", "TEN_VAT_TU", 255);
    LocalDateTime ordered = FieldChecks.dateTime(r.orderedAt(), "orderedAt", now, true);
    if (ordered.isBefore(arrived)) {
      throw new GatewayException(ErrorCode.FIELD_FORMAT, "orderedAt");
    }
    f.put("NGAY_YL", ordered.format(STAMP));
    f.put("DU_PHONG", optional(r.reserved(), "reserved", 1024));
    return new PortalDocument(DocumentKind.CHECK_IN, facility, f.get("MA_LK"), "ADD", f, warnings);
  }

  private static void item(Map<String, String> f, CheckInRequest.Item item, String field, String codeElement, String nameElement, int codeLength) {
    boolean present = item != null && !blank(item.code());
    f.put(codeElement, present ? optional(item.code(), field + ".code", codeLength) : "");
    String name = present ? optional(item.name(), field + ".name", 1024) : "";
    if (present && name.isEmpty()) {
      throw new GatewayException(ErrorCode.FIELD_REQUIRED, field + ".name");
    }
    f.put(nameElement, name);
  }

  private static Sex sex(String value) {
    if (blank(value)) {
      throw new GatewayException(ErrorCode.FIELD_REQUIRED, "sex");
    }
    return switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "MALE" -> Sex.MALE;
      case "FEMALE" -> Sex.FEMALE;
      case "UNDETERMINED" -> Sex.UNDETERMINED;
      default -> throw new GatewayException(ErrorCode.SEX_INVALID, "sex");
    };
  }

  private static String day(String value, String field) {
    if (blank(value)) {
      return "";
    }
    try {
      return LocalDate.parse(value.trim()).format(DAY);
    } catch (DateTimeException e) {
      throw new GatewayException(ErrorCode.FIELD_FORMAT, field);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
