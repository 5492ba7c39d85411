package vn.healthgate.routes.portal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The free-text sentences the portal uses where it has no code for what it means: that a number already exists, whether
 * the copy it holds has the same content, and where its transaction id stands in the text. They are configuration
 * ({@code gateway.portal.answers} in the gateway), not code: when the portal words them differently, an admin changes the
 * YAML. Matching ignores case and Unicode composition (NFC).
 */
public record PortalPhrases(List<String> duplicate, List<String> sameContent, List<String> differentContent, String transactionMarker) {

  public PortalPhrases {
    duplicate = normalised(duplicate, "duplicate");
    sameContent = normalised(sameContent, "sameContent");
    differentContent = normalised(differentContent, "differentContent");
    transactionMarker = normalise(Objects.requireNonNull(transactionMarker, "transactionMarker"));
  }

  /** Whether {@code text} contains any of {@code phrases} (already normalised). */
  public static boolean says(String text, List<String> phrases) {
    String normalised = text == null ? "" : normalise(text);
    return phrases.stream().anyMatch(normalised::contains);
  }

  static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  private static List<String> normalised(List<String> phrases, String name) {
    if (phrases == null || phrases.isEmpty() || phrases.stream().anyMatch(p -> p == null || p.isBlank())) {
      throw new IllegalArgumentException("portal answer phrases '" + name + "' must name at least one non-blank phrase");
    }
    return phrases.stream().map(PortalPhrases::normalise).toList();
  }
}
