package vn.healthgate.simulator.portal;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The identifier rules the simulated portal applies ({@code docs/portal-contract.md}): CCCD structure and its agreement
 * with birth year and sex, card codes, province codes. Personal values never appear in the messages.
 */
public final class Identifiers {

  /** The 63 provinces' codes as the CCCD's first three digits (birth registration), unchanged by the 2025 merger. */
  public static final Set<String> CCCD_PROVINCES = Set.of(
      "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025", "026", "027",
      "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048", "049", "051", "052", "054",
      "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084",
      "086", "087", "089", "091", "092", "093", "094", "095", "096");

  /** Administrative province codes (two digits): the same table without its leading zero. */
  public static final Set<String> PROVINCES = twoDigit();

  /** The Ministry of Defence's social security issues its cards under province code 97 (the portal answers 001). */
  public static final String DEFENCE_PROVINCE = "97";

  /** The Ministry of Public Security's social security issues its cards under province code 98 (the portal answers 002). */
  public static final String PUBLIC_SECURITY_PROVINCE = "98";

  /** Province codes a card code (characters 4–5) may carry: the provinces' offices and the two ministries'. */
  public static final Set<String> CARD_PROVINCES = cardProvinces();

  /** Beneficiary groups (characters 1–2 of a card code) the lookup knows. */
  public static final Set<String> CARD_GROUPS = Set.of(
      "DN", "HC", "CH", "HT", "TE", "HS", "SV", "GD", "HN", "CN", "QN", "CA", "CY", "CK", "BT", "XB", "NO", "TC", "TQ", "TA", "TY", "HG",
      "LS", "MS", "XD", "CB", "KC", "HD", "TB", "NN", "DT", "PV", "XN", "TS", "XK", "XV", "CC", "CD", "NC");

  private static final Pattern CARD_CODE = Pattern.compile("[A-Z]{2}[1-5]\\d{12}");

  private Identifiers() {}

  /** A 15-character card code: two letters, benefit level 1–5, a card province code, the 10-digit social-insurance number. */
  public static boolean isCardCode(String value) {
    return CARD_CODE.matcher(value).matches() && CARD_PROVINCES.contains(value.substring(3, 5));
  }

  /**
   * What is wrong with a personal identification number (CCCD, old 9-digit ID or passport), or empty. A 12-digit
   * number is a CCCD: its province must be known, its 4th digit must agree with the birth year's century and with the
   * sex (when known), its 5th–6th digits with the birth year.
   */
  public static Optional<String> idNumberProblem(String value, int birthYear, Optional<Boolean> female) {
    if (!value.matches("\\d{12}|\\d{9}|[A-Z0-9]{6,15}")) {
      return Optional.of("không phải số CCCD (12 chữ số), CMND (9 chữ số) hay hộ chiếu");
    }
    if (!value.matches("\\d{12}")) {
      return Optional.empty();
    }
    if (!CCCD_PROVINCES.contains(value.substring(0, 3))) {
      return Optional.of("3 chữ số đầu của CCCD không phải mã tỉnh");
    }
    int centuryDigit = value.charAt(3) - '0';
    int centuryIndex = birthYear / 100 - 19;
    if (centuryDigit / 2 != centuryIndex) {
      return Optional.of("chữ số thứ 4 của CCCD (thế kỷ) không khớp năm sinh");
    }
    if (Integer.parseInt(value.substring(4, 6)) != birthYear % 100) {
      return Optional.of("chữ số thứ 5-6 của CCCD không khớp năm sinh");
    }
    if (female.isPresent() && female.get() != (centuryDigit % 2 == 1)) {
      return Optional.of("chữ số thứ 4 của CCCD (giới tính) không khớp giới tính");
    }
    return Optional.empty();
  }

  private static Set<String> twoDigit() {
    Set<String> codes = new HashSet<>();
    CCCD_PROVINCES.forEach(code -> codes.add(code.substring(1)));
    return Set.copyOf(codes);
  }

  private static Set<String> cardProvinces() {
    Set<String> codes = new HashSet<>(twoDigit());
    codes.add(DEFENCE_PROVINCE);
    codes.add(PUBLIC_SECURITY_PROVINCE);
    return Set.copyOf(codes);
  }
}
