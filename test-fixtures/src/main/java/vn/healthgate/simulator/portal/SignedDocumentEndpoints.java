package vn.healthgate.simulator.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
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
import vn.healthgate.simulator.SimRequest;
import vn.healthgate.simulator.SimResponse;
import vn.healthgate.simulator.data.Facilities;
import vn.healthgate.simulator.data.Facility;

/**
 * The check-in notice and the driver health certificate ({@code docs/portal-contract.md}): the account and its
 * password ({@code _BV} with its session token for check-ins, {@code _HSSK} for certificates), every field
 * ({@link CheckInRules}, {@link CertificateRules}), the signature against the certificates registered per facility,
 * duplicates by {@code MA_LK} and {@code SO} per facility, receipts.
 */
public final class SignedDocumentEndpoints {
  public static final String CHECK_IN_PATH = "/api/qd130/checkInKcbQd4750";
  public static final String CERTIFICATE_PATH = "/api/hssk/gksk";
  /** The start of every answer that refuses a document's content, followed by the errors, separated by {@code "; "}. */
  public static final String INVALID = "Dữ liệu không hợp lệ: ";
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(VIETNAM);

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
    Optional<Facility> account = facilities.authenticate(Facility.Account.BV, username, request.header("passwordHash"));
    if (account.isEmpty()) {
      return checkInReply("401", "Lỗi xác thực tài khoản: passwordHash không đúng", null);
    }
    Facility facility = account.get();
    if (!facility.code().equals(request.field("maCSKCB"))) {
      return checkInReply("403", "Tài khoản không được gửi dữ liệu cho cơ sở " + request.field("maCSKCB"), null);
    }
    if (!"0".equals(request.field("loaiHoSo"))) {
      return checkInReply("400", "loaiHoSo phải là 0 (thông tin check-in)", null);
    }
    if (!facility.provinceCode().equals(request.field("maTinh"))) {
      return checkInReply("400", "maTinh khác mã tỉnh của cơ sở", null);
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
    VerificationResult verification = certificates.verify(facility.code(), xml);
    if (!verification.isValid()) {
      return checkInReply("400", "Chữ ký số không hợp lệ: " + verification.failure().name() + " (" + verification.detail() + ")", null);
    }
    List<String> errors = CheckInRules.check(root, facility, today());
    if (!errors.isEmpty()) {
      return checkInReply("400", INVALID + String.join("; ", errors), null);
    }
    List<String> episodes = new ArrayList<>();
    NodeList records = root.getElementsByTagName("TRANG_THAI_KCB");
    for (int i = 0; i < records.getLength(); i++) {
      episodes.add(text((Element) records.item(i), "MA_LK").trim());
    }
    String transaction = UUID.randomUUID().toString();
    String digest = digest(withoutSignature(xml));
    List<String> duplicates = new ArrayList<>();
    List<ReceivedDocuments.Entry> entries = episodes.stream().map(id -> received.arrive("check-in", facility.code(), id)).toList();
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
    Optional<Facility> account = facilities.authenticate(Facility.Account.HSSK, request.header("Username"), request.header("Password"));
    if (account.isEmpty()) {
      return new SimResponse(401, reply("0", "Tài khoản hoặc mật khẩu không đúng", null, null, null, null));
    }
    Facility facility = account.get();
    if (request.fields().containsKey("__malformed")) {
      return refuse(facility, "Dữ liệu không phải JSON hợp lệ", null);
    }
    String so = request.field("SO");
    List<String> errors = CertificateRules.check(request.fields(), facility, today());
    if (!errors.isEmpty()) {
      return refuse(facility, INVALID + String.join("; ", errors), so);
    }
    byte[] xml;
    Document signed;
    try {
      xml = Base64.getDecoder().decode(request.field("SIGNDATA").replaceAll("\\s", ""));
      signed = SecureXml.parse(xml);
    } catch (IllegalArgumentException | SecureXml.InvalidXmlException e) {
      return refuse(facility, "SIGNDATA không phải XML hợp lệ", so);
    }
    if (!signed.getDocumentElement().getTagName().equals("root")) {
      return refuse(facility, "SIGNDATA: thẻ gốc phải là root", so);
    }
    VerificationResult verification = certificates.verify(facility.code(), xml);
    if (!verification.isValid()) {
      return refuse(facility, "Chữ ký số không hợp lệ: " + verification.failure().name() + " (" + verification.detail() + ")", so);
    }
    List<String> differences = CertificateRules.compareSigned(request.fields(), signed.getDocumentElement());
    if (!differences.isEmpty()) {
      return refuse(facility, INVALID + String.join("; ", differences), so);
    }
    String state = request.field("STATE");
    String digest = digest(withoutSignature(xml));
    ReceivedDocuments.Entry entry = received.arrive("certificate", facility.code(), so);
    synchronized (entry) {
      if (state.equals("ADD")) {
        if (entry.accepted > 0) {
          return SimResponse.ok(reply("0", "Số GKSK đã tồn tại" + (digest.equals(entry.payloadDigest) ? " (cùng nội dung)" : ""), facility.code(), so,
              entry.receipt, facility.name()));
        }
        entry.accepted = 1;
        entry.receipt = UUID.randomUUID().toString();
      } else if (entry.accepted == 0) {
        return refuse(facility, "Không tìm thấy số GKSK để sửa", so);
      } else {
        entry.accepted++;
      }
      entry.payloadDigest = digest;
      return SimResponse.ok(reply("1", "Gửi dữ liệu thành công", facility.code(), so, entry.receipt, facility.name()));
    }
  }

  private static SimResponse refuse(Facility facility, String text, String so) {
    return SimResponse.ok(reply("0", text, facility.code(), so, null, facility.name()));
  }

  /** The certificate endpoint's answer: {@code MSG_STATE}, {@code MSG_TEXT}, {@code IDBENHVIEN}, {@code SO}, {@code UUID}, {@code BENHVIEN}. */
  private static Map<String, Object> reply(String state, String text, String facilityCode, String so, String uuid, String facilityName) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("MSG_STATE", state);
    body.put("MSG_TEXT", text);
    body.put("IDBENHVIEN", facilityCode);
    body.put("SO", so);
    body.put("UUID", uuid);
    body.put("BENHVIEN", facilityName);
    return body;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), VIETNAM);
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
