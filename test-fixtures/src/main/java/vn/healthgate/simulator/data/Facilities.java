package vn.healthgate.simulator.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The 129 synthetic facilities of Bình Phước: provincial hospitals, one health centre per district
 * and commune health stations. Names are synthetic, districts are the province's real ones.
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

  private Facilities(Map<String, Facility> byCode) {
    this.byCode = byCode;
  }

  public static Facilities generate(long seed) {
    Random random = new Random(seed);
    Map<String, Facility> facilities = new LinkedHashMap<>();
    for (int i = 0; i < PROVINCIAL.size(); i++) {
      add(facilities, String.format("70%03d", i + 1), PROVINCIAL.get(i), Facility.Level.PROVINCIAL_HOSPITAL, "Đồng Xoài", random);
    }
    for (int i = 0; i < DISTRICTS.size(); i++) {
      String district = DISTRICTS.get(i);
      add(facilities, String.format("70%03d", 11 + i), "Trung tâm Y tế " + district, Facility.Level.DISTRICT_HEALTH_CENTRE, district, random);
    }
    int communes = COUNT - facilities.size();
    List<String> names = communeNames();
    for (int i = 0; i < communes; i++) {
      String district = DISTRICTS.get(i % DISTRICTS.size());
      add(facilities, String.format("70%03d", 100 + i), "Trạm Y tế xã " + names.get(i) + " (" + district + ")", Facility.Level.COMMUNE_HEALTH_STATION, district, random);
    }
    return new Facilities(Collections.unmodifiableMap(facilities));
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

  private static void add(Map<String, Facility> facilities, String code, String name, Facility.Level level, String district, Random random) {
    List<Officer> officers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      officers.add(new Officer(VietnameseNames.fullName(random, random.nextBoolean()), officerCccd(random)));
    }
    facilities.put(code, new Facility(code, name, level, district, devPassword(code), List.copyOf(officers)));
  }

  private static String officerCccd(Random random) {
    int year = 1970 + random.nextInt(30);
    boolean female = random.nextBoolean();
    return String.format("070%d%02d%06d", female ? 1 : 0, year % 100, random.nextInt(1_000_000));
  }

  /** The development password of a facility's portal accounts; real ones come from configuration. */
  public static String devPassword(String facilityCode) {
    return "Bp@" + facilityCode + "!dev";
  }

  public List<Facility> all() {
    return List.copyOf(byCode.values());
  }

  public Optional<Facility> byCode(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** Finds the facility owning an account name such as {@code 70001_BV} or {@code 70001_HSSK}. */
  public Optional<Facility> byAccount(String account) {
    if (account == null) {
      return Optional.empty();
    }
    int underscore = account.indexOf('_');
    return underscore < 0 ? Optional.empty() : byCode(account.substring(0, underscore));
  }
}
