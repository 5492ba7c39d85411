package vn.healthgate.routes.identity;

import java.util.regex.Pattern;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.text.CleanText;

/** Full names: cleaned as {@link CleanText} says (spaces, invisible characters, {@code Ð}, NFC), letters only. */
public final class PersonName {
  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'\\-]{0,254}");

  private PersonName() {}

  /** The normalised name, or a {@link ErrorCode#NAME_FORMAT} error for {@code field}. */
  public static String parse(String text, String field) {
    String name = CleanText.of(text);
    if (!ALLOWED.matcher(name).matches()) {
      throw new GatewayException(ErrorCode.NAME_FORMAT, field);
    }
    return name;
  }
}
