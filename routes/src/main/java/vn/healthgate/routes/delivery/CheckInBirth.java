package vn.healthgate.routes.delivery;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/**
 * A check-in's {@code birthDate} as XML 0 carries it ({@code NGAY_SINH}, {@code yyyyMMddHHmm}): a real date, a real
 * month of a year ({@code yyyy-MM}, day sent as {@code 00}) or a year ({@code yyyy}, month and day {@code 00}) when the
 * records hold no more, or a date with the time of birth ({@code yyyy-MM-ddTHH:mm}, Vietnam time, or with an offset),
 * which a newborn's record should carry; without a time, {@code 0000}. Not in the future, not before 1880.
 */
record CheckInBirth(int year, Integer month, LocalDate date, LocalDateTime time) {
  private static final String FIELD = "birthDate";
  private static final int EARLIEST_YEAR = 1880;
  /** A newborn, for the time of birth: the first 28 days of life. */
  private static final int NEWBORN_DAYS = 28;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

  static CheckInBirth parse(String value, LocalDateTime now) {
    if (value == null || value.isBlank()) {
      throw new GatewayException(ErrorCode.FIELD_REQUIRED, FIELD);
    }
    String v = value.trim();
    CheckInBirth birth;
    try {
      if (v.matches("\\d{4}")) {
        birth = new CheckInBirth(Integer.parseInt(v), null, null, null);
      } else if (v.matches("\\d{4}-\\d{2}")) {
        YearMonth month = YearMonth.parse(v);
        birth = new CheckInBirth(month.getYear(), month.getMonthValue(), null, null);
      } else if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
        LocalDate date = LocalDate.parse(v);
        birth = new CheckInBirth(date.getYear(), date.getMonthValue(), date, null);
      } else if (v.matches("\\d{4}-\\d{2}-\\d{2}T.+")) {
        LocalDateTime time = FieldChecks.dateTime(v, FIELD, now, true);
        birth = new CheckInBirth(time.getYear(), time.getMonthValue(), time.toLocalDate(), time);
      } else {
        throw new GatewayException(ErrorCode.FIELD_FORMAT, FIELD);
      }
    } catch (DateTimeException e) {
      throw new GatewayException(ErrorCode.FIELD_FORMAT, FIELD);
    }
    if (birth.year < EARLIEST_YEAR) {
      throw new GatewayException(ErrorCode.FIELD_FORMAT, FIELD);
    }
    if (birth.after(now)) {
      throw new GatewayException(ErrorCode.DATE_IN_FUTURE, FIELD);
    }
    return birth;
  }

  private boolean after(LocalDateTime now) {
    LocalDate today = now.toLocalDate();
    if (date != null) {
      return date.isAfter(today);
    }
    if (month != null) {
      return YearMonth.of(year, month).isAfter(YearMonth.from(today));
    }
    return year > today.getYear();
  }

  /** {@code yyyyMMddHHmm}, {@code 00} for an unknown month or day, {@code 0000} for an unknown time. */
  String portalText() {
    if (time != null) {
      return time.format(STAMP);
    }
    if (date != null) {
      return String.format("%04d%02d%02d0000", year, month, date.getDayOfMonth());
    }
    return String.format("%04d%02d000000", year, month == null ? 0 : month);
  }

  /** Born less than 28 days before {@code arrival}, and sent without the time of birth. */
  boolean newbornWithoutTime(LocalDate arrival) {
    return time == null && date != null && !date.isAfter(arrival) && ChronoUnit.DAYS.between(date, arrival) < NEWBORN_DAYS;
  }
}
