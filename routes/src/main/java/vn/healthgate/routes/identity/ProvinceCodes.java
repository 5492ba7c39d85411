package vn.healthgate.routes.identity;

import java.util.Map;
import java.util.Optional;

/** Province codes of the CCCD's first three digits, and as two-digit administrative codes ({@code docs/portal-contract.md}). */
public final class ProvinceCodes {
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("001", "Hà Nội"), Map.entry("002", "Hà Giang"), Map.entry("004", "Cao Bằng"), Map.entry("006", "Bắc Kạn"),
      Map.entry("008", "Tuyên Quang"), Map.entry("010", "Lào Cai"), Map.entry("011", "Điện Biên"), Map.entry("012", "Lai Châu"),
      Map.entry("014", "Sơn La"), Map.entry("015", "Yên Bái"), Map.entry("017", "Hòa Bình"), Map.entry("019", "Thái Nguyên"),
      Map.entry("020", "Lạng Sơn"), Map.entry("022", "Quảng Ninh"), Map.entry("024", "Bắc Giang"), Map.entry("025", "Phú Thọ"),
      Map.entry("026", "Vĩnh Phúc"), Map.entry("027", "Bắc Ninh"), Map.entry("030", "Hải Dương"), Map.entry("031", "Hải Phòng"),
      Map.entry("033", "Hưng Yên"), Map.entry("034", "Thái Bình"), Map.entry("035", "Hà Nam"), Map.entry("036", "Nam Định"),
      Map.entry("037", "Ninh Bình"), Map.entry("038", "Thanh Hóa"), Map.entry("040", "Nghệ An"), Map.entry("042", "Hà Tĩnh"),
      Map.entry("044", "Quảng Bình"), Map.entry("045", "Quảng Trị"), Map.entry("046", "Thừa Thiên Huế"), Map.entry("048", "Đà Nẵng"),
      Map.entry("049", "Quảng Nam"), Map.entry("051", "Quảng Ngãi"), Map.entry("052", "Bình Định"), Map.entry("054", "Phú Yên"),
      Map.entry("056", "Khánh Hòa"), Map.entry("058", "Ninh Thuận"), Map.entry("060", "Bình Thuận"), Map.entry("062", "Kon Tum"),
      Map.entry("064", "Gia Lai"), Map.entry("066", "Đắk Lắk"), Map.entry("067", "Đắk Nông"), Map.entry("068", "Lâm Đồng"),
      Map.entry("070", "Bình Phước"), Map.entry("072", "Tây Ninh"), Map.entry("074", "Bình Dương"), Map.entry("075", "Đồng Nai"),
      Map.entry("077", "Bà Rịa–Vũng Tàu"), Map.entry("079", "TP Hồ Chí Minh"), Map.entry("080", "Long An"), Map.entry("082", "Tiền Giang"),
      Map.entry("083", "Bến Tre"), Map.entry("084", "Trà Vinh"), Map.entry("086", "Vĩnh Long"), Map.entry("087", "Đồng Tháp"),
      Map.entry("089", "An Giang"), Map.entry("091", "Kiên Giang"), Map.entry("092", "Cần Thơ"), Map.entry("093", "Hậu Giang"),
      Map.entry("094", "Sóc Trăng"), Map.entry("095", "Bạc Liêu"), Map.entry("096", "Cà Mau"));

  private ProvinceCodes() {}

  public static Optional<String> name(String code) {
    return Optional.ofNullable(NAMES.get(code));
  }

  public static boolean isKnown(String code) {
    return NAMES.containsKey(code);
  }

  /** A two-digit administrative province code (addresses, card codes): the same table without the leading zero. */
  public static boolean isKnownAdministrative(String code) {
    return code != null && code.length() == 2 && NAMES.containsKey("0" + code);
  }
}
