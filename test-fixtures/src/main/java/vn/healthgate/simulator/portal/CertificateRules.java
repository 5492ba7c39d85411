package vn.healthgate.simulator.portal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.w3c.dom.Element;
import vn.healthgate.simulator.data.Facility;

/**
 * What the portal checks in a driver health certificate ({@code docs/portal-contract.md}), its signature aside: every
 * field of the JSON body (presence, format, code values), the rules between them, and that the signed XML
 * ({@code SIGNDATA}) carries the same value for every field. Each error names the field and the rule, never its value.
 */
final class CertificateRules {

  /** One field of the JSON body, in the order of the contract's table. */
  record Rule(String field, boolean required, Predicate<String> format, String expected) {}

  private static final Predicate<String> ANY = v -> true;
  private static final Predicate<String> DMY = v -> Formats.dmy(v).isPresent();

  /** The 2024 road law's licence classes. */
  static final Set<String> LICENCE_CLASSES = Set.of("A1", "A", "B1", "B", "C1", "C", "D1", "D2", "D", "BE", "C1E", "CE", "D1E", "D2E", "DE");

  static final List<Rule> FIELDS = List.of(
      new Rule("SO", true, ANY, ""),
      new Rule("HOTEN", true, ANY, ""),
      new Rule("GIOITINHVAL", true, v -> v.matches("[01]"), "0 nam, 1 nữ"),
      new Rule("NGAYSINH", true, DMY, "dd/MM/yyyy"),
      new Rule("DIACHITHUONGTRU", true, ANY, ""),
      new Rule("MATINH_THUONGTRU", true, Identifiers.PROVINCES::contains, "mã tỉnh 2 chữ số"),
      new Rule("MAHUYEN_THUONGTRU", false, v -> v.isEmpty() || v.matches("\\d{3}"), "mã huyện trống hoặc 3 chữ số (từ 01/7/2025 không còn cấp huyện)"),
      new Rule("MAXA_THUONGTRU", true, v -> v.matches("\\d{5}"), "mã xã 5 chữ số"),
      new Rule("SOCMND_PASSPORT", true, ANY, ""),
      new Rule("NGAYTHANGNAMCAPCMND", true, DMY, "dd/MM/yyyy"),
      new Rule("NOICAP", true, ANY, ""),
      new Rule("IDBENHVIEN", true, ANY, ""),
      new Rule("BENHVIEN", true, ANY, ""),
      new Rule("NONGDOCON", true, v -> v.matches("\\d+(\\.\\d+)?"), "số không âm, dấu chấm thập phân"),
      new Rule("DVINONGDOCON", true, v -> v.matches("[01]"), "0 mg/100 ml máu, 1 mg/l khí thở"),
      new Rule("MATUY", true, v -> v.matches("[01]"), "0 âm tính, 1 dương tính"),
      new Rule("NGAYKETLUAN", true, DMY, "dd/MM/yyyy"),
      new Rule("BACSYKETLUAN", true, ANY, ""),
      new Rule("KETLUAN", true, v -> v.matches("[012]"), "1 đủ, 0 không đủ, 2 đủ có hẹn khám lại"),
      new Rule("HANGBANGLAI", true, LICENCE_CLASSES::contains, "hạng theo Luật TTATGTĐB 2024"),
      new Rule("NGAYKHAMLAI", false, DMY, "dd/MM/yyyy"),
      new Rule("LYDO", false, ANY, ""),
      new Rule("TINHTRANGBENH", false, ANY, ""),
      new Rule("STATE", true, v -> v.equals("ADD") || v.equals("EDIT"), "ADD hoặc EDIT"),
      new Rule("SIGNDATA", true, ANY, ""));

  private CertificateRules() {}

  /** The errors of a certificate's JSON fields sent by {@code facility}, empty when the portal takes them. */
  static List<String> check(Map<String, String> fields, Facility facility, LocalDate today) {
    List<String> errors = new ArrayList<>();
    for (Rule rule : FIELDS) {
      String value = value(fields, rule.field());
      if (value.isBlank()) {
        if (rule.required()) {
          errors.add(rule.field() + ": bắt buộc");
        }
      } else if (!rule.format().test(value)) {
        errors.add(rule.field() + ": sai định dạng (" + rule.expected() + ")");
      }
    }
    String so = value(fields, "SO");
    if (!so.isEmpty() && (so.length() > 21 || !so.matches("\\d{5}/GKSKLX/" + facility.code() + "/\\d{2}"))) {
      errors.add("SO: không đúng dạng NNNNN/GKSKLX/" + facility.code() + "/yy");
    }
    if (!value(fields, "IDBENHVIEN").isEmpty() && !value(fields, "IDBENHVIEN").equals(facility.code())) {
      errors.add("IDBENHVIEN: khác tài khoản gửi");
    }
    Optional<LocalDate> birth = Formats.dmy(value(fields, "NGAYSINH"));
    Optional<LocalDate> issued = Formats.dmy(value(fields, "NGAYTHANGNAMCAPCMND"));
    Optional<LocalDate> concluded = Formats.dmy(value(fields, "NGAYKETLUAN"));
    Optional<LocalDate> reexamination = Formats.dmy(value(fields, "NGAYKHAMLAI"));
    notAfter(birth, today, "NGAYSINH", errors);
    notAfter(issued, today, "NGAYTHANGNAMCAPCMND", errors);
    notAfter(concluded, today, "NGAYKETLUAN", errors);
    if (birth.isPresent() && issued.isPresent() && issued.get().isBefore(birth.get())) {
      errors.add("NGAYTHANGNAMCAPCMND: trước NGAYSINH");
    }
    String id = value(fields, "SOCMND_PASSPORT");
    String sex = value(fields, "GIOITINHVAL");
    if (!id.isEmpty() && birth.isPresent()) {
      Optional<Boolean> female = sex.equals("0") ? Optional.of(false) : sex.equals("1") ? Optional.of(true) : Optional.empty();
      Identifiers.idNumberProblem(id, birth.get().getYear(), female).ifPresent(p -> errors.add("SOCMND_PASSPORT: " + p));
    }
    String conclusion = value(fields, "KETLUAN");
    if (conclusion.equals("2") && value(fields, "NGAYKHAMLAI").isEmpty()) {
      errors.add("NGAYKHAMLAI: bắt buộc khi KETLUAN là 2 (đủ sức khỏe, có hẹn khám lại)");
    }
    if (concluded.isPresent() && reexamination.isPresent() && !reexamination.get().isAfter(concluded.get())) {
      errors.add("NGAYKHAMLAI: phải sau NGAYKETLUAN");
    }
    if (conclusion.equals("0") && value(fields, "LYDO").isBlank()) {
      errors.add("LYDO: bắt buộc khi KETLUAN là 0 (không đủ sức khỏe)");
    }
    return errors;
  }

  /**
   * The signed document ({@code <root>}) against the JSON body: the same fields, none twice, none unknown, each with
   * the same value (an absent field is empty), and the signature as the last child of {@code root}.
   */
  static List<String> compareSigned(Map<String, String> fields, Element root) {
    List<String> errors = new ArrayList<>();
    List<Element> children = CheckInRules.children(root);
    if (children.isEmpty() || !children.get(children.size() - 1).getLocalName().equals("Signature")) {
      errors.add("SIGNDATA: chữ ký (Signature) phải là phần tử cuối của root");
    }
    Set<String> known = new HashSet<>();
    FIELDS.forEach(rule -> known.add(rule.field()));
    known.remove("SIGNDATA");
    Map<String, String> signed = new HashMap<>();
    for (Element child : children) {
      String name = child.getLocalName();
      if (name.equals("Signature")) {
        continue;
      }
      if (!known.contains(name)) {
        errors.add("SIGNDATA: " + name + " không phải trường của giấy khám sức khỏe");
      } else if (signed.put(name, child.getTextContent()) != null) {
        errors.add("SIGNDATA: " + name + " xuất hiện hai lần");
      }
    }
    for (Rule rule : FIELDS) {
      if (known.contains(rule.field()) && !value(fields, rule.field()).equals(signed.getOrDefault(rule.field(), ""))) {
        errors.add("SIGNDATA khác dữ liệu gửi ở trường " + rule.field());
      }
    }
    return errors;
  }

  private static void notAfter(Optional<LocalDate> date, LocalDate today, String field, List<String> errors) {
    if (date.isPresent() && date.get().isAfter(today)) {
      errors.add(field + ": sau ngày hiện tại");
    }
  }

  private static String value(Map<String, String> fields, String name) {
    String value = fields.get(name);
    return value == null ? "" : value;
  }
}
