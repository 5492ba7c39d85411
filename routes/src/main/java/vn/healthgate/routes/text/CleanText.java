package vn.healthgate.routes.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Names and free text as the gateway keeps and sends them, whatever keyboard, scanner or export produced them:
 * invisible format characters removed (Unicode category Cf: a byte-order mark U+FEFF, zero-width spaces and
 * joiners, direction marks, soft hyphens); every run of spaces (any Unicode space separator, such as the
 * non-breaking U+00A0 or the ideographic U+3000, and tabs and line breaks) one ASCII space, none at either end;
 * the Icelandic eth {@code Ð}/{@code ð} (U+00D0/U+00F0, what a Windows-1258 {@code Đ}/{@code đ} becomes when read
 * as Windows-1252, and what some fonts' pickers offer for it) the Vietnamese {@code Đ}/{@code đ} (U+0110/U+0111);
 * then Unicode NFC. Characters a signed document cannot carry are refused before, by {@link TextCharacters}.
 */
public final class CleanText {
  private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}+");
  private static final Pattern SPACES = Pattern.compile("[\\p{Z}\\s]+");

  private CleanText() {}

  public static String of(String text) {
    String visible = INVISIBLE.matcher(text).replaceAll("");
    String spaced = SPACES.matcher(visible).replaceAll(" ").trim();
    String vietnameseD = spaced.replace('\u00D0', '\u0110').replace('\u00F0', '\u0111');
    return Normalizer.normalize(vietnameseD, Normalizer.Form.NFC);
  }
}
