package vn.healthgate.simulator.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import vn.healthgate.simulator.Md5;

/**
 * The 129 synthetic facilities of Bình Phước: provincial hospitals, one health centre per district
 * and commune health stations. Names are synthetic, districts are the province's real ones. On the current map
 * (since 2025-07-01) the facilities are in Đồng Nai (75) and commune stations are not named by district.
 * Deterministic: the same seed always gives the same registry.
 */
public final class Facilities {

  public static final int COUNT = 129;

  /** The province's eleven district-level units (before the 2025 merger). */
  public static final List<String> DISTRICTS =
      List.of(
          "Đồng Xoài", "Bình Long", "Phước Long", "Chơn Thành", "Bù Đăng", "Bù Đốp",
          "Bù Gia Mập", "Đồng Phú", "Hớn Quản", "Lộc Ninh", "Phú Riềng");

  private static final List<String> PROVINCIAL =
      List.of(
          "Bệnh viện Đa khoa tỉnh Bình Phước",
          "Bệnh viện Y dược cổ truyền tỉnh Bình Phước",
          "Bệnh viện Phục hồi chức năng tỉnh Bình Phước");

  private static final List<String> COMMUNE_FIRST =
      List.of("Tân", "Minh", "Thanh", "Phước", "Lộc", "Thuận", "Bình", "Long", "Hưng", "Đức", "Phú", "Thiện");
  private static final List<String> COMMUNE_SECOND =
      List.of("Lập", "Hòa", "Khai", "Thành", "Tiến", "An", "Hiệp", "Quang", "Sơn", "Phong", "Bình", "Hưng");

  private final Map<String, Facility> byCode;
  private final AdministrativeMap map;

  private Facilities(Map<String, Facility> byCode, AdministrativeMap map) {
    this.byCode = byCode;
    this.map = map;
  }

  /** The administrative map the registry was made for. */
  public AdministrativeMap map() {
    return map;
  }

  public static Facilities generate(long seed, AdministrativeMap map) {
    Random random = new Random(seed);
    String province = map.provinceCode();
    Map<String, Facility> facilities = new LinkedHashMap<>();
    for (int i = 0; i < PROVINCIAL.size(); i++) {
      add(facilities, String.format("70%03d", i + 1), PROVINCIAL.get(i), Facility.Level.PROVINCIAL_HOSPITAL, "Đồng Xoài", province, random);
    }
    for (int i = 0; i < DISTRICTS.size(); i++) {
      String district = DISTRICTS.get(i);
      add(facilities, String.format("70%03d", 11 + i), "Trung tâm Y tế " + district, Facility.Level.DISTRICT_HEALTH_CENTRE, district, province, random);
    }
    int communes = COUNT - facilities.size();
    List<String> names = communeNames();
    for (int i = 0; i < communes; i++) {
      String district = DISTRICTS.get(i % DISTRICTS.size());
      String name = "Trạm Y tế xã " + names.get(i) + (map.districts() ? " (" + district + ")" : "");
      add(facilities, String.format("70%03d", 100 + i), name, Facility.Level.COMMUNE_HEALTH_STATION, district, province, random);
    }
    return new Facilities(Collections.unmodifiableMap(facilities), map);
  }

  private static List<String> communeNames() {
    List<String> names = new ArrayList<>();
    for (String first : COMMUNE_FIRST) {
      for (String second : COMMUNE_SECOND) {
        if (!first.equals(second)) {
          names.add(first + " " + second);
        }
      }
    }
    return names;
  }

  private static void add(Map<String, Facility> facilities, String code, String name, Facility.Level level, String district, String province,
      Random random) {
    List<Officer> officers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      officers.add(new Officer(VietnameseNames.fullName(random, random.nextBoolean()), officerCccd(random)));
    }
    facilities.put(code, new Facility(code, name, level, district, province, devBvPassword(code), devHsskPassword(code), List.copyOf(officers)));
  }

  private static String officerCccd(Random random) {
    int year = 1970 + random.nextInt(30);
    boolean female = random.nextBoolean();
    return String.format("070%d%02d%06d", female ? 1 : 0, year % 100, random.nextInt(1_000_000));
  }

  /** The development password of a facility's {@code _BV} account (lookups, check-ins); real ones come from configuration. */
  public static String devBvPassword(String facilityCode) {
    return "Bp@" + facilityCode + "!dev";
  }

  /** The development password of a facility's {@code _HSSK} account (health certificates): not the {@code _BV} one. */
  public static String devHsskPassword(String facilityCode) {
    return "Hs@" + facilityCode + "!dev";
  }

  public List<Facility> all() {
    return List.copyOf(byCode.values());
  }

  public Optional<Facility> byCode(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** The facility whose {@code kind} account is named {@code account} ({@code 70001_BV}, {@code 70001_HSSK}); the suffix is not case-sensitive. */
  public Optional<Facility> byAccount(String account, Facility.Account kind) {
    if (account == null || account.length() <= kind.suffix().length()
        || !account.regionMatches(true, account.length() - kind.suffix().length(), kind.suffix(), 0, kind.suffix().length())) {
      return Optional.empty();
    }
    return byCode(account.substring(0, account.length() - kind.suffix().length()));
  }

  /**
   * The facility when {@code account} is its {@code kind} account and {@code passwordMd5} the MD5 of that account's
   * password (hex, either case, as the portal accepts): the other account's password, or an account of the other
   * kind, is refused.
   */
  public Optional<Facility> authenticate(Facility.Account kind, String account, String passwordMd5) {
    return byAccount(account, kind)
        .filter(f -> passwordMd5 != null && Md5.upperHex(f.password(kind)).equalsIgnoreCase(passwordMd5.trim()));
  }
}
