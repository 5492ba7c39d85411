package vn.healthgate.routes.identity;

/** Masks personal identifiers before they reach a log line, a metric or an error text. */
public final class Masking {
  private Masking() {}

  /** {@code 070090000123} → {@code 070*******23}; anything else of 6+ characters keeps 3 + 2. */
  public static String cccd(String value) {
    if (value == null) {
      return null;
    }
    if (value.length() < 6) {
      return "*".repeat(value.length());
    }
    return value.substring(0, 3) + "*".repeat(value.length() - 5) + value.substring(value.length() - 2);
  }

  /** {@code NGUYỄN VĂN AN} → {@code N. V. A.}: initials only. */
  public static String name(String value) {
    if (value == null || value.isBlank()) {
      return value;
    }
    StringBuilder out = new StringBuilder();
    for (String part : value.trim().split("\\s+")) {
      out.append(part.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)).append(". ");
    }
    return out.toString().trim();
  }
}
