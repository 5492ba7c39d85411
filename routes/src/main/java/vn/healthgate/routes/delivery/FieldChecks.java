package vn.healthgate.routes.delivery;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.identity.PersonName;
import vn.healthgate.routes.text.CleanText;

/** Field rules shared by the document validators; each failure names the field (JSON path). */
final class FieldChecks {
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
  static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private FieldChecks() {}

  /** Nothing a reader would see: null, or only spaces of any kind and invisible characters (what {@link CleanText} removes). */
  static boolean blank(String s) {
    return s == null || CleanText.of(s).isEmpty();
  }

  static String required(String value, String field, int maxLength) {
    if (blank(value)) {
      throw new GatewayException(ErrorCode.FIELD_REQUIRED, field);
    }
    return optional(value, field, maxLength);
  }

  static String optional(String value, String field, int maxLength) {
    if (blank(value)) {
      return "";
    }
    String v = CleanText.of(value);
    if (v.length() > maxLength) {
      throw new GatewayException(ErrorCode.FIELD_TOO_LONG, field);
    }
    return v;
  }

  static String name(String value, String field) {
    if (blank(value)) {
      throw new GatewayException(ErrorCode.FIELD_REQUIRED, field);
    }
    try {
      return PersonName.parse(value, field);
    } catch (GatewayException e) {
      throw new GatewayException(ErrorCode.FIELD_FORMAT, field);
    }
  }

  static String pattern(String value, String field, String regex) {
    if (!value.isEmpty() && !value.matches(regex)) {
      throw new GatewayException(ErrorCode.FIELD_FORMAT, field);
    }
    return value;
  }

  static LocalDate date(String value, String field, LocalDate today, boolean required) {
    if (blank(value)) {
      if (required) {
        throw new GatewayException(ErrorCode.FIELD_REQUIRED, field);
      }
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value.trim());
    } catch (DateTimeException e) {
      throw new GatewayException(ErrorCode.FIELD_FORMAT, field);
    }
    if (date.isAfter(today)) {
      throw new GatewayException(ErrorCode.DATE_IN_FUTURE, field);
    }
    return date;
  }

  /** ISO date-time with offset ({@code 2026-11-26T08:30:00+07:00}) or local ({@code 2026-11-26T08:30}, Vietnam time). */
  static LocalDateTime dateTime(String value, String field, LocalDateTime now, boolean required) {
    if (blank(value)) {
      if (required) {
        throw new GatewayException(ErrorCode.FIELD_REQUIRED, field);
      }
      return null;
    }
    LocalDateTime time;
    try {
      String v = value.trim();
      time = v.matches(".*([+-]\\d{2}:\\d{2}|Z)$")
          ? OffsetDateTime.parse(v).atZoneSameInstant(VIETNAM).toLocalDateTime()
          : LocalDateTime.parse(v);
    } catch (DateTimeException e) {
      throw new GatewayException(ErrorCode.FIELD_FORMAT, field);
    }
    if (time.isAfter(now.plusMinutes(5))) {
      throw new GatewayException(ErrorCode.DATE_IN_FUTURE, field);
    }
    return time;
  }
}
