package vn.healthgate.routes.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the tone mark sits in an open syllable whose vowels are {@code oa}, {@code oe} or {@code uy}: on the first
 * vowel ({@code HÒA}, {@code KHỎE}, {@code THỦY}) or on the second ({@code HOÀ}, {@code KHOẺ}, {@code THUỶ}). Both
 * spellings are correct Vietnamese and both are in records; Unicode normalisation keeps them apart (they are
 * different letters), so a name typed in one does not equal the same name registered in the other. A syllable
 * with a final consonant ({@code HOÀN}, {@code THUYỀN}) has one placement only, and so does {@code qu}+{@code y}
 * ({@code QUÝ}: the {@code u} belongs to the {@code qu}). ADR 0013 says how the gateway uses this.
 */
public final class TonePlacement {
  /** The five tone marks as combining characters: grave, acute, tilde, hook above, dot below. */
  private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";
  private static final List<String> NUCLEI = List.of("oa", "oe", "uy");

  private TonePlacement() {}

  /** {@code name} with the mark of every such syllable on its first vowel ({@code HÒA}). */
  public static String onFirstVowel(String name) {
    return eachWord(name, 0);
  }

  /** {@code name} with the mark of every such syllable on its second vowel ({@code HOÀ}). */
  public static String onSecondVowel(String name) {
    return eachWord(name, 1);
  }

  /**
   * {@code name} spelled with the other placement: every such syllable on the second vowel if that changes the
   * name, otherwise every one on the first; empty when no syllable of the name can be spelled two ways.
   */
  public static Optional<String> otherPlacement(String name) {
    String composed = Normalizer.normalize(name, Normalizer.Form.NFC);
    String second = onSecondVowel(composed);
    if (!second.equals(composed)) {
      return Optional.of(second);
    }
    String first = onFirstVowel(composed);
    return first.equals(composed) ? Optional.empty() : Optional.of(first);
  }

  /** Each word of {@code name} (NFC) with its mark moved, if it has a syllable spelled two ways. */
  private static String eachWord(String name, int target) {
    String[] words = Normalizer.normalize(name, Normalizer.Form.NFC).split(" ", -1);
    for (int i = 0; i < words.length; i++) {
      words[i] = word(words[i], target);
    }
    return String.join(" ", words);
  }

  /** One word: letters with their combining marks (NFD); the tone moved to the nucleus vowel {@code target} (0 or 1). */
  private static String word(String word, int target) {
    List<StringBuilder> letters = new ArrayList<>();
    for (char c : Normalizer.normalize(word, Normalizer.Form.NFD).toCharArray()) {
      if (Character.getType(c) == Character.NON_SPACING_MARK && !letters.isEmpty()) {
        letters.get(letters.size() - 1).append(c);
      } else {
        letters.add(new StringBuilder().append(c));
      }
    }
    int n = letters.size();
    if (n < 2) {
      return word;
    }
    String nucleus = ("" + base(letters.get(n - 2)) + base(letters.get(n - 1))).toLowerCase(Locale.ROOT);
    boolean afterQu = nucleus.equals("uy") && n >= 3 && Character.toLowerCase(base(letters.get(n - 3))) == 'q';
    if (!NUCLEI.contains(nucleus) || afterQu) {
      return word;
    }
    StringBuilder first = letters.get(n - 2);
    StringBuilder second = letters.get(n - 1);
    if (!onlyTone(first) || !onlyTone(second)) {
      return word;
    }
    String tone = tone(first) + tone(second);
    if (tone.length() != 1) {
      return word;
    }
    letters.set(n - 2, new StringBuilder().append(base(first)).append(target == 0 ? tone : ""));
    letters.set(n - 1, new StringBuilder().append(base(second)).append(target == 1 ? tone : ""));
    return Normalizer.normalize(String.join("", letters), Normalizer.Form.NFC);
  }

  private static char base(StringBuilder letter) {
    return letter.charAt(0);
  }

  private static String tone(StringBuilder letter) {
    return letter.length() > 1 ? letter.substring(1) : "";
  }

  /** The letter carries no mark other than one tone ({@code ô}, {@code ư}, {@code ê} are other vowels). */
  private static boolean onlyTone(StringBuilder letter) {
    return letter.length() == 1 || (letter.length() == 2 && TONES.indexOf(letter.charAt(1)) >= 0);
  }
}
