package vn.healthgate.routes.identity;

import java.text.Normalizer;
import java.util.regex.Pattern;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/** Full names: NFC-normalised, trimmed, inner whitespace collapsed, letters only. */
public final class PersonName {
  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'\\-]{0,254}");

  private PersonName() {}

  public static String normalise(String text) {
    return Normalizer.normalize(text.trim().replaceAll("\\s+", " "), Normalizer.Form.NFC);
  }

  /** The normalised name, or a {@link ErrorCode#NAME_FORMAT} error for {@code field}. */
  public static String parse(String text, String field) {
    String name = normalise(text);
    if (!ALLOWED.matcher(name).matches()) {
      throw new GatewayException(ErrorCode.NAME_FORMAT, field);
    }
    return name;
  }
}
