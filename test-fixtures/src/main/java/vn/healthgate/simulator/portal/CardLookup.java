package vn.healthgate.simulator.portal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.healthgate.simulator.SimRequest;
import vn.healthgate.simulator.data.Citizen;
import vn.healthgate.simulator.data.Facilities;
import vn.healthgate.simulator.data.Facility;
import vn.healthgate.simulator.data.Officer;
import vn.healthgate.simulator.data.Population;

/**
 * The portal's card lookup ({@code KQNhanLichSuKCB2024}) over the synthetic population, in the
 * order the real portal checks: parameters, officer, card number, record, name, birth date, card state (a
 * Defence or Public Security card by its province code 97 / 98).
 */
public final class CardLookup {

  static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final Pattern CARD = Pattern.compile("[A-Z]{2}\\d{13}");

  static final Map<String, String> MESSAGES = Map.ofEntries(
      Map.entry("000", "Thẻ còn giá trị sử dụng!"),
      Map.entry("001", "Thẻ do BHXH Bộ Quốc Phòng quản lý, đề nghị kiểm tra thẻ và thông tin giấy tờ tùy thân!"),
      Map.entry("002", "Thẻ do BHXH Bộ Công An quản lý, đề nghị kiểm tra thẻ và thông tin giấy tờ tùy thân!"),
      Map.entry("003", "Thẻ cũ hết giá trị sử dụng nhưng đã được cấp thẻ mới!"),
      Map.entry("004", "Thẻ cũ còn giá trị sử dụng nhưng đã được cấp thẻ mới!"),
      Map.entry("010", "Thẻ hết giá trị sử dụng!"),
      Map.entry("050", "Không thấy thông tin thẻ BHYT!"),
      Map.entry("051", "Mã thẻ không đúng!"),
      Map.entry("052", "Mã tỉnh cấp thẻ (kí tự thứ 4, 5 của mã thẻ) không đúng!"),
      Map.entry("053", "Mã quyền lợi thẻ (kí tự thứ 3 của mã thẻ) không đúng!"),
      Map.entry("054", "CCCD của cán bộ tra cứu chưa được đăng ký cho cơ sở KCB!"),
      Map.entry("055", "Họ tên cán bộ tra cứu không khớp với CCCD!"),
      Map.entry("060", "Thẻ sai họ tên!"),
      Map.entry("061", "Thẻ sai họ tên (đúng ký tự đầu)!"),
      Map.entry("070", "Thẻ sai ngày sinh!"),
      Map.entry("100", "Lỗi khi lấy dữ liệu số thẻ!"),
      Map.entry("101", "Lỗi server!"),
      Map.entry("110", "Thẻ đã thu hồi!"),
      Map.entry("120", "Thẻ đã báo giảm!"),
      Map.entry("121", "Thẻ đã báo giảm. Giảm do chuyển ngoại tỉnh!"),
      Map.entry("122", "Thẻ đã báo giảm. Giảm do chuyển nội tỉnh!"),
      Map.entry("123", "Thẻ đã báo giảm. Giảm do tăng lại cùng đơn vị!"),
      Map.entry("124", "Thẻ đã báo giảm. Giảm do ngừng tham gia!"),
      Map.entry("130", "Trẻ em không xuất trình thẻ!"),
      Map.entry("205", "Lỗi sai định dạng tham số!"),
      Map.entry("401", "Lỗi xác thực tài khoản!"));

  private final Population population;
  private final Facilities facilities;
  private final LookupLog log;

  public CardLookup(Population population, Facilities facilities, LookupLog log) {
    this.population = population;
    this.facilities = facilities;
    this.log = log;
  }

  public Map<String, Object> lookup(SimRequest request, String username) {
    String maThe = request.field("maThe");
    String hoTen = request.field("hoTen");
    String ngaySinh = request.field("ngaySinh");
    String hoTenCb = request.field("hoTenCb");
    String cccdCb = request.field("cccdCb");
    if (blank(maThe) || blank(hoTen) || blank(ngaySinh) || blank(hoTenCb) || blank(cccdCb) || parseBirth(ngaySinh).isEmpty()) {
      return result("205");
    }
    Facility facility = facilities.byAccount(username, Facility.Account.BV).orElse(null);
    if (facility == null) {
      return result("401");
    }
    Optional<Officer> officer = facility.officers().stream().filter(o -> o.cccd().equals(cccdCb.trim())).findFirst();
    if (officer.isEmpty()) {
      return result("054");
    }
    if (!sameName(officer.get().fullName(), hoTenCb)) {
      return result("055");
    }
    String id = maThe.trim().toUpperCase(Locale.ROOT);
    Optional<Citizen> found;
    if (id.matches("\\d{12}")) {
      found = population.byCccd(id);
    } else if (id.matches("\\d{10}")) {
      found = population.bySocialInsuranceNumber(id);
    } else if (id.length() == 15) {
      if (!CARD.matcher(id).matches() || !Identifiers.CARD_GROUPS.contains(id.substring(0, 2))) {
        return result("051");
      }
      if (id.charAt(2) < '1' || id.charAt(2) > '5') {
        return result("053");
      }
      if (!Identifiers.CARD_PROVINCES.contains(id.substring(3, 5))) {
        return result("052");
      }
      found = population.bySocialInsuranceNumber(id.substring(5));
      if (found.isPresent() && !found.get().card().number().equals(id)) {
        return result("051");
      }
    } else {
      return result("205");
    }
    if (found.isEmpty()) {
      return result("050");
    }
    Citizen citizen = found.get();
    if (citizen.expectedCode().equals("050")) {
      return result("050");
    }
    if (citizen.card() != null && Set.of("100", "101", "205", "401").contains(citizen.card().portalState())) {
      return result(citizen.card().portalState());
    }
    String registryName = citizen.registry().fullName();
    if (!sameName(registryName, hoTen)) {
      return result(firstChar(registryName).equals(firstChar(hoTen)) ? "061" : "060");
    }
    if (!sameBirth(citizen, parseBirth(ngaySinh).get())) {
      return result("070");
    }
    String code = cardCode(citizen.card());
    Map<String, Object> body = details(code, citizen);
    body.put("dsLichSuKT2018", log.recordAndList(citizen.registry().cccd(), username, code));
    return body;
  }

  private Map<String, Object> details(String code, Citizen citizen) {
    Map<String, Object> body = result(code);
    Citizen.Registry person = citizen.registry();
    Citizen.Card card = citizen.card();
    String birth = person.birthYearOnly() ? String.valueOf(person.birthDate().getYear()) : person.birthDate().format(DMY);
    body.put("hoTen", person.fullName());
    body.put("ngaySinh", birth);
    body.put("gioiTinh", citizen.sexWord());
    body.put("diaChi", person.address());
    if (card != null) {
      body.put("maThe", card.number());
      body.put("maDKBD", card.registeredFacility());
      body.put("cqBHXH", card.issuingOffice());
      body.put("gtTheTu", card.validFrom().format(DMY));
      body.put("gtTheDen", card.validTo().format(DMY));
      body.put("maKV", card.livingArea());
      body.put("ngayDu5Nam", card.fiveYearsFrom().format(DMY));
      body.put("maSoBHXH", card.socialInsuranceNumber());
      body.put("ghiChu", MESSAGES.get(code) + " Họ tên: " + person.fullName() + ", Ngày sinh: " + birth + ", Giới tính : "
          + citizen.sexWord() + "! Địa chỉ: " + person.address() + ", Nơi KCBBĐ: " + card.registeredFacility()
          + "; Hạn thẻ: " + card.validFrom().format(DMY) + " - " + card.validTo().format(DMY)
          + "; Thời điểm đủ 5 năm liên tục: " + card.fiveYearsFrom().format(DMY));
    } else {
      body.put("maSoBHXH", null);
    }
    Citizen.Card next = citizen.newCard();
    if (next != null) {
      body.put("maTheCu", card.number());
      body.put("maTheMoi", next.number());
      body.put("gtTheTuMoi", next.validFrom().format(DMY));
      body.put("gtTheDenMoi", next.validTo().format(DMY));
      body.put("maDKBDMoi", next.registeredFacility());
      body.put("tenDKBDMoi", next.registeredFacilityName());
    }
    body.put("dsLichSuKCB2018", null);
    return body;
  }

  /**
   * The answer a card gets once the identity checks passed: a card of the Ministry of Defence's (province code 97) or
   * Public Security's (98) social security is 001 / 002 whatever its state, which this portal does not hold; no card
   * is a child presented without one (130).
   */
  private static String cardCode(Citizen.Card card) {
    if (card == null) {
      return "130";
    }
    return switch (card.provinceCode()) {
      case Identifiers.DEFENCE_PROVINCE -> "001";
      case Identifiers.PUBLIC_SECURITY_PROVINCE -> "002";
      default -> card.portalState();
    };
  }

  static Map<String, Object> result(String code) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("maKetQua", code);
    body.put("ghiChu", MESSAGES.get(code));
    return body;
  }

  static Optional<LocalDate> parseBirth(String text) {
    String value = text.trim();
    try {
      if (value.matches("\\d{4}")) {
        return Optional.of(LocalDate.of(Integer.parseInt(value), 1, 1));
      }
      if (value.matches("\\d{2}/\\d{2}/\\d{4}")) {
        return Optional.of(LocalDate.parse(value, DMY));
      }
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean sameBirth(Citizen citizen, LocalDate presented) {
    LocalDate registered = citizen.registry().birthDate();
    return citizen.registry().birthYearOnly() ? registered.getYear() == presented.getYear() : registered.equals(presented);
  }

  /**
   * Names compared as the portal compares them (ADR 0013): Unicode NFC, runs of spaces as one, upper case. Nothing
   * more: a tone mark on the other vowel ({@code HÒA} for {@code HOÀ}) or a look-alike letter ({@code Ð} U+00D0 for
   * {@code Đ} U+0110) is another name, answered 060 or 061.
   */
  static String normaliseName(String name) {
    return Normalizer.normalize(name.trim().replaceAll("\\s+", " "), Normalizer.Form.NFC).toUpperCase(new Locale("vi"));
  }

  static boolean sameName(String a, String b) {
    return normaliseName(a).equals(normaliseName(b));
  }

  private static String firstChar(String name) {
    String n = normaliseName(name);
    return n.isEmpty() ? "" : n.substring(0, n.offsetByCodePoints(0, 1));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Visit history ({@code Lskcb2025}): the same identity checks, then the citizen's past visits. */
  public Map<String, Object> history(SimRequest request, String username) {
    Map<String, Object> lookup = lookup(request, username);
    String code = (String) lookup.get("maKetQua");
    if (!Set.of("000", "001", "002", "003", "004", "010", "110", "120", "121", "122", "123", "124").contains(code)) {
      return lookup;
    }
    String id = request.field("maThe").trim().toUpperCase(Locale.ROOT);
    Citizen citizen = id.length() == 12 ? population.byCccd(id).orElseThrow()
        : population.bySocialInsuranceNumber(id.length() == 15 ? id.substring(5) : id).orElseThrow();
    Map<String, Object> body = result("000");
    List<Map<String, Object>> visits = citizen.visits().stream().map(CardLookup::visit).toList();
    body.put("dsLichSuKCB2025", visits.isEmpty() ? null : visits);
    return body;
  }

  private static Map<String, Object> visit(Citizen.Visit visit) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("maHoSo", visit.recordId());
    item.put("maCSKCB", visit.facilityCode());
    item.put("ngayVao", visit.arrivedAt());
    item.put("ngayRa", visit.leftAt());
    item.put("tenBenh", visit.diagnosis());
    item.put("tinhTrang", "1");
    item.put("kqDieuTri", visit.result());
    item.put("lyDoVV", "1");
    return item;
  }
}
