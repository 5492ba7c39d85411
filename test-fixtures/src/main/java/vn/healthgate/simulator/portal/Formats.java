package vn.healthgate.simulator.portal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** The portal's date formats, read strictly (a 31st of February is no date). */
final class Formats {
  /** XML 130 time stamps. */
  static final DateTimeFormatter STAMP = strict("uuuuMMddHHmm");
  /** XML 130 days. */
  static final DateTimeFormatter DAY = strict("uuuuMMdd");
  /** The lookup and certificate APIs' days. */
  static final DateTimeFormatter DMY = strict("dd/MM/uuuu");

  private Formats() {}

  static Optional<LocalDateTime> stamp(String value) {
    try {
      return value.matches("\\d{12}") ? Optional.of(LocalDateTime.parse(value, STAMP)) : Optional.empty();
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  static Optional<LocalDate> day(String value) {
    return parse(value, "\\d{8}", DAY);
  }

  static Optional<LocalDate> dmy(String value) {
    return parse(value, "\\d{2}/\\d{2}/\\d{4}", DMY);
  }

  /**
   * XML 130's {@code NGAY_SINH}: {@code yyyyMMddHHmm} where an unknown day, or month and day, is {@code 00} and an
   * unknown time {@code 0000}. The earliest day it can mean (the 1st of the month or of the year when unknown).
   */
  static Optional<LocalDate> birth(String value) {
    if (!value.matches("\\d{12}")) {
      return Optional.empty();
    }
    int year = Integer.parseInt(value.substring(0, 4));
    int month = Integer.parseInt(value.substring(4, 6));
    int day = Integer.parseInt(value.substring(6, 8));
    String time = value.substring(8);
    if ((month == 0 && day != 0) || (!time.equals("0000") && (day == 0 || stamp(value).isEmpty()))) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(year, month == 0 ? 1 : month, day == 0 ? 1 : day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> parse(String value, String shape, DateTimeFormatter format) {
    try {
      return value.matches(shape) ? Optional.of(LocalDate.parse(value, format)) : Optional.empty();
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static DateTimeFormatter strict(String pattern) {
    return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
  }
}
