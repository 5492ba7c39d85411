package vn.healthgate.routes.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/** A birth date, or only a birth year when that is all the records hold. */
public record BirthDate(LocalDate date, boolean yearOnly) {

  private static final DateTimeFormatter PORTAL = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** Parses {@code yyyy-MM-dd} or {@code yyyy}; a date after {@code today} is refused. */
  public static BirthDate parse(String text, LocalDate today, String field) {
    String value = text.trim();
    BirthDate parsed;
    try {
      if (value.matches("\\d{4}")) {
        parsed = new BirthDate(LocalDate.of(Integer.parseInt(value), 1, 1), true);
      } else if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
        parsed = new BirthDate(LocalDate.parse(value), false);
      } else {
        throw new GatewayException(ErrorCode.BIRTHDATE_FORMAT, field);
      }
    } catch (DateTimeException e) {
      throw new GatewayException(ErrorCode.BIRTHDATE_FORMAT, field);
    }
    if (parsed.year() < 1880) {
      throw new GatewayException(ErrorCode.BIRTHDATE_FORMAT, field);
    }
    if (parsed.date.isAfter(today)) {
      throw new GatewayException(ErrorCode.BIRTHDATE_FUTURE, field);
    }
    return parsed;
  }

  public int year() {
    return date.getYear();
  }

  /** As the portal's lookup wants it: {@code dd/MM/yyyy}, or {@code yyyy}. */
  public String portalText() {
    return yearOnly ? String.valueOf(date.getYear()) : date.format(PORTAL);
  }

  /** ISO text: {@code yyyy-MM-dd}, or {@code yyyy}. */
  public String isoText() {
    return yearOnly ? String.valueOf(date.getYear()) : date.toString();
  }
}
