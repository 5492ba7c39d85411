package vn.healthgate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.healthgate.certs.ca.Pem;
import vn.healthgate.certs.testing.TestCertificates;
import vn.healthgate.certs.testing.TestCertificates.Purpose;
import vn.healthgate.certs.xml.SignaturePlacement;
import vn.healthgate.certs.xml.XmlSigner;
import vn.healthgate.simulator.data.Facilities;

/**
 * The simulator's check-in and certificate endpoints: the account and its password, the structure of the documents,
 * signatures verified against the certificates registered per facility, duplicates. (Every field rule, sent through the
 * gateway's own portal client, is in the routes module's {@code PortalRefusalsIT}.)
 */
class SignedDocumentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final TestCertificates PKI = TestCertificates.get();
  private static final String BV_MD5 = Md5.upperHex(Facilities.devBvPassword("70001"));
  private static final String HSSK_MD5 = Md5.upperHex(Facilities.devHsskPassword("70001"));
  private static PortalSimulator simulator;

  @BeforeAll
  static void start() throws Exception {
    simulator = PortalSimulator.start(SimulatorSettings.defaults().withPort(0));
    Map<String, String> registration = new LinkedHashMap<>();
    registration.put("facilityCode", "70001");
    registration.put("certificatePem", Pem.encode(PKI.credential(Purpose.FACILITY_VALID).certificate()));
    registration.put("rootPem", Pem.encode(PKI.authority().rootCertificate()));
    registration.put("issuingPem", Pem.encode(PKI.authority().issuingCertificate()));
    registration.put("crlPem", Pem.encode(PKI.authority().crl()));
    assertThat(post("/sim/certificates", "application/json", Map.of(), JSON.writeValueAsString(registration)).statusCode()).isEqualTo(201);
    for (Purpose p : new Purpose[] {Purpose.FACILITY_VALID_EC, Purpose.FACILITY_EXPIRED, Purpose.FACILITY_NOT_YET_VALID, Purpose.FACILITY_REVOKED, Purpose.WRONG_CA, Purpose.NO_SIGNING_USAGE}) {
      simulator.state().certificates().register("70001", PKI.credential(p).certificate());
    }
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @BeforeEach
  void reset() {
    simulator.state().reset();
  }

  static HttpResponse<String> post(String path, String contentType, Map<String, String> headers, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A certificate's fields as the portal wants them (without SIGNDATA), in the contract's order. */
  static Map<String, String> certificateFields(String so, String state) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("SO", so);
    f.put("HOTEN", "VÕ HỮU BÌNH");
    f.put("GIOITINHVAL", "0");
    f.put("NGAYSINH", "10/11/1989");
    f.put("DIACHITHUONGTRU", "Ấp 2, Đồng Phú");
    f.put("MATINH_THUONGTRU", "70");
    f.put("MAHUYEN_THUONGTRU", "697");
    f.put("MAXA_THUONGTRU", "25261");
    f.put("SOCMND_PASSPORT", "070089868934");
    f.put("NGAYTHANGNAMCAPCMND", "15/03/2021");
    f.put("NOICAP", "Cục CS QLHC");
    f.put("IDBENHVIEN", "70001");
    f.put("BENHVIEN", "Bệnh viện Đa khoa tỉnh Bình Phước");
    f.put("NONGDOCON", "0");
    f.put("DVINONGDOCON", "1");
    f.put("MATUY", "0");
    f.put("NGAYKETLUAN", "26/11/2026");
    f.put("BACSYKETLUAN", "BS. NGUYỄN THỊ LAN");
    f.put("KETLUAN", "1");
    f.put("HANGBANGLAI", "B");
    f.put("NGAYKHAMLAI", "");
    f.put("LYDO", "");
    f.put("TINHTRANGBENH", "");
    f.put("STATE", state);
    return f;
  }

  static String xml(String root, Map<String, String> fields) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + root + ">"
        + fields.entrySet().stream().map(e -> "<" + e.getKey() + ">" + e.getValue() + "</" + e.getKey() + ">").collect(Collectors.joining())
        + "</" + root + ">";
  }

  static JsonNode sendCertificate(Purpose signer, String so, String state, boolean tamper) throws Exception {
    return sendCertificate(signer, certificateFields(so, state), tamper, Map.of("Username", "70001_HSSK", "Password", HSSK_MD5));
  }

  static JsonNode sendCertificate(Purpose signer, Map<String, String> fields, boolean tamper, Map<String, String> headers) throws Exception {
    byte[] signed = XmlSigner.sign(xml("root", fields).getBytes(StandardCharsets.UTF_8), PKI.credential(signer), SignaturePlacement.LAST_CHILD_OF_ROOT);
    if (tamper) {
      signed = new String(signed, StandardCharsets.UTF_8).replace("<MATUY>0<", "<MATUY>1<").getBytes(StandardCharsets.UTF_8);
    }
    Map<String, String> body = new LinkedHashMap<>(fields);
    body.put("SIGNDATA", Base64.getEncoder().encodeToString(signed));
    HttpResponse<String> response = post("/api/hssk/gksk", "application/json", headers, JSON.writeValueAsString(body));
    return ((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(response.body())).put("httpStatus", response.statusCode());
  }

  @Test
  void acceptsASignedCertificateOnceThenRefusesTheSameAddAndAcceptsAnEdit() throws Exception {
    JsonNode first = sendCertificate(Purpose.FACILITY_VALID, "00001/GKSKLX/70001/26", "ADD", false);
    assertThat(first.get("MSG_STATE").asText()).as(first.toString()).isEqualTo("1");
    assertThat(first.get("UUID").asText()).isNotBlank();

    JsonNode again = sendCertificate(Purpose.FACILITY_VALID, "00001/GKSKLX/70001/26", "ADD", false);
    assertThat(again.get("MSG_STATE").asText()).isEqualTo("0");
    assertThat(again.get("MSG_TEXT").asText()).contains("đã tồn tại").contains("cùng nội dung");
    assertThat(again.get("UUID").asText()).isEqualTo(first.get("UUID").asText());

    assertThat(sendCertificate(Purpose.FACILITY_VALID, "00001/GKSKLX/70001/26", "EDIT", false).get("MSG_STATE").asText()).isEqualTo("1");
    assertThat(sendCertificate(Purpose.FACILITY_VALID, "00099/GKSKLX/70001/26", "EDIT", false).get("MSG_STATE").asText()).isEqualTo("0");

    JsonNode received = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/sim/received?kind=certificate")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    JsonNode entry = received.findParents("id").stream().filter(n -> n.get("id").asText().equals("00001/GKSKLX/70001/26")).findFirst().orElseThrow();
    assertThat(entry.get("arrivals").asInt()).isEqualTo(3);
  }

  @Test
  void everyCertificateAnswerToTheFacilityNamesItInIdbenhvien() throws Exception {
    JsonNode accepted = sendCertificate(Purpose.FACILITY_VALID, "00005/GKSKLX/70001/26", "ADD", false);
    JsonNode duplicate = sendCertificate(Purpose.FACILITY_VALID, "00005/GKSKLX/70001/26", "ADD", false);
    JsonNode refused = sendCertificate(Purpose.FACILITY_VALID, "00006/GKSKLX/70001/26", "ADD", true);

    for (JsonNode answer : new JsonNode[] {accepted, duplicate, refused}) {
      assertThat(answer.get("IDBENHVIEN").asText()).as(answer.toString()).isEqualTo("70001");
      assertThat(answer.get("BENHVIEN").asText()).isEqualTo("Bệnh viện Đa khoa tỉnh Bình Phước");
      assertThat(answer.get("SO").asText()).startsWith("0000");
    }
  }

  @ParameterizedTest(name = "certificate sent as {0} with the password of {1}: refused")
  @CsvSource({"70001_HSSK, wrong", "70001_HSSK, _BV", "70001_BV, _BV", "70001_BV, _HSSK", "70001, _HSSK"})
  void refusesACertificateSentWithAWrongPasswordOrTheOtherAccount(String username, String passwordOf) throws Exception {
    String md5 = switch (passwordOf) {
      case "_BV" -> BV_MD5;
      case "_HSSK" -> HSSK_MD5;
      default -> Md5.upperHex("wrong");
    };
    JsonNode reply = sendCertificate(Purpose.FACILITY_VALID, certificateFields("00007/GKSKLX/70001/26", "ADD"), false,
        Map.of("Username", username, "Password", md5));

    assertThat(reply.get("httpStatus").asInt()).isEqualTo(401);
    assertThat(reply.get("MSG_STATE").asText()).isEqualTo("0");
    assertThat(simulator.state().received().list("certificate")).isEmpty();
  }

  @Test
  void acceptsACertificateWithoutADistrictSinceTheTwoLevelMap() throws Exception {
    Map<String, String> fields = certificateFields("00008/GKSKLX/70001/26", "ADD");
    fields.put("MATINH_THUONGTRU", "75");
    fields.put("MAHUYEN_THUONGTRU", "");

    JsonNode reply = sendCertificate(Purpose.FACILITY_VALID, fields, false, Map.of("Username", "70001_HSSK", "Password", HSSK_MD5));

    assertThat(reply.get("MSG_STATE").asText()).as(reply.toString()).isEqualTo("1");
  }

  @Test
  void acceptsEcdsaSignatures() throws Exception {
    assertThat(sendCertificate(Purpose.FACILITY_VALID_EC, "00002/GKSKLX/70001/26", "ADD", false).get("MSG_STATE").asText()).isEqualTo("1");
  }

  @ParameterizedTest(name = "{0} refused: {1}")
  @CsvSource({
      "FACILITY_EXPIRED, CERTIFICATE_EXPIRED",
      "FACILITY_NOT_YET_VALID, CERTIFICATE_NOT_YET_VALID",
      "FACILITY_REVOKED, CERTIFICATE_REVOKED",
      "WRONG_CA, UNTRUSTED_CHAIN",
      "NO_SIGNING_USAGE, WRONG_KEY_USAGE",
      "HIS_CLIENT_TLS, UNKNOWN_SIGNER"})
  void refusesCertificatesThatAreNotGoodForSigning(Purpose signer, String reason) throws Exception {
    JsonNode reply = sendCertificate(signer, "00003/GKSKLX/70001/26", "ADD", false);
    assertThat(reply.get("MSG_STATE").asText()).isEqualTo("0");
    assertThat(reply.get("MSG_TEXT").asText()).contains(reason);
  }

  @Test
  void refusesATamperedDocument() throws Exception {
    JsonNode reply = sendCertificate(Purpose.FACILITY_VALID, "00004/GKSKLX/70001/26", "ADD", true);
    assertThat(reply.get("MSG_TEXT").asText()).contains("DIGEST_MISMATCH");
  }

  // --- check-in notices

  /** A valid {@code TRANG_THAI_KCB}, every element of XML 0 in order. */
  static Map<String, String> checkInRecord(String episode, int position) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("MA_LK", episode);
    r.put("STT", String.valueOf(position));
    r.put("MA_BN", "BN-1");
    r.put("HO_TEN", "NGUYỄN VĂN AN");
    r.put("SO_CCCD", "070090000123");
    r.put("NGAY_SINH", "199001010000");
    r.put("GIOI_TINH", "1");
    r.put("MA_THE_BHYT", "HN4707014012731");
    r.put("MA_DKBD", "70001");
    r.put("GT_THE_TU", "20260101");
    r.put("GT_THE_DEN", "20261231");
    r.put("MA_DOITUONG_KCB", "1.1");
    r.put("NGAY_VAO", "202611250800");
    r.put("NGAY_VAO_NOI_TRU", "");
    r.put("LY_DO_VNT", "");
    r.put("MA_LY_DO_VNT", "");
    r.put("MA_LOAI_KCB", "01");
    r.put("MA_CSKCB", "70001");
    r.put("MA_DICH_VU", "02.1896");
    r.put("TEN_DICH_VU", "Khám Nội");
    r.put("MA_THUOC", "");
    r.put("TEN_THUOC", "");
    r.put("MA_VAT_TU", "");
    r.put("TEN_VAT_TU", "");
    r.put("NGAY_YL", "202611250815");
    r.put("DU_PHONG", "");
    return r;
  }

  static String checkInXml(String records) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CHI_TIEU_TRANG_THAI_KCB><DSACH_TRANG_THAI_KCB>" + records
        + "</DSACH_TRANG_THAI_KCB><CHUKYDONVI></CHUKYDONVI></CHI_TIEU_TRANG_THAI_KCB>";
  }

  static String record(Map<String, String> elements) {
    return xml("TRANG_THAI_KCB", elements).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "");
  }

  static Map<String, String> checkInHeaders(String passwordHash) throws Exception {
    JsonNode token = JSON.readTree(post("/api/token/take", "application/x-www-form-urlencoded", Map.of(), "username=70001_BV&password=" + BV_MD5).body())
        .get("APIKey");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("accessToken", token.get("access_token").asText());
    headers.put("tokenId", token.get("id_token").asText());
    if (passwordHash != null) {
      headers.put("passwordHash", passwordHash);
    }
    return headers;
  }

  static JsonNode sendCheckIn(String xml, Map<String, String> headers, UnaryOperator<String> form) throws Exception {
    byte[] signed = XmlSigner.sign(xml.getBytes(StandardCharsets.UTF_8), PKI.credential(Purpose.FACILITY_VALID), SignaturePlacement.insideElement("CHUKYDONVI"));
    String body = form.apply("username=70001_BV&loaiHoSo=0&maTinh=75&maCSKCB=70001&fileHSBase64="
        + URLEncoder.encode(Base64.getEncoder().encodeToString(signed), StandardCharsets.UTF_8));
    return JSON.readTree(post("/api/qd130/checkInKcbQd4750", "application/x-www-form-urlencoded", headers, body).body());
  }

  @Test
  void checkInIsAcceptedOnceWithATransactionIdAndADuplicateIsRefused() throws Exception {
    String xml = checkInXml(record(checkInRecord("LK-1", 1)));

    JsonNode first = sendCheckIn(xml, checkInHeaders(BV_MD5), form -> form);
    JsonNode again = sendCheckIn(xml, checkInHeaders(BV_MD5), form -> form);
    JsonNode noToken = sendCheckIn(xml, Map.of("passwordHash", BV_MD5), form -> form);

    assertThat(first.get("maKetQua").asText()).as(first.toString()).isEqualTo("200");
    assertThat(first.get("maGiaoDich").asText()).isNotBlank();
    assertThat(first.get("thoiGianTiepNhan").asText()).matches("\\d{14}");
    assertThat(again.get("maKetQua").asText()).isEqualTo("409");
    assertThat(again.get("thongDiep").asText()).contains("LK-1").contains(first.get("maGiaoDich").asText());
    assertThat(noToken.get("maKetQua").asText()).isEqualTo("401");
  }

  @Test
  void refusesACheckInWhosePasswordHashIsWrongOrMissingThoughItsTokenIsValid() throws Exception {
    String xml = checkInXml(record(checkInRecord("LK-2", 1)));

    for (String hash : new String[] {Md5.upperHex("wrong"), HSSK_MD5, null}) {
      JsonNode reply = sendCheckIn(xml, checkInHeaders(hash), form -> form);
      assertThat(reply.get("maKetQua").asText()).as(String.valueOf(hash)).isEqualTo("401");
      assertThat(reply.get("thongDiep").asText()).contains("passwordHash");
    }
    assertThat(simulator.state().received().list("check-in")).isEmpty();
  }

  @Test
  void refusesACheckInWhoseProvinceIsNotTheFacilitysOnTheCurrentMapThatOfBefore2025() throws Exception {
    JsonNode reply = sendCheckIn(checkInXml(record(checkInRecord("LK-3", 1))), checkInHeaders(BV_MD5), form -> form.replace("maTinh=75", "maTinh=70"));

    assertThat(reply.get("maKetQua").asText()).isEqualTo("400");
    assertThat(reply.get("thongDiep").asText()).contains("maTinh");
  }

  @Test
  void refusesUnknownRepeatedAndMisplacedElements() throws Exception {
    Map<String, String> unknown = checkInRecord("LK-4", 1);
    unknown.put("MA_BENH", "J00");
    String repeated = record(checkInRecord("LK-4", 1)).replace("<MA_BN>BN-1</MA_BN>", "<MA_BN>BN-1</MA_BN><MA_BN>BN-2</MA_BN>");
    Map<String, String> misplaced = new LinkedHashMap<>(checkInRecord("LK-4", 1));
    misplaced.remove("MA_LK");
    misplaced.put("MA_LK", "LK-4");

    assertThat(sendCheckIn(checkInXml(record(unknown)), checkInHeaders(BV_MD5), f -> f).get("thongDiep").asText())
        .contains("TRANG_THAI_KCB[1].MA_BENH: không phải chỉ tiêu của XML 0");
    assertThat(sendCheckIn(checkInXml(repeated), checkInHeaders(BV_MD5), f -> f).get("thongDiep").asText())
        .contains("TRANG_THAI_KCB[1].MA_BN: xuất hiện hai lần");
    assertThat(sendCheckIn(checkInXml(record(misplaced)), checkInHeaders(BV_MD5), f -> f).get("thongDiep").asText())
        .contains("TRANG_THAI_KCB[1].MA_LK: sai thứ tự chỉ tiêu (đứng sau DU_PHONG)");
    assertThat(simulator.state().received().list("check-in")).isEmpty();
  }

  @Test
  void numbersTheRecordsOfAFileFromOneAndRefusesAnEpisodeTwiceInIt() throws Exception {
    String twoGood = record(checkInRecord("LK-5", 1)) + record(checkInRecord("LK-6", 2));
    String misnumbered = record(checkInRecord("LK-7", 1)) + record(checkInRecord("LK-8", 3));
    String repeated = record(checkInRecord("LK-9", 1)) + record(checkInRecord("LK-9", 2));

    assertThat(sendCheckIn(checkInXml(twoGood), checkInHeaders(BV_MD5), f -> f).get("thongDiep").asText()).contains("2 hồ sơ");
    assertThat(sendCheckIn(checkInXml(misnumbered), checkInHeaders(BV_MD5), f -> f).get("thongDiep").asText())
        .contains("TRANG_THAI_KCB[2].STT: phải là số thứ tự của hồ sơ trong tệp (2)");
    assertThat(sendCheckIn(checkInXml(repeated), checkInHeaders(BV_MD5), f -> f).get("thongDiep").asText())
        .contains("TRANG_THAI_KCB[2].MA_LK: trùng với một hồ sơ khác trong tệp");
  }

  @Test
  void refusesAFileThatIsNotTheListThenTheSignature() throws Exception {
    String noList = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CHI_TIEU_TRANG_THAI_KCB>" + record(checkInRecord("LK-10", 1))
        + "<CHUKYDONVI></CHUKYDONVI></CHI_TIEU_TRANG_THAI_KCB>";

    JsonNode reply = sendCheckIn(noList, checkInHeaders(BV_MD5), f -> f);

    assertThat(reply.get("maKetQua").asText()).isEqualTo("400");
    assertThat(reply.get("thongDiep").asText()).contains("DSACH_TRANG_THAI_KCB rồi CHUKYDONVI");
  }
}
