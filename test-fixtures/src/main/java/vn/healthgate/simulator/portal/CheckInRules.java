package vn.healthgate.simulator.portal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.healthgate.simulator.data.Facility;

/**
 * What the portal checks in the XML 0 file of a check-in notice ({@code docs/portal-contract.md}), its signature aside:
 * the structure, then every element of each {@code TRANG_THAI_KCB} (presence, order, length, format, code values) and
 * the rules between them. Each error names the element and the rule, never its value.
 */
final class CheckInRules {

  /** One element of {@code TRANG_THAI_KCB}, in the order of the table. */
  record Rule(String element, boolean required, int maxLength, Predicate<String> format, String expected) {}

  private static final Predicate<String> ANY = v -> true;

  static final List<Rule> ELEMENTS = List.of(
      new Rule("MA_LK", true, 100, ANY, ""),
      new Rule("STT", true, 10, v -> v.matches("[1-9]\\d*"), "số thứ tự từ 1"),
      new Rule("MA_BN", true, 100, ANY, ""),
      new Rule("HO_TEN", true, 255, ANY, ""),
      new Rule("SO_CCCD", false, 15, ANY, ""),
      new Rule("NGAY_SINH", true, 12, v -> Formats.birth(v).isPresent(), "yyyyMMddHHmm (00 cho phần chưa biết)"),
      new Rule("GIOI_TINH", true, 1, v -> v.matches("[123]"), "1, 2 hoặc 3"),
      new Rule("MA_THE_BHYT", false, 50, v -> List.of(v.split(";", -1)).stream().allMatch(Identifiers::isCardCode), "mã thẻ 15 ký tự"),
      new Rule("MA_DKBD", false, 50, v -> v.matches("\\d{5}(;\\d{5})*"), "mã cơ sở 5 chữ số"),
      new Rule("GT_THE_TU", false, 8, v -> Formats.day(v).isPresent(), "yyyyMMdd"),
      new Rule("GT_THE_DEN", false, 8, v -> Formats.day(v).isPresent(), "yyyyMMdd"),
      new Rule("MA_DOITUONG_KCB", true, 4, v -> v.matches("\\d{1,2}(\\.\\d{1,2})?"), "mã đối tượng, ví dụ 1.1, 2, 3.2"),
      new Rule("NGAY_VAO", true, 12, v -> Formats.stamp(v).isPresent(), "yyyyMMddHHmm"),
      new Rule("NGAY_VAO_NOI_TRU", false, 12, v -> Formats.stamp(v).isPresent(), "yyyyMMddHHmm"),
      new Rule("LY_DO_VNT", false, Integer.MAX_VALUE, ANY, ""),
      new Rule("MA_LY_DO_VNT", false, 5, ANY, ""),
      new Rule("MA_LOAI_KCB", true, 2, v -> v.matches("0[1-9]"), "01 đến 09"),
      new Rule("MA_CSKCB", true, 5, v -> v.matches("\\d{5}"), "mã cơ sở 5 chữ số"),
      new Rule("MA_DICH_VU", false, 50, ANY, ""),
      new Rule("TEN_DICH_VU", false, 1024, ANY, ""),
      new Rule("MA_THUOC", false, 255, ANY, ""),
      new Rule("TEN_THUOC", false, 1024, ANY, ""),
      new Rule("MA_VAT_TU", false, 255, ANY, ""),
      new Rule("TEN_VAT_TU", false, 1024, ANY, ""),
      new Rule("NGAY_YL", true, 12, v -> Formats.stamp(v).isPresent(), "yyyyMMddHHmm"),
      new Rule("DU_PHONG", false, Integer.MAX_VALUE, ANY, ""));

  private CheckInRules() {}

  /** The errors of an XML 0 file sent by {@code facility}, empty when the portal takes it. */
  static List<String> check(Element root, Facility facility, LocalDate today) {
    List<String> errors = new ArrayList<>();
    List<Element> parts = children(root);
    if (parts.size() != 2 || !parts.get(0).getTagName().equals("DSACH_TRANG_THAI_KCB") || !parts.get(1).getTagName().equals("CHUKYDONVI")) {
      errors.add("CHI_TIEU_TRANG_THAI_KCB phải gồm DSACH_TRANG_THAI_KCB rồi CHUKYDONVI");
      return errors;
    }
    List<Element> records = children(parts.get(0));
    if (records.isEmpty() || records.stream().anyMatch(r -> !r.getTagName().equals("TRANG_THAI_KCB"))) {
      errors.add("DSACH_TRANG_THAI_KCB phải gồm một hoặc nhiều TRANG_THAI_KCB");
      return errors;
    }
    Set<String> episodes = new HashSet<>();
    for (int i = 0; i < records.size(); i++) {
      String where = "TRANG_THAI_KCB[" + (i + 1) + "].";
      Map<String, String> values = new LinkedHashMap<>();
      elements(records.get(i), where, values, errors);
      record(values, i + 1, facility, today).forEach(e -> errors.add(where + e));
      String episode = values.getOrDefault("MA_LK", "");
      if (!episode.isEmpty() && !episodes.add(episode)) {
        errors.add(where + "MA_LK: trùng với một hồ sơ khác trong tệp");
      }
    }
    return errors;
  }

  /** Reads the record's elements: each known, at most once, in the table's order (the first element out of it is named). */
  private static void elements(Element record, String where, Map<String, String> values, List<String> errors) {
    String latest = null;
    boolean ordered = true;
    for (Element child : children(record)) {
      String name = child.getTagName();
      int index = indexOf(name);
      if (index < 0) {
        errors.add(where + name + ": không phải chỉ tiêu của XML 0");
      } else if (values.containsKey(name)) {
        errors.add(where + name + ": xuất hiện hai lần");
      } else {
        if (ordered && latest != null && index < indexOf(latest)) {
          errors.add(where + name + ": sai thứ tự chỉ tiêu (đứng sau " + latest + ")");
          ordered = false;
        }
        latest = latest == null || index > indexOf(latest) ? name : latest;
        values.put(name, child.getTextContent().trim());
      }
    }
  }

  private static List<String> record(Map<String, String> v, int position, Facility facility, LocalDate today) {
    List<String> errors = new ArrayList<>();
    for (Rule rule : ELEMENTS) {
      String value = v.getOrDefault(rule.element(), "");
      if (value.isEmpty()) {
        if (rule.required()) {
          errors.add(rule.element() + ": bắt buộc");
        }
      } else if (value.length() > rule.maxLength()) {
        errors.add(rule.element() + ": dài quá " + rule.maxLength() + " ký tự");
      } else if (!rule.format().test(value)) {
        errors.add(rule.element() + ": sai định dạng (" + rule.expected() + ")");
      }
    }
    String stt = v.getOrDefault("STT", "");
    if (stt.matches("[1-9]\\d{0,8}") && Integer.parseInt(stt) != position) {
      errors.add("STT: phải là số thứ tự của hồ sơ trong tệp (" + position + ")");
    }
    if (!v.getOrDefault("MA_CSKCB", "").isEmpty() && !v.get("MA_CSKCB").equals(facility.code())) {
      errors.add("MA_CSKCB: khác cơ sở gửi");
    }
    Optional<LocalDate> birth = Formats.birth(v.getOrDefault("NGAY_SINH", ""));
    if (birth.isPresent() && birth.get().isAfter(today)) {
      errors.add("NGAY_SINH: sau ngày hiện tại");
    }
    String cccd = v.getOrDefault("SO_CCCD", "");
    String sex = v.getOrDefault("GIOI_TINH", "");
    if (!cccd.isEmpty() && birth.isPresent()) {
      Optional<Boolean> female = sex.equals("1") ? Optional.of(false) : sex.equals("2") ? Optional.of(true) : Optional.empty();
      Identifiers.idNumberProblem(cccd, birth.get().getYear(), female).ifPresent(p -> errors.add("SO_CCCD: " + p));
    }
    Optional<LocalDate> from = Formats.day(v.getOrDefault("GT_THE_TU", ""));
    Optional<LocalDate> to = Formats.day(v.getOrDefault("GT_THE_DEN", ""));
    if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
      errors.add("GT_THE_DEN: trước GT_THE_TU");
    }
    Optional<LocalDateTime> arrived = Formats.stamp(v.getOrDefault("NGAY_VAO", ""));
    Optional<LocalDateTime> admitted = Formats.stamp(v.getOrDefault("NGAY_VAO_NOI_TRU", ""));
    Optional<LocalDateTime> ordered = Formats.stamp(v.getOrDefault("NGAY_YL", ""));
    if (arrived.isPresent() && admitted.isPresent() && admitted.get().isBefore(arrived.get())) {
      errors.add("NGAY_VAO_NOI_TRU: trước NGAY_VAO");
    }
    if (arrived.isPresent() && ordered.isPresent() && ordered.get().isBefore(arrived.get())) {
      errors.add("NGAY_YL: trước NGAY_VAO");
    }
    if (!v.getOrDefault("NGAY_VAO_NOI_TRU", "").isEmpty() && v.getOrDefault("LY_DO_VNT", "").isEmpty()) {
      errors.add("LY_DO_VNT: bắt buộc khi có NGAY_VAO_NOI_TRU");
    }
    boolean service = !v.getOrDefault("MA_DICH_VU", "").isEmpty();
    boolean drug = !v.getOrDefault("MA_THUOC", "").isEmpty();
    boolean supply = !v.getOrDefault("MA_VAT_TU", "").isEmpty();
    if (!service && !drug && !supply) {
      errors.add("MA_DICH_VU: bắt buộc khi không có MA_THUOC hay MA_VAT_TU");
    }
    named(v, "MA_DICH_VU", "TEN_DICH_VU", errors);
    named(v, "MA_THUOC", "TEN_THUOC", errors);
    named(v, "MA_VAT_TU", "TEN_VAT_TU", errors);
    return errors;
  }

  private static void named(Map<String, String> v, String code, String name, List<String> errors) {
    if (!v.getOrDefault(code, "").isEmpty() && v.getOrDefault(name, "").isEmpty()) {
      errors.add(name + ": bắt buộc khi có " + code);
    }
  }

  private static int indexOf(String element) {
    for (int i = 0; i < ELEMENTS.size(); i++) {
      if (ELEMENTS.get(i).element().equals(element)) {
        return i;
      }
    }
    return -1;
  }

  static List<Element> children(Element parent) {
    List<Element> children = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        children.add(e);
      }
    }
    return children;
  }
}
