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

/** The simulator's check-in and certificate endpoints verify signatures against the certificates registered per facility. */
class SignedDocumentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final TestCertificates PKI = TestCertificates.get();
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

  static String certificateXml(String so, String state) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><root><SO>" + so + "</SO><HOTEN>VÕ HỮU BÌNH</HOTEN><GIOITINHVAL>0</GIOITINHVAL><NGAYSINH>10/11/1989</NGAYSINH>"
        + "<DIACHITHUONGTRU>Ấp 2, Đồng Phú</DIACHITHUONGTRU><MATINH_THUONGTRU>70</MATINH_THUONGTRU><MAHUYEN_THUONGTRU>697</MAHUYEN_THUONGTRU><MAXA_THUONGTRU>25261</MAXA_THUONGTRU>"
        + "<SOCMND_PASSPORT>070089868934</SOCMND_PASSPORT><NGAYTHANGNAMCAPCMND>15/03/2021</NGAYTHANGNAMCAPCMND><NOICAP>Cục CS QLHC</NOICAP><IDBENHVIEN>70001</IDBENHVIEN>"
        + "<BENHVIEN>Bệnh viện Đa khoa tỉnh Bình Phước</BENHVIEN><NONGDOCON>0</NONGDOCON><DVINONGDOCON>1</DVINONGDOCON><MATUY>0</MATUY><NGAYKETLUAN>26/11/2026</NGAYKETLUAN>"
        + "<BACSYKETLUAN>BS. NGUYỄN THỊ LAN</BACSYKETLUAN><KETLUAN>1</KETLUAN><HANGBANGLAI>B</HANGBANGLAI><STATE>" + state + "</STATE></root>";
  }

  static JsonNode sendCertificate(Purpose signer, String so, String state, boolean tamper) throws Exception {
    byte[] signed = XmlSigner.sign(certificateXml(so, state).getBytes(StandardCharsets.UTF_8), PKI.credential(signer), SignaturePlacement.LAST_CHILD_OF_ROOT);
    if (tamper) {
      signed = new String(signed, StandardCharsets.UTF_8).replace("<MATUY>0<", "<MATUY>1<").getBytes(StandardCharsets.UTF_8);
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("SO", so);
    body.put("HOTEN", "VÕ HỮU BÌNH");
    for (String f : new String[] {"GIOITINHVAL", "NGAYSINH", "DIACHITHUONGTRU", "MATINH_THUONGTRU", "MAHUYEN_THUONGTRU", "MAXA_THUONGTRU", "NGAYTHANGNAMCAPCMND", "NOICAP",
        "BENHVIEN", "NONGDOCON", "DVINONGDOCON", "MATUY", "NGAYKETLUAN", "BACSYKETLUAN", "KETLUAN", "HANGBANGLAI"}) {
      body.put(f, "x");
    }
    body.put("SOCMND_PASSPORT", "070089868934");
    body.put("IDBENHVIEN", "70001");
    body.put("STATE", state);
    body.put("SIGNDATA", Base64.getEncoder().encodeToString(signed));
    Map<String, String> headers = Map.of("Username", "70001_HSSK", "Password", Md5.upperHex(Facilities.devPassword("70001")));
    return JSON.readTree(post("/api/hssk/gksk", "application/json", headers, JSON.writeValueAsString(body)).body());
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

  @Test
  void checkInIsAcceptedOnceWithATransactionIdAndADuplicateIsRefused() throws Exception {
    String checkIn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CHI_TIEU_TRANG_THAI_KCB><DSACH_TRANG_THAI_KCB><TRANG_THAI_KCB><MA_LK>LK-1</MA_LK><STT>1</STT>"
        + "<MA_CSKCB>70001</MA_CSKCB></TRANG_THAI_KCB></DSACH_TRANG_THAI_KCB><CHUKYDONVI></CHUKYDONVI></CHI_TIEU_TRANG_THAI_KCB>";
    byte[] signed = XmlSigner.sign(checkIn.getBytes(StandardCharsets.UTF_8), PKI.credential(Purpose.FACILITY_VALID), SignaturePlacement.insideElement("CHUKYDONVI"));
    JsonNode token = JSON.readTree(post("/api/token/take", "application/x-www-form-urlencoded", Map.of(),
        "username=70001_BV&password=" + Md5.upperHex(Facilities.devPassword("70001"))).body()).get("APIKey");
    Map<String, String> headers = Map.of("accessToken", token.get("access_token").asText(), "tokenId", token.get("id_token").asText(),
        "passwordHash", Md5.upperHex(Facilities.devPassword("70001")));
    String form = "username=70001_BV&loaiHoSo=0&maTinh=70&maCSKCB=70001&fileHSBase64=" + URLEncoder.encode(Base64.getEncoder().encodeToString(signed), StandardCharsets.UTF_8);

    JsonNode first = JSON.readTree(post("/api/qd130/checkInKcbQd4750", "application/x-www-form-urlencoded", headers, form).body());
    JsonNode again = JSON.readTree(post("/api/qd130/checkInKcbQd4750", "application/x-www-form-urlencoded", headers, form).body());
    JsonNode noToken = JSON.readTree(post("/api/qd130/checkInKcbQd4750", "application/x-www-form-urlencoded", Map.of(), form).body());

    assertThat(first.get("maKetQua").asText()).as(first.toString()).isEqualTo("200");
    assertThat(first.get("maGiaoDich").asText()).isNotBlank();
    assertThat(first.get("thoiGianTiepNhan").asText()).matches("\\d{14}");
    assertThat(again.get("maKetQua").asText()).isEqualTo("409");
    assertThat(again.get("thongDiep").asText()).contains("LK-1").contains(first.get("maGiaoDich").asText());
    assertThat(noToken.get("maKetQua").asText()).isEqualTo("401");
  }
}
