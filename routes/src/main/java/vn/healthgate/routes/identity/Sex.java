package vn.healthgate.routes.identity;

import vn.healthgate.routes.text.CleanText;

/** One internal sex enum, mapped at each edge (XML 130: 1/2/3; certificate API: 0/1; lookup: Nam/Nữ). */
public enum Sex {
  MALE,
  FEMALE,
  UNDETERMINED;

  /** From the portal lookup's {@code gioiTinh} or the QR code's word. */
  public static Sex fromVietnameseWord(String word) {
    if (word == null) {
      return UNDETERMINED;
    }
    String w = CleanText.of(word).toLowerCase(java.util.Locale.ROOT);
    if (w.equals("nam")) {
      return MALE;
    }
    if (w.equals("nữ") || w.equals("nu")) {
      return FEMALE;
    }
    return UNDETERMINED;
  }
}
