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

  private VietnameseNames() {}

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
