package vn.healthgate.simulator.data;

import java.util.List;
import java.util.Random;

/** Synthetic Vietnamese full names (NFC, upper case as printed on the CCCD). */
public final class VietnameseNames {

  static final List<String> FAMILY =
      List.of("NGUYỄN", "TRẦN", "LÊ", "PHẠM", "HOÀNG", "HUỲNH", "PHAN", "VŨ", "VÕ", "ĐẶNG", "BÙI", "ĐỖ", "HỒ", "NGÔ", "DƯƠNG", "LÝ");
  static final List<String> MIDDLE_MALE = List.of("VĂN", "HỮU", "ĐỨC", "CÔNG", "QUANG", "MINH", "THANH");
  static final List<String> MIDDLE_FEMALE = List.of("THỊ", "NGỌC", "THU", "KIM", "MINH", "THANH", "HỒNG");
  static final List<String> GIVEN_MALE =
      List.of("AN", "BÌNH", "CƯỜNG", "DŨNG", "ĐẠT", "HẢI", "HÙNG", "KHOA", "LONG", "NAM", "PHONG", "QUÂN", "SƠN", "THẮNG", "TÚ", "VINH");
  static final List<String> GIVEN_FEMALE =
      List.of("ANH", "CHI", "DUNG", "GIANG", "HÀ", "HẠNH", "HƯƠNG", "LAN", "LINH", "MAI", "NGA", "NHUNG", "OANH", "THẢO", "TRANG", "YẾN");

  /**
   * Names with a syllable whose tone mark sits on the first vowel in one spelling and on the second in the other
   * ({@code oa}, {@code oe}, {@code uy} without a final consonant): both spellings are in real registries. Each entry
   * is {@code {first-vowel spelling, second-vowel spelling}}.
   */
  static final List<List<String>> TONE_PLACEMENT_GIVEN_FEMALE =
      List.of(List.of("HÒA", "HOÀ"), List.of("THỦY", "THUỶ"), List.of("THÚY", "THUÝ"), List.of("NHỤY", "NHUỴ"));
  static final List<List<String>> TONE_PLACEMENT_GIVEN_MALE =
      List.of(List.of("HÒA", "HOÀ"), List.of("THỤY", "THUỴ"), List.of("THỦY", "THUỶ"));
  /** A middle name spelled both ways ({@code NGUYỄN THÙY LINH} / {@code NGUYỄN THUỲ LINH}). */
  static final List<String> TONE_PLACEMENT_MIDDLE_FEMALE = List.of("THÙY", "THUỲ");

  private VietnameseNames() {}

  /**
   * {@code name} with its given name (and, for some women, its middle name) replaced by one spelled with the tone
   * mark on the first vowel ({@code secondVowel} false: {@code HÒA}) or on the second ({@code HOÀ}).
   */
  static String withTonePlacementVariant(String name, Random random, boolean female, boolean secondVowel) {
    String[] parts = name.split(" ");
    int spelling = secondVowel ? 1 : 0;
    List<List<String>> given = female ? TONE_PLACEMENT_GIVEN_FEMALE : TONE_PLACEMENT_GIVEN_MALE;
    parts[parts.length - 1] = given.get(random.nextInt(given.size())).get(spelling);
    if (female && parts.length == 3 && random.nextInt(3) == 0) {
      parts[1] = TONE_PLACEMENT_MIDDLE_FEMALE.get(spelling);
    }
    return String.join(" ", parts);
  }

  public static String fullName(Random random, boolean female) {
    String family = pick(random, FAMILY);
    String middle = pick(random, female ? MIDDLE_FEMALE : MIDDLE_MALE);
    String given = pick(random, female ? GIVEN_FEMALE : GIVEN_MALE);
    return family + " " + middle + " " + given;
  }

  private static String pick(Random random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
