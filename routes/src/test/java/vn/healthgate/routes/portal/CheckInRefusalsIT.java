package vn.healthgate.routes.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.healthgate.routes.portal.StrictPortalFixture.field;
import static vn.healthgate.routes.portal.StrictPortalFixture.nested;
import static vn.healthgate.routes.portal.StrictPortalFixture.set;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.healthgate.routes.delivery.DocumentSigner;
import vn.healthgate.routes.delivery.PortalDocument;
import vn.healthgate.routes.delivery.PortalSender;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.simulator.PortalSimulator;

/**
 * Every refusal of a check-in notice's content the simulator models ({@code docs/api.md}, "What the portal refuses"),
 * sent through the gateway's own delivery path: (a) the simulator refuses the document with the portal's answer
 * ({@code maKetQua} 400 and the rule in {@code thongDiep}), which the gateway reads as REJECTED; (b) the request that would
 * lead the gateway to send it is refused at intake with a catalogue code, so valid input never reaches that refusal.
 * Rows without an intake counterpart are fields the gateway builds itself.
 */
class CheckInRefusalsIT {

  /** One refusal: what the document carries, what the portal says, and the intake input (if any) that would carry it. */
  record Refusal(String name, Consumer<Map<String, String>> document, String portalSays, Consumer<Map<String, Object>> input, ErrorCode code,
      String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Refusal row(String name, Consumer<Map<String, String>> document, String portalSays, Consumer<Map<String, Object>> input,
      ErrorCode code, String field) {
    return new Refusal(name, document, portalSays, input, code, field);
  }

  private static Refusal built(String name, Consumer<Map<String, String>> document, String portalSays) {
    return new Refusal(name, document, portalSays, null, null, null);
  }

  private static final String YESTERDAY = StrictPortalFixture.today().minusDays(1).toString().replace("-", "");

  static Stream<Refusal> refusals() {
    return Stream.of(
        row("MA_LK missing", field("MA_LK", ""), "MA_LK: bắt buộc", set("episodeId", null), ErrorCode.FIELD_REQUIRED, "episodeId"),
        row("MA_LK over 100", field("MA_LK", "L".repeat(101)), "MA_LK: dài quá 100", set("episodeId", "L".repeat(101)), ErrorCode.FIELD_TOO_LONG, "episodeId"),
        // never sent: the gateway writes STT itself (a client's sequence is ignored)
        built("STT not the record's position", field("STT", "2"), "STT: phải là số thứ tự"),
        row("MA_BN missing", field("MA_BN", ""), "MA_BN: bắt buộc", set("patientId", null), ErrorCode.FIELD_REQUIRED, "patientId"),
        row("MA_BN over 100", field("MA_BN", "B".repeat(101)), "MA_BN: dài quá 100", set("patientId", "B".repeat(101)), ErrorCode.FIELD_TOO_LONG, "patientId"),
        row("HO_TEN missing", field("HO_TEN", ""), "HO_TEN: bắt buộc", set("fullName", null), ErrorCode.FIELD_REQUIRED, "fullName"),
        row("HO_TEN over 255", field("HO_TEN", "A".repeat(256)), "HO_TEN: dài quá 255", set("fullName", "A".repeat(256)), ErrorCode.FIELD_FORMAT, "fullName"),
        row("SO_CCCD over 15", field("SO_CCCD", "0".repeat(16)), "SO_CCCD: dài quá 15", set("cccd", "0".repeat(16)), ErrorCode.FIELD_TOO_LONG, "cccd"),
        row("SO_CCCD not an ID number", field("SO_CCCD", "07-0"), "SO_CCCD: không phải số CCCD", set("cccd", "07-0"), ErrorCode.FIELD_FORMAT, "cccd"),
        row("SO_CCCD of no province", field("SO_CCCD", "999090000123"), "SO_CCCD: 3 chữ số đầu", set("cccd", "999090000123"), ErrorCode.CCCD_PROVINCE, "cccd"),
        row("SO_CCCD of another century", field("SO_CCCD", "070290000123"), "SO_CCCD: chữ số thứ 4 của CCCD (thế kỷ)", set("cccd", "070290000123"),
            ErrorCode.CCCD_CENTURY, "cccd"),
        row("SO_CCCD of another birth year", field("SO_CCCD", "070091000123"), "SO_CCCD: chữ số thứ 5-6", set("cccd", "070091000123"),
            ErrorCode.CCCD_BIRTHYEAR, "cccd"),
        row("SO_CCCD of the other sex", field("SO_CCCD", "070190000123"), "SO_CCCD: chữ số thứ 4 của CCCD (giới tính)", set("cccd", "070190000123"),
            ErrorCode.CCCD_SEX, "cccd"),
        row("NGAY_SINH missing", field("NGAY_SINH", ""), "NGAY_SINH: bắt buộc", set("birthDate", null), ErrorCode.FIELD_REQUIRED, "birthDate"),
        row("NGAY_SINH month 13", field("NGAY_SINH", "199013000000"), "NGAY_SINH: sai định dạng", set("birthDate", "1990-13"), ErrorCode.FIELD_FORMAT, "birthDate"),
        row("NGAY_SINH day without month", field("NGAY_SINH", "199000150000"), "NGAY_SINH: sai định dạng", set("birthDate", "1990-00-15"),
            ErrorCode.FIELD_FORMAT, "birthDate"),
        row("NGAY_SINH in the future", field("NGAY_SINH", "209901010000"), "NGAY_SINH: sau ngày hiện tại", set("birthDate", "2099"),
            ErrorCode.DATE_IN_FUTURE, "birthDate"),
        row("GIOI_TINH not 1, 2 or 3", field("GIOI_TINH", "4"), "GIOI_TINH: sai định dạng", set("sex", "OTHER"), ErrorCode.SEX_INVALID, "sex"),
        row("GIOI_TINH missing", field("GIOI_TINH", ""), "GIOI_TINH: bắt buộc", set("sex", null), ErrorCode.FIELD_REQUIRED, "sex"),
        row("MA_THE_BHYT not a card code", field("MA_THE_BHYT", "HN47070"), "MA_THE_BHYT: sai định dạng", set("cardNumber", "HN47070"),
            ErrorCode.FIELD_FORMAT, "cardNumber"),
        row("MA_THE_BHYT of no province", field("MA_THE_BHYT", "HN4997014012731"), "MA_THE_BHYT: sai định dạng", set("cardNumber", "HN4997014012731"),
            ErrorCode.FIELD_FORMAT, "cardNumber"),
        row("MA_THE_BHYT benefit level 7", field("MA_THE_BHYT", "HN7707014012731"), "MA_THE_BHYT: sai định dạng", set("cardNumber", "HN7707014012731"),
            ErrorCode.FIELD_FORMAT, "cardNumber"),
        row("MA_THE_BHYT over 50", field("MA_THE_BHYT", "H".repeat(51)), "MA_THE_BHYT: dài quá 50", set("cardNumber", "H".repeat(51)),
            ErrorCode.FIELD_TOO_LONG, "cardNumber"),
        row("MA_DKBD not a facility code", field("MA_DKBD", "7001"), "MA_DKBD: sai định dạng", set("registeredFacility", "7001"), ErrorCode.FIELD_FORMAT,
            "registeredFacility"),
        row("GT_THE_TU not a day", field("GT_THE_TU", "20261301"), "GT_THE_TU: sai định dạng", set("cardValidFrom", "2026-13-01"), ErrorCode.FIELD_FORMAT,
            "cardValidFrom"),
        row("GT_THE_DEN not a day", field("GT_THE_DEN", "20260231"), "GT_THE_DEN: sai định dạng", set("cardValidTo", "2026-02-31"), ErrorCode.FIELD_FORMAT,
            "cardValidTo"),
        row("GT_THE_DEN before GT_THE_TU", field("GT_THE_DEN", "20000101"), "GT_THE_DEN: trước GT_THE_TU", set("cardValidTo", "2000-01-01"),
            ErrorCode.FIELD_FORMAT, "cardValidTo"),
        row("MA_DOITUONG_KCB missing", field("MA_DOITUONG_KCB", ""), "MA_DOITUONG_KCB: bắt buộc", set("visitCategory", null), ErrorCode.FIELD_REQUIRED,
            "visitCategory"),
        row("MA_DOITUONG_KCB over 4", field("MA_DOITUONG_KCB", "1.1.1"), "MA_DOITUONG_KCB: dài quá 4", set("visitCategory", "1.1.1"),
            ErrorCode.FIELD_TOO_LONG, "visitCategory"),
        row("MA_DOITUONG_KCB not a category", field("MA_DOITUONG_KCB", "A"), "MA_DOITUONG_KCB: sai định dạng", set("visitCategory", "A"),
            ErrorCode.FIELD_FORMAT, "visitCategory"),
        row("NGAY_VAO missing", field("NGAY_VAO", ""), "NGAY_VAO: bắt buộc", set("arrivedAt", null), ErrorCode.FIELD_REQUIRED, "arrivedAt"),
        row("NGAY_VAO not a time", field("NGAY_VAO", "2026112508"), "NGAY_VAO: sai định dạng", set("arrivedAt", "25/11/2026 08:00"), ErrorCode.FIELD_FORMAT,
            "arrivedAt"),
        row("NGAY_VAO_NOI_TRU not a time", fields("NGAY_VAO_NOI_TRU", "202613010900", "LY_DO_VNT", "Sốt cao"), "NGAY_VAO_NOI_TRU: sai định dạng",
            set("admittedAt", "x").andThen(set("admissionReason", "Sốt cao")), ErrorCode.FIELD_FORMAT, "admittedAt"),
        row("NGAY_VAO_NOI_TRU before NGAY_VAO", fields("NGAY_VAO_NOI_TRU", YESTERDAY + "0700", "LY_DO_VNT", "Sốt cao"), "NGAY_VAO_NOI_TRU: trước NGAY_VAO",
            set("admittedAt", StrictPortalFixture.today().minusDays(1) + "T07:00:00+07:00").andThen(set("admissionReason", "Sốt cao")),
            ErrorCode.FIELD_FORMAT, "admittedAt"),
        row("LY_DO_VNT missing on admission", field("NGAY_VAO_NOI_TRU", YESTERDAY + "0900"), "LY_DO_VNT: bắt buộc khi có NGAY_VAO_NOI_TRU",
            set("admittedAt", StrictPortalFixture.today().minusDays(1) + "T09:00:00+07:00"), ErrorCode.FIELD_REQUIRED, "admissionReason"),
        row("MA_LY_DO_VNT over 5", field("MA_LY_DO_VNT", "123456"), "MA_LY_DO_VNT: dài quá 5", set("admissionReasonCode", "123456"),
            ErrorCode.FIELD_TOO_LONG, "admissionReasonCode"),
        row("MA_LOAI_KCB missing", field("MA_LOAI_KCB", ""), "MA_LOAI_KCB: bắt buộc", set("visitType", null), ErrorCode.FIELD_REQUIRED, "visitType"),
        row("MA_LOAI_KCB not 01-09", field("MA_LOAI_KCB", "10"), "MA_LOAI_KCB: sai định dạng", set("visitType", "10"), ErrorCode.FIELD_FORMAT, "visitType"),
        row("no service, drug or supply", fields("MA_DICH_VU", "", "TEN_DICH_VU", ""), "MA_DICH_VU: bắt buộc khi không có MA_THUOC hay MA_VAT_TU",
            set("firstService", null), ErrorCode.FIELD_REQUIRED, "firstService.code"),
        row("MA_DICH_VU over 50", field("MA_DICH_VU", "D".repeat(51)), "MA_DICH_VU: dài quá 50", nested("firstService.code", "D".repeat(51)),
            ErrorCode.FIELD_TOO_LONG, "firstService.code"),
        row("TEN_DICH_VU missing", field("TEN_DICH_VU", ""), "TEN_DICH_VU: bắt buộc khi có MA_DICH_VU", nested("firstService.name", null),
            ErrorCode.FIELD_REQUIRED, "firstService.name"),
        row("TEN_DICH_VU over 1024", field("TEN_DICH_VU", "T".repeat(1025)), "TEN_DICH_VU: dài quá 1024", nested("firstService.name", "T".repeat(1025)),
            ErrorCode.FIELD_TOO_LONG, "firstService.name"),
        row("MA_THUOC over 255", fields("MA_THUOC", "M".repeat(256), "TEN_THUOC", "Paracetamol"), "MA_THUOC: dài quá 255",
            set("firstDrug", Map.of("code", "M".repeat(256), "name", "Paracetamol")), ErrorCode.FIELD_TOO_LONG, "firstDrug.code"),
        row("TEN_THUOC missing", field("MA_THUOC", "40.17"), "TEN_THUOC: bắt buộc khi có MA_THUOC", set("firstDrug", Map.of("code", "40.17")),
            ErrorCode.FIELD_REQUIRED, "firstDrug.name"),
        row("TEN_VAT_TU missing", field("MA_VAT_TU", "N03.01"), "TEN_VAT_TU: bắt buộc khi có MA_VAT_TU", set("firstSupply", Map.of("code", "N03.01")),
            ErrorCode.FIELD_REQUIRED, "firstSupply.name"),
        row("NGAY_YL missing", field("NGAY_YL", ""), "NGAY_YL: bắt buộc", set("orderedAt", null), ErrorCode.FIELD_REQUIRED, "orderedAt"),
        row("NGAY_YL before NGAY_VAO", field("NGAY_YL", YESTERDAY + "0700"), "NGAY_YL: trước NGAY_VAO",
            set("orderedAt", StrictPortalFixture.today().minusDays(1) + "T07:00:00+07:00"), ErrorCode.FIELD_FORMAT, "orderedAt"),
        built("MA_CSKCB missing", field("MA_CSKCB", ""), "MA_CSKCB: bắt buộc"),
        built("MA_CSKCB of another facility", field("MA_CSKCB", "70002"), "MA_CSKCB: khác cơ sở gửi"),
        built("an element out of the table's order", CheckInRefusalsIT::cskcbFirst, "MA_LK: sai thứ tự chỉ tiêu (đứng sau MA_CSKCB)"),
        built("an element XML 0 does not have", field("MA_BENH", "J00"), "MA_BENH: không phải chỉ tiêu của XML 0"));
  }

  static Stream<Refusal> refusalsCaughtAtIntake() {
    return refusals().filter(r -> r.input() != null);
  }

  private static Consumer<Map<String, String>> fields(String name, String value, String name2, String value2) {
    return field(name, value).andThen(field(name2, value2));
  }

  private static void cskcbFirst(Map<String, String> fields) {
    Map<String, String> rest = new LinkedHashMap<>(fields);
    String code = rest.remove("MA_CSKCB");
    fields.clear();
    fields.put("MA_CSKCB", code);
    fields.putAll(rest);
  }

  private final PortalSimulator simulator = StrictPortalFixture.simulator();
  private final PortalSender sender = StrictPortalFixture.sender(StrictPortalFixture.client(), StrictPortalFixture.BV, StrictPortalFixture.HSSK);
  private final DocumentSigner signer = StrictPortalFixture.signer();

  @BeforeEach
  void reset() {
    simulator.state().reset();
  }

  @Test
  void theCheckInTheGatewayBuildsFromAValidRequestIsAccepted() {
    PortalDocument document = StrictPortalFixture.validate(StrictPortalFixture.checkIn());

    PortalReceipt receipt = sender.send(document, signer.sign(document));

    assertThat(receipt.id()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}: the portal refuses the check-in")
  @MethodSource("refusals")
  void thePortalRefusesTheCheckIn(Refusal refusal) {
    PortalDocument document = StrictPortalFixture.with(StrictPortalFixture.validate(StrictPortalFixture.checkIn()), refusal.document());

    assertThatThrownBy(() -> sender.send(document, signer.sign(document)))
        .isInstanceOfSatisfying(PortalRefusedException.class, e -> assertThat(e.reason()).startsWith("portal code 400: ").contains(refusal.portalSays()));
    assertThat(simulator.state().received().list("check-in")).allSatisfy(entry -> assertThat(entry.get("accepted")).isEqualTo(0));
  }

  @ParameterizedTest(name = "{0}: the gateway refuses the request at intake")
  @MethodSource("refusalsCaughtAtIntake")
  void theGatewayRefusesTheRequestAtIntake(Refusal refusal) {
    Map<String, Object> request = StrictPortalFixture.checkIn();
    refusal.input().accept(request);

    assertThatThrownBy(() -> StrictPortalFixture.validate(request)).isInstanceOfSatisfying(GatewayException.class, e -> {
      assertThat(e.errorCode()).isEqualTo(refusal.code());
      assertThat(e.field()).contains(refusal.field());
    });
  }
}
