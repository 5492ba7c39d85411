package vn.healthgate.simulator.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.healthgate.certs.xml.SecureXml;
import vn.healthgate.certs.xml.VerificationResult;
import vn.healthgate.simulator.Md5;
import vn.healthgate.simulator.SimRequest;
import vn.healthgate.simulator.SimResponse;
import vn.healthgate.simulator.data.Facilities;
import vn.healthgate.simulator.data.Facility;

/**
 * The check-in notice ({@code portal-api.md} §4) and the driver health certificate (§5): XML and
 * signature checks against the certificates registered per facility, duplicates by {@code MA_LK} per facility
 * and {@code SO}, receipts.
 */
public final class SignedDocumentEndpoints {
  public static final String CHECK_IN_PATH = "/api/qd130/checkInKcbQd4750";
  public static final String CERTIFICATE_PATH = "/api/hssk/gksk";
  static final List<String> CERTIFICATE_FIELDS = List.of("SO", "HOTEN", "GIOITINHVAL", "NGAYSINH", "DIACHITHUONGTRU", "MATINH_THUONGTRU",
      "MAHUYEN_THUONGTRU", "MAXA_THUONGTRU", "SOCMND_PASSPORT", "NGAYTHANGNAMCAPCMND", "NOICAP", "IDBENHVIEN", "BENHVIEN", "NONGDOCON",
      "DVINONGDOCON", "MATUY", "NGAYKETLUAN", "BACSYKETLUAN", "KETLUAN", "HANGBANGLAI", "STATE", "SIGNDATA");
  private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

  private final Facilities facilities;
  private final TokenStore tokens;
  private final RegisteredCertificates certificates;
  private final ReceivedDocuments received;
  private final Clock clock;

  public SignedDocumentEndpoints(Facilities facilities, TokenStore tokens, RegisteredCertificates certificates, ReceivedDocuments received, Clock clock) {
    this.facilities = facilities;
    this.tokens = tokens;
    this.certificates = certificates;
    this.received = received;
    this.clock = clock;
  }

  public SimResponse checkIn(SimRequest request) {
    String username = request.field("username");
    if (!tokens.isValid(request.header("accessToken"), request.header("tokenId"), username)) {
      return checkInReply("401", "Token không hợp lệ hoặc đã hết hạn", null);
    }
    String facility = request.field("maCSKCB");
    if (facility == null || !username.toUpperCase().equals(facility + "_BV")) {
      return checkInReply("403", "Tài khoản không được gửi dữ liệu cho cơ sở " + facility, null);
    }
    if (!"0".equals(request.field("loaiHoSo"))) {
      return checkInReply("400", "loaiHoSo phải là 0 (thông tin check-in)", null);
    }
    byte[] xml;
    Document document;
    try {
      xml = Base64.getDecoder().decode(Optional.ofNullable(request.field("fileHSBase64")).orElse("").replaceAll("\\s", ""));
      document = SecureXml.parse(xml);
    } catch (IllegalArgumentException | SecureXml.InvalidXmlException e) {
      return checkInReply("400", "fileHSBase64 không phải XML hợp lệ", null);
    }
    Element root = document.getDocumentElement();
    if (!root.getTagName().equals("CHI_TIEU_TRANG_THAI_KCB")) {
      return checkInReply("400", "Thẻ gốc phải là CHI_TIEU_TRANG_THAI_KCB", null);
    }
    NodeList signatureHolder = root.getElementsByTagName("CHUKYDONVI");
    if (signatureHolder.getLength() != 1 || ((Element) signatureHolder.item(0)).getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").getLength() != 1) {
      return checkInReply("400", "Thiếu chữ ký số trong CHUKYDONVI", null);
    }
    VerificationResult verification = certificates.verify(facility, xml);
    if (!verification.isValid()) {
      return checkInReply("400", "Chữ ký số không hợp lệ: " + verification.failure().name() + " (" + verification.detail() + ")", null);
    }
    List<String> episodes = new ArrayList<>();
    NodeList records = root.getElementsByTagName("TRANG_THAI_KCB");
    for (int i = 0; i < records.getLength(); i++) {
      Element record = (Element) records.item(i);
      if (!facility.equals(text(record, "MA_CSKCB"))) {
        return checkInReply("400", "MA_CSKCB khác cơ sở gửi", null);
      }
      String maLk = text(record, "MA_LK");
      if (maLk == null || maLk.isBlank()) {
        return checkInReply("400", "Thiếu MA_LK", null);
      }
      episodes.add(maLk);
    }
    if (episodes.isEmpty()) {
      return checkInReply("400", "Không có TRANG_THAI_KCB", null);
    }
    String transaction = UUID.randomUUID().toString();
    String digest = digest(withoutSignature(xml));
    List<String> duplicates = new ArrayList<>();
    List<ReceivedDocuments.Entry> entries = episodes.stream().map(id -> received.arrive("check-in", facility, id)).toList();
    for (ReceivedDocuments.Entry entry : entries) {
      synchronized (entry) {
        if (entry.accepted > 0) {
          duplicates.add(entry.id + (digest.equals(entry.payloadDigest) ? " (cùng nội dung, mã giao dịch " + entry.receipt + ")" : " (khác nội dung)"));
        }
      }
    }
    if (!duplicates.isEmpty()) {
      return checkInReply("409", "MA_LK đã tồn tại: " + String.join(", ", duplicates), null);
    }
    for (ReceivedDocuments.Entry entry : entries) {
      synchronized (entry) {
        entry.accepted++;
        entry.receipt = transaction;
        entry.payloadDigest = digest;
      }
    }
    return checkInReply("200", "Tiếp nhận thành công " + episodes.size() + " hồ sơ", transaction);
  }

  private SimResponse checkInReply(String code, String message, String transaction) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("maKetQua", code);
    body.put("maGiaoDich", transaction);
    body.put("thoiGianTiepNhan", RECEIVED.format(clock.instant()));
    body.put("thongDiep", message);
    return SimResponse.ok(body);
  }

  public SimResponse certificate(SimRequest request) {
    String account = request.header("Username");
    Optional<Facility> facility = facilities.byAccount(account);
    if (facility.isEmpty() || account == null || !account.toUpperCase().endsWith("_HSSK") || request.header("Password") == null
        || !Md5.upperHex(facility.get().password()).equalsIgnoreCase(request.header("Password").trim())) {
      return new SimResponse(401, reply("0", "Tài khoản hoặc mật khẩu không đúng", null, null, null));
    }
    if (request.fields().containsKey("__malformed")) {
      return SimResponse.ok(reply("0", "Dữ liệu không phải JSON hợp lệ", null, null, null));
    }
    for (String field : CERTIFICATE_FIELDS) {
      if (request.field(field) == null || request.field(field).isBlank()) {
        return SimResponse.ok(reply("0", "Thiếu trường " + field, request.field("SO"), null, null));
      }
    }
    String code = facility.get().code();
    String so = request.field("SO");
    if (!code.equals(request.field("IDBENHVIEN"))) {
      return SimResponse.ok(reply("0", "IDBENHVIEN khác tài khoản gửi", so, null, null));
    }
    if (!so.matches("\\d{5}/GKSKLX/" + code + "/\\d{2}") || so.length() > 21) {
      return SimResponse.ok(reply("0", "SO không đúng định dạng NNNNN/GKSKLX/" + code + "/yy", so, null, null));
    }
    String state = request.field("STATE");
    if (!state.equals("ADD") && !state.equals("EDIT")) {
      return SimResponse.ok(reply("0", "STATE phải là ADD hoặc EDIT", so, null, null));
    }
    byte[] xml;
    Document signed;
    try {
      xml = Base64.getDecoder().decode(request.field("SIGNDATA").replaceAll("\\s", ""));
      signed = SecureXml.parse(xml);
    } catch (IllegalArgumentException | SecureXml.InvalidXmlException e) {
      return SimResponse.ok(reply("0", "SIGNDATA không phải XML hợp lệ", so, null, null));
    }
    if (!signed.getDocumentElement().getTagName().equals("root")) {
      return SimResponse.ok(reply("0", "SIGNDATA: thẻ gốc phải là root", so, null, null));
    }
    VerificationResult verification = certificates.verify(code, xml);
    if (!verification.isValid()) {
      return SimResponse.ok(reply("0", "Chữ ký số không hợp lệ: " + verification.failure().name() + " (" + verification.detail() + ")", so, null, null));
    }
    for (String field : List.of("SO", "HOTEN", "SOCMND_PASSPORT", "IDBENHVIEN", "STATE")) {
      if (!request.field(field).equals(text(signed.getDocumentElement(), field))) {
        return SimResponse.ok(reply("0", "Dữ liệu ký (SIGNDATA) khác dữ liệu gửi ở trường " + field, so, null, null));
      }
    }
    String digest = digest(withoutSignature(xml));
    ReceivedDocuments.Entry entry = received.arrive("certificate", facility.get().code(), so);
    synchronized (entry) {
      if (state.equals("ADD")) {
        if (entry.accepted > 0) {
          return SimResponse.ok(reply("0", "Số GKSK đã tồn tại" + (digest.equals(entry.payloadDigest) ? " (cùng nội dung)" : ""), so, entry.receipt, facility.get().name()));
        }
        entry.accepted = 1;
        entry.receipt = UUID.randomUUID().toString();
      } else if (entry.accepted == 0) {
        return SimResponse.ok(reply("0", "Không tìm thấy số GKSK để sửa", so, null, null));
      } else {
        entry.accepted++;
      }
      entry.payloadDigest = digest;
      return SimResponse.ok(reply("1", "Gửi dữ liệu thành công", so, entry.receipt, facility.get().name()));
    }
  }

  private static Map<String, Object> reply(String state, String text, String so, String uuid, String facilityName) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("MSG_STATE", state);
    body.put("MSG_TEXT", text);
    body.put("SO", so);
    body.put("UUID", uuid);
    body.put("BENHVIEN", facilityName);
    return body;
  }

  private static String text(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagName(name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
  }

  /** The document without its signature, to compare two submissions' content. */
  private static String withoutSignature(byte[] xml) {
    String text = new String(xml, StandardCharsets.UTF_8);
    return text.replaceAll("(?s)<(ds:)?Signature[ >].*?</(ds:)?Signature>", "");
  }

  private static String digest(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
