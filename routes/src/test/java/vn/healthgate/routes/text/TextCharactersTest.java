package vn.healthgate.routes.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.healthgate.routes.delivery.CertificateRequest;
import vn.healthgate.routes.delivery.CertificateValidator;
import vn.healthgate.routes.delivery.CheckInRequest;
import vn.healthgate.routes.delivery.CheckInValidator;
import vn.healthgate.routes.eligibility.EligibilityRequest;
import vn.healthgate.routes.eligibility.EligibilityValidator;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/** Text a signed XML 1.0 document cannot carry is refused in every string field of every request, naming the field. */
class TextCharactersTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC);

  /** A check-in with every text field filled, valid as a whole. */
  static CheckInRequest checkIn() {
    return new CheckInRequest("70001", "LK-1", "BN-1", "NGUYỄN VĂN AN", "070090000123", "1990-01-01", "MALE", "HN4707014012731", "70184",
        "2026-01-01", "2026-12-31", "1.1", "2026-11-25T08:00:00+07:00", "2026-11-25T09:00:00+07:00", "Sốt cao", "A01", "01",
        new CheckInRequest.Item("02.1896", "Khám Nội"), new CheckInRequest.Item("40.17", "Paracetamol"), new CheckInRequest.Item("N01", "Bơm tiêm"),
        "2026-11-25T08:15:00+07:00", "dự phòng");
  }

  /** A certificate with every text field filled, valid as a whole. */
  static CertificateRequest certificate() {
    return new CertificateRequest("00001/GKSKLX/70001/26", "70001",
        new CertificateRequest.Person("VÕ HỮU BÌNH", "MALE", "1989-11-10", "070089868934", "2021-03-15", "Cục Cảnh sát QLHC về TTXH",
            new CertificateRequest.Address("Ấp 2, Đồng Phú, Bình Phước", "70", "697", "25261")),
        "B", "LAW_2024", new CertificateRequest.Alcohol("0", "MG_PER_L_BREATH"), "NEGATIVE",
        new CertificateRequest.Conclusion("FIT_WITH_REEXAMINATION", "NGUYỄN THỊ LAN", "2026-11-25", "2027-05-25", "không", "Ổn định"));
  }

  static EligibilityRequest eligibility() {
    return new EligibilityRequest("70001", "070089868934", null, null, "VÕ HỮU BÌNH", "1989-11-10", "MALE",
        new EligibilityRequest.Officer("NGÔ NGỌC GIANG", "070186171117"), false);
  }

  private final CheckInValidator checkIns = new CheckInValidator(CLOCK, (facility, cccd) -> Optional.empty());
  private final CertificateValidator certificates = new CertificateValidator(CLOCK, code -> "Bệnh viện");
  private final EligibilityValidator eligibilities = new EligibilityValidator(CLOCK);

  @ParameterizedTest(name = "refused: U+{0}")
  @ValueSource(strings = {"0000", "0001", "0008", "000B", "000C", "001F", "007F", "0080", "0085", "009F", "D800", "DBFF", "DC00", "DFFF", "FFFE", "FFFF"})
  void refusesControlCharactersLoneSurrogatesAndNonCharacters(String hex) {
    String text = "Ấp 2" + (char) Integer.parseInt(hex, 16) + "Đồng Phú";

    assertThat(TextCharacters.carriable(text)).isFalse();
    assertThat(TextCharacters.firstRefused(text)).isEqualTo(4);
  }

  @Test
  void acceptsTabLineBreaksVietnameseAndCharactersBeyondTheBasicPlane() {
    assertThat(TextCharacters.carriable("Ấp 2,\tĐồng Phú\r\nBình Phước 😀 𝔘 \uFFFD \uE000 \u2028")).isTrue();
  }

  @Test
  void aSurrogatePairInTheWrongOrderIsTwoLoneSurrogates() {
    assertThat(TextCharacters.carriable("a\uDE00\uD83Db")).isFalse();
    assertThat(TextCharacters.carriable("a\uD83D\uDE00b")).isTrue();
  }

  @Test
  void theSampleRequestsAreValid() {
    assertThatCode(() -> checkIns.validate(checkIn())).doesNotThrowAnyException();
    assertThatCode(() -> certificates.validate(certificate(), "ADD")).doesNotThrowAnyException();
    assertThatCode(() -> eligibilities.validate(eligibility())).doesNotThrowAnyException();
  }

  @Test
  void everyTextFieldOfACheckInIsChecked() {
    assertEveryTextFieldIsChecked(checkIn(), r -> checkIns.validate(r),
        List.of("facilityCode", "episodeId", "patientId", "fullName", "cccd", "birthDate", "sex", "cardNumber", "registeredFacility",
            "cardValidFrom", "cardValidTo", "visitCategory", "arrivedAt", "admittedAt", "admissionReason", "admissionReasonCode", "visitType",
            "firstService.code", "firstService.name", "firstDrug.code", "firstDrug.name", "firstSupply.code", "firstSupply.name", "orderedAt", "reserved"));
  }

  @Test
  void everyTextFieldOfACertificateIsChecked() {
    assertEveryTextFieldIsChecked(certificate(), r -> certificates.validate(r, "ADD"),
        List.of("number", "facilityCode", "person.fullName", "person.sex", "person.birthDate", "person.idNumber", "person.idIssuedOn",
            "person.idIssuedBy", "person.address.line", "person.address.provinceCode", "person.address.districtCode", "person.address.communeCode",
            "licenceClass", "licenceClassSystem", "alcohol.value", "alcohol.unit", "drugTest", "conclusion.code", "conclusion.doctor", "conclusion.date",
            "conclusion.reexaminationDate", "conclusion.reason", "conclusion.condition"));
  }

  @Test
  void everyTextFieldOfAnEligibilityCheckIsChecked() {
    EligibilityRequest byQr = new EligibilityRequest("70001", null, "070089868934||VÕ HỮU BÌNH|10111989|Nam|Ấp 2, Đồng Phú|15032021", null, null, null,
        null, new EligibilityRequest.Officer("NGÔ NGỌC GIANG", "070186171117"), null);
    EligibilityRequest byCard = new EligibilityRequest("70001", null, null, "HN4707014012731", "VÕ HỮU BÌNH", "1989-11-10", null,
        new EligibilityRequest.Officer("NGÔ NGỌC GIANG", "070186171117"), null);
    assertThatCode(() -> eligibilities.validate(byQr)).doesNotThrowAnyException();
    assertThatCode(() -> eligibilities.validate(byCard)).doesNotThrowAnyException();

    assertEveryTextFieldIsChecked(eligibility(), r -> eligibilities.validate(r),
        List.of("facilityCode", "cccd", "fullName", "birthDate", "sex", "officer.fullName", "officer.cccd"));
    assertEveryTextFieldIsChecked(byQr, r -> eligibilities.validate(r), List.of("facilityCode", "qr", "officer.fullName", "officer.cccd"));
    assertEveryTextFieldIsChecked(byCard, r -> eligibilities.validate(r), List.of("facilityCode", "cardNumber", "fullName", "birthDate", "officer.fullName", "officer.cccd"));
  }

  @Test
  void aControlCharacterAtTheEndOfAFacilityCodeIsNotTrimmedAway() {
    EligibilityRequest request = new EligibilityRequest("70001\u0000", "070089868934", null, null, "VÕ HỮU BÌNH", "1989-11-10", null,
        new EligibilityRequest.Officer("NGÔ NGỌC GIANG", "070186171117"), null);

    GatewayException refused = catchThrowableOfType(GatewayException.class, () -> eligibilities.validate(request));

    assertThat(refused.errorCode()).isEqualTo(ErrorCode.TEXT_CHARACTERS);
    assertThat(refused.field()).contains("facilityCode");
  }

  @Test
  void listsAndMapsAreWalkedWithTheirIndexOrKeyInThePath() {
    record Line(String text) {}
    record Form(List<Line> lines, Map<String, String> notes) {}

    GatewayException inList = catchThrowableOfType(GatewayException.class,
        () -> TextCharacters.check(new Form(List.of(new Line("a"), new Line("b\u0007")), Map.of())));
    GatewayException inMap = catchThrowableOfType(GatewayException.class,
        () -> TextCharacters.check(new Form(List.of(), Map.of("remark", "\uDFFF"))));

    assertThat(inList.field()).contains("lines[1].text");
    assertThat(inMap.field()).contains("notes.remark");
  }

  @Test
  void theErrorNeverQuotesTheText() {
    GatewayException refused = catchThrowableOfType(GatewayException.class,
        () -> checkIns.validate(replace(checkIn(), "fullName", "NGUYỄN VĂN AN\u0000")));

    assertThat(refused.getMessage()).isEqualTo("GW-TEXT-CHARACTERS (fullName)");
  }

  /** Every type a request record reaches is one the walk looks inside (or holds no text), so a field added later cannot slip past it. */
  @Test
  void theWalkSeesEveryTypeTheRequestsAreMadeOf() {
    for (Class<?> request : List.of(CheckInRequest.class, CertificateRequest.class, EligibilityRequest.class)) {
      assertWalkable(request, request.getSimpleName(), new HashSet<>());
    }
  }

  private static void assertWalkable(Type type, String where, Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      assertThat(Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)).as(where + " is a " + raw).isTrue();
      Type[] arguments = parameterized.getActualTypeArguments();
      if (Map.class.isAssignableFrom(raw)) {
        assertThat(arguments[0]).as(where + " keys").isEqualTo(String.class);
      }
      assertWalkable(arguments[arguments.length - 1], where + "[]", seen);
      return;
    }
    Class<?> c = (Class<?>) type;
    if (c.isRecord()) {
      for (RecordComponent component : c.getRecordComponents()) {
        assertWalkable(component.getGenericType(), where + "." + component.getName(), seen);
      }
      return;
    }
    boolean text = CharSequence.class.isAssignableFrom(c);
    boolean noText = c.isPrimitive() || Number.class.isAssignableFrom(c) || c == Boolean.class || c.isEnum() || c.getName().startsWith("java.time.");
    assertThat(text || noText).as(where + " is a " + c.getName() + ": TextCharacters does not look inside it").isTrue();
  }

  private static <R extends Record> void assertEveryTextFieldIsChecked(R valid, Consumer<R> validation, List<String> expected) {
    List<String> paths = textPaths(valid, "");
    assertThat(paths).containsExactlyInAnyOrderElementsOf(expected);
    for (String path : paths) {
      for (String bad : List.of("\uD800", "\u0000", "\u001B", "\uFFFF")) {
        R changed = replace(valid, path, value(valid, path) + bad);
        GatewayException refused = catchThrowableOfType(GatewayException.class, () -> validation.accept(changed));
        assertThat(refused).as(path + " with U+%04X", (int) bad.charAt(0)).isNotNull();
        assertThat(refused.errorCode()).as(path).isEqualTo(ErrorCode.TEXT_CHARACTERS);
        assertThat(refused.field()).as(path).contains(path);
      }
    }
  }

  /** The JSON paths of the non-null strings of {@code record}. */
  private static List<String> textPaths(Record record, String prefix) {
    List<String> paths = new ArrayList<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      Object value = get(record, component);
      String path = prefix + component.getName();
      if (value instanceof String) {
        paths.add(path);
      } else if (value instanceof Record nested) {
        paths.addAll(textPaths(nested, path + "."));
      }
    }
    return paths;
  }

  private static Object value(Record record, String path) {
    Object value = record;
    for (String name : path.split("\\.")) {
      Record current = (Record) value;
      value = get(current, component(current, name));
    }
    return value;
  }

  /** A copy of {@code record} with the string at {@code path} replaced. */
  @SuppressWarnings("unchecked")
  private static <R extends Record> R replace(R record, String path, String text) {
    String[] parts = path.split("\\.", 2);
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = get(record, components[i]);
      if (components[i].getName().equals(parts[0])) {
        values[i] = parts.length == 1 ? text : replace((Record) values[i], parts[1], text);
      }
    }
    try {
      var constructor = record.getClass().getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return (R) constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RecordComponent component(Record record, String name) {
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      if (component.getName().equals(name)) {
        return component;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static Object get(Record record, RecordComponent component) {
    try {
      component.getAccessor().setAccessible(true);
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
