package vn.healthgate.routes.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.healthgate.routes.portal.StrictPortalFixture.field;
import static vn.healthgate.routes.portal.StrictPortalFixture.nested;
import static vn.healthgate.routes.portal.StrictPortalFixture.set;

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
 * Every refusal of a driver health certificate's content the simulator models ({@code docs/api.md}, "What the portal
 * refuses"), sent through the gateway's own delivery path: (a) the simulator refuses it with the portal's answer
 * ({@code MSG_STATE} 0 and the rule in {@code MSG_TEXT}), which the gateway reads as REJECTED; (b) the request that would
 * lead the gateway to send it is refused at intake with a catalogue code. Rows without an intake counterpart are fields
 * the gateway builds itself; the signed copy ({@code SIGNDATA}) is built from the same fields as the JSON body.
 */
class CertificateRefusalsIT {

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

  static Stream<Refusal> refusals() {
    String year = String.format("%02d", StrictPortalFixture.today().getYear() % 100);
    return Stream.of(
        row("SO missing", field("SO", ""), "SO: bắt buộc", set("number", null), ErrorCode.FIELD_REQUIRED, "number"),
        row("SO not NNNNN/GKSKLX/facility/yy", field("SO", "1/GKSKLX/70001/" + year), "SO: không đúng dạng", set("number", "1/GKSKLX/70001/" + year),
            ErrorCode.CERTIFICATE_NUMBER, "number"),
        row("SO of another facility", field("SO", "00001/GKSKLX/70002/" + year), "SO: không đúng dạng", set("number", "00001/GKSKLX/70002/" + year),
            ErrorCode.FACILITY_MISMATCH, "number"),
        row("SO over 21", field("SO", "000001/GKSKLX/70001/" + year), "SO: không đúng dạng", set("number", "000001/GKSKLX/70001/" + year),
            ErrorCode.FIELD_TOO_LONG, "number"),
        row("HOTEN missing", field("HOTEN", ""), "HOTEN: bắt buộc", nested("person.fullName", null), ErrorCode.FIELD_REQUIRED, "person.fullName"),
        row("GIOITINHVAL not 0 or 1", field("GIOITINHVAL", "2"), "GIOITINHVAL: sai định dạng", nested("person.sex", "UNDETERMINED"),
            ErrorCode.SEX_INVALID, "person.sex"),
        row("NGAYSINH not dd/MM/yyyy", field("NGAYSINH", "1989-11-10"), "NGAYSINH: sai định dạng", nested("person.birthDate", "10/11/1989"),
            ErrorCode.FIELD_FORMAT, "person.birthDate"),
        row("NGAYSINH in the future", field("NGAYSINH", "10/11/2099"), "NGAYSINH: sau ngày hiện tại", nested("person.birthDate", "2099-11-10"),
            ErrorCode.DATE_IN_FUTURE, "person.birthDate"),
        row("DIACHITHUONGTRU missing", field("DIACHITHUONGTRU", ""), "DIACHITHUONGTRU: bắt buộc", nested("person.address.line", null),
            ErrorCode.FIELD_REQUIRED, "person.address.line"),
        row("MATINH_THUONGTRU of no province", field("MATINH_THUONGTRU", "99"), "MATINH_THUONGTRU: sai định dạng", nested("person.address.provinceCode", "99"),
            ErrorCode.FIELD_FORMAT, "person.address.provinceCode"),
        row("MATINH_THUONGTRU one digit", field("MATINH_THUONGTRU", "7"), "MATINH_THUONGTRU: sai định dạng", nested("person.address.provinceCode", "7"),
            ErrorCode.FIELD_FORMAT, "person.address.provinceCode"),
        row("MAHUYEN_THUONGTRU not 3 digits", field("MAHUYEN_THUONGTRU", "69"), "MAHUYEN_THUONGTRU: sai định dạng",
            nested("person.address.districtCode", "69"), ErrorCode.FIELD_FORMAT, "person.address.districtCode"),
        row("MAXA_THUONGTRU not 5 digits", field("MAXA_THUONGTRU", "2526"), "MAXA_THUONGTRU: sai định dạng", nested("person.address.communeCode", "2526"),
            ErrorCode.FIELD_FORMAT, "person.address.communeCode"),
        row("SOCMND_PASSPORT missing", field("SOCMND_PASSPORT", ""), "SOCMND_PASSPORT: bắt buộc", nested("person.idNumber", null),
            ErrorCode.FIELD_REQUIRED, "person.idNumber"),
        row("SOCMND_PASSPORT not an ID number", field("SOCMND_PASSPORT", "07-0089"), "SOCMND_PASSPORT: không phải số CCCD",
            nested("person.idNumber", "07-0089"), ErrorCode.FIELD_FORMAT, "person.idNumber"),
        row("SOCMND_PASSPORT of no province", field("SOCMND_PASSPORT", "999089868934"), "SOCMND_PASSPORT: 3 chữ số đầu",
            nested("person.idNumber", "999089868934"), ErrorCode.CCCD_PROVINCE, "person.idNumber"),
        row("SOCMND_PASSPORT of another century", field("SOCMND_PASSPORT", "070289868934"), "SOCMND_PASSPORT: chữ số thứ 4 của CCCD (thế kỷ)",
            nested("person.idNumber", "070289868934"), ErrorCode.CCCD_CENTURY, "person.idNumber"),
        row("SOCMND_PASSPORT of another birth year", field("SOCMND_PASSPORT", "070088868934"), "SOCMND_PASSPORT: chữ số thứ 5-6",
            nested("person.idNumber", "070088868934"), ErrorCode.CCCD_BIRTHYEAR, "person.idNumber"),
        row("SOCMND_PASSPORT of the other sex", field("SOCMND_PASSPORT", "070189868934"), "SOCMND_PASSPORT: chữ số thứ 4 của CCCD (giới tính)",
            nested("person.idNumber", "070189868934"), ErrorCode.CCCD_SEX, "person.idNumber"),
        row("NGAYTHANGNAMCAPCMND not dd/MM/yyyy", field("NGAYTHANGNAMCAPCMND", "2021-03-15"), "NGAYTHANGNAMCAPCMND: sai định dạng",
            nested("person.idIssuedOn", "15/03/2021"), ErrorCode.FIELD_FORMAT, "person.idIssuedOn"),
        row("NGAYTHANGNAMCAPCMND before NGAYSINH", field("NGAYTHANGNAMCAPCMND", "15/03/1980"), "NGAYTHANGNAMCAPCMND: trước NGAYSINH",
            nested("person.idIssuedOn", "1980-03-15"), ErrorCode.FIELD_FORMAT, "person.idIssuedOn"),
        row("NGAYTHANGNAMCAPCMND in the future", field("NGAYTHANGNAMCAPCMND", "15/03/2099"), "NGAYTHANGNAMCAPCMND: sau ngày hiện tại",
            nested("person.idIssuedOn", "2099-03-15"), ErrorCode.DATE_IN_FUTURE, "person.idIssuedOn"),
        row("NOICAP missing", field("NOICAP", ""), "NOICAP: bắt buộc", nested("person.idIssuedBy", null), ErrorCode.FIELD_REQUIRED, "person.idIssuedBy"),
        row("NONGDOCON negative", field("NONGDOCON", "-1"), "NONGDOCON: sai định dạng", nested("alcohol.value", "-1"), ErrorCode.ALCOHOL, "alcohol.value"),
        row("NONGDOCON with an exponent", field("NONGDOCON", "1E3"), "NONGDOCON: sai định dạng", nested("alcohol.value", "1E3"), ErrorCode.ALCOHOL,
            "alcohol.value"),
        row("NONGDOCON with a decimal comma", field("NONGDOCON", "0,25"), "NONGDOCON: sai định dạng", nested("alcohol.value", "0,25"), ErrorCode.ALCOHOL,
            "alcohol.value"),
        row("DVINONGDOCON not 0 or 1", field("DVINONGDOCON", "2"), "DVINONGDOCON: sai định dạng", nested("alcohol.unit", "PERCENT"), ErrorCode.ALCOHOL,
            "alcohol.unit"),
        row("MATUY not 0 or 1", field("MATUY", "2"), "MATUY: sai định dạng", set("drugTest", "MAYBE"), ErrorCode.DRUG_TEST, "drugTest"),
        row("NGAYKETLUAN missing", field("NGAYKETLUAN", ""), "NGAYKETLUAN: bắt buộc", nested("conclusion.date", null), ErrorCode.FIELD_REQUIRED,
            "conclusion.date"),
        row("NGAYKETLUAN in the future", field("NGAYKETLUAN", "01/01/2099"), "NGAYKETLUAN: sau ngày hiện tại", nested("conclusion.date", "2099-01-01"),
            ErrorCode.DATE_IN_FUTURE, "conclusion.date"),
        row("BACSYKETLUAN missing", field("BACSYKETLUAN", ""), "BACSYKETLUAN: bắt buộc", nested("conclusion.doctor", null), ErrorCode.FIELD_REQUIRED,
            "conclusion.doctor"),
        row("KETLUAN not a conclusion code", field("KETLUAN", "3"), "KETLUAN: sai định dạng", nested("conclusion.code", "OK"), ErrorCode.CONCLUSION,
            "conclusion.code"),
        row("HANGBANGLAI not a 2025 class", field("HANGBANGLAI", "B2"), "HANGBANGLAI: sai định dạng", set("licenceClass", "Z9"), ErrorCode.LICENCE_CLASS,
            "licenceClass"),
        row("NGAYKHAMLAI missing for KETLUAN 2", field("KETLUAN", "2"), "NGAYKHAMLAI: bắt buộc khi KETLUAN là 2",
            nested("conclusion.code", "FIT_WITH_REEXAMINATION"), ErrorCode.REEXAMINATION_DATE, "conclusion.reexaminationDate"),
        row("NGAYKHAMLAI not after NGAYKETLUAN", field("NGAYKHAMLAI", "01/01/2000"), "NGAYKHAMLAI: phải sau NGAYKETLUAN",
            nested("conclusion.reexaminationDate", "2000-01-01"), ErrorCode.REEXAMINATION_DATE, "conclusion.reexaminationDate"),
        row("NGAYKHAMLAI not dd/MM/yyyy", field("NGAYKHAMLAI", "2099-01-01"), "NGAYKHAMLAI: sai định dạng", nested("conclusion.reexaminationDate", "x"),
            ErrorCode.FIELD_FORMAT, "conclusion.reexaminationDate"),
        row("LYDO missing for KETLUAN 0", field("KETLUAN", "0"), "LYDO: bắt buộc khi KETLUAN là 0", nested("conclusion.code", "UNFIT"),
            ErrorCode.FIELD_REQUIRED, "conclusion.reason"),
        built("IDBENHVIEN missing", field("IDBENHVIEN", ""), "IDBENHVIEN: bắt buộc"),
        built("IDBENHVIEN of another facility", field("IDBENHVIEN", "70002"), "IDBENHVIEN: khác tài khoản gửi"),
        built("BENHVIEN missing", field("BENHVIEN", ""), "BENHVIEN: bắt buộc"),
        built("STATE neither ADD nor EDIT", field("STATE", "DELETE"), "STATE: sai định dạng"),
        built("a field the certificate does not have, in SIGNDATA", field("GHICHU", "x"), "SIGNDATA: GHICHU không phải trường"));
  }

  static Stream<Refusal> refusalsCaughtAtIntake() {
    return refusals().filter(r -> r.input() != null);
  }

  /** Every field the JSON body and its signed copy share. */
  static Stream<String> signedFields() {
    return StrictPortalFixture.validateCertificate(StrictPortalFixture.certificate()).fields().keySet().stream();
  }

  private final PortalSimulator simulator = StrictPortalFixture.simulator();
  private final PortalSender sender = StrictPortalFixture.sender(StrictPortalFixture.client(), StrictPortalFixture.BV, StrictPortalFixture.HSSK);
  private final DocumentSigner signer = StrictPortalFixture.signer();

  @BeforeEach
  void reset() {
    simulator.state().reset();
  }

  @Test
  void theCertificateTheGatewayBuildsFromAValidRequestIsAccepted() {
    PortalDocument document = StrictPortalFixture.validateCertificate(StrictPortalFixture.certificate());

    PortalReceipt receipt = sender.send(document, signer.sign(document));

    assertThat(receipt.id()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}: the portal refuses the certificate")
  @MethodSource("refusals")
  void thePortalRefusesTheCertificate(Refusal refusal) {
    PortalDocument document = StrictPortalFixture.with(StrictPortalFixture.validateCertificate(StrictPortalFixture.certificate()), refusal.document());

    assertThatThrownBy(() -> sender.send(document, signer.sign(document)))
        .isInstanceOfSatisfying(PortalRefusedException.class, e -> assertThat(e.reason()).startsWith("MSG_STATE 0: ").contains(refusal.portalSays()));
    assertThat(simulator.state().received().list("certificate")).isEmpty();
  }

  @ParameterizedTest(name = "{0} differs in SIGNDATA: the portal refuses the certificate")
  @MethodSource("signedFields")
  void thePortalRefusesACertificateWhoseSignedCopyDiffersInAnyField(String field) {
    PortalDocument sent = StrictPortalFixture.validateCertificate(StrictPortalFixture.certificate());
    PortalDocument signed = StrictPortalFixture.with(sent, fields -> fields.put(field, fields.get(field) + "9"));

    assertThatThrownBy(() -> sender.send(sent, signer.sign(signed)))
        .isInstanceOfSatisfying(PortalRefusedException.class, e -> assertThat(e.reason()).contains("SIGNDATA khác dữ liệu gửi ở trường " + field));
  }

  @ParameterizedTest(name = "{0}: the gateway refuses the request at intake")
  @MethodSource("refusalsCaughtAtIntake")
  void theGatewayRefusesTheRequestAtIntake(Refusal refusal) {
    Map<String, Object> request = StrictPortalFixture.certificate();
    refusal.input().accept(request);

    assertThatThrownBy(() -> StrictPortalFixture.validateCertificate(request)).isInstanceOfSatisfying(GatewayException.class, e -> {
      assertThat(e.errorCode()).isEqualTo(refusal.code());
      assertThat(e.field()).contains(refusal.field());
    });
  }
}
