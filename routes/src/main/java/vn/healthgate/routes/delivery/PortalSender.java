package vn.healthgate.routes.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.healthgate.routes.eligibility.FacilityDirectory;
import vn.healthgate.routes.portal.PortalAccount;
import vn.healthgate.routes.portal.PortalClient;
import vn.healthgate.routes.portal.PortalEndpoint;
import vn.healthgate.routes.portal.ResilientPortal;

/** Sends a signed document to its portal endpoint and classifies the answer. Transport failures come out as exceptions. */
public class PortalSender {
  private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final Pattern TRANSACTION = Pattern.compile("mã giao dịch ([0-9a-fA-F-]{8,})");

  /** What the portal said about one delivery attempt. */
  public record Answer(Kind kind, String receipt, Instant receivedAt, String reason, boolean sameContent) {
    public enum Kind { ACCEPTED, DUPLICATE, REFUSED, TRANSIENT }
  }

  private final ResilientPortal portal;
  private final FacilityDirectory facilities;

  public PortalSender(ResilientPortal portal, FacilityDirectory facilities) {
    this.portal = portal;
    this.facilities = facilities;
  }

  /** Empty when the document's portal endpoint takes calls now; otherwise how long its breaker keeps it closed to calls. */
  public Optional<Duration> pausedFor(DocumentKind kind) {
    return portal.pausedFor(kind == DocumentKind.CHECK_IN ? PortalEndpoint.CHECK_IN : PortalEndpoint.CERTIFICATE);
  }

  public Answer send(PortalDocument document, String signedXml) {
    String facility = document.facilityCode();
    if (document.kind() == DocumentKind.CHECK_IN) {
      PortalAccount account = facilities.lookupAccount(facility).orElseThrow(() -> new IllegalStateException("facility " + facility + " is not onboarded"));
      String file = Base64.getEncoder().encodeToString(signedXml.getBytes(StandardCharsets.UTF_8));
      PortalClient.CheckInReply reply = portal.sendCheckIn(account, facility, file);
      return switch (reply.maKetQua()) {
        case "200" -> new Answer(Answer.Kind.ACCEPTED, reply.maGiaoDich(), received(reply.thoiGianTiepNhan()), null, true);
        case "409" -> duplicate(reply.thongDiep(), transaction(reply.thongDiep()));
        case "401" -> new Answer(Answer.Kind.TRANSIENT, null, null, "portal refused the session token (401)", false);
        default -> new Answer(Answer.Kind.REFUSED, null, null, "portal code " + reply.maKetQua() + ": " + reply.thongDiep(), false);
      };
    }
    PortalAccount account = facilities.certificateAccount(facility).orElseThrow(() -> new IllegalStateException("facility " + facility + " is not onboarded"));
    Map<String, String> body = new LinkedHashMap<>(document.fields());
    body.put("SIGNDATA", Base64.getEncoder().encodeToString(signedXml.getBytes(StandardCharsets.UTF_8)));
    PortalClient.CertificateReply reply = portal.sendCertificate(account, body);
    if (reply.httpStatus() == 401) {
      return new Answer(Answer.Kind.TRANSIENT, null, null, "portal refused the account " + account.username() + " (401)", false);
    }
    if ("1".equals(reply.msgState())) {
      return new Answer(Answer.Kind.ACCEPTED, reply.uuid(), null, null, true);
    }
    String text = reply.msgText() == null ? "" : reply.msgText();
    if (text.contains("đã tồn tại")) {
      return duplicate(text, reply.uuid());
    }
    return new Answer(Answer.Kind.REFUSED, null, null, "MSG_STATE " + reply.msgState() + ": " + text, false);
  }

  private static Answer duplicate(String text, String receipt) {
    boolean differs = text != null && text.contains("khác nội dung");
    boolean same = text != null && text.contains("cùng nội dung");
    return new Answer(Answer.Kind.DUPLICATE, receipt, null, "portal already has this document: " + text, same && !differs);
  }

  private static String transaction(String text) {
    if (text == null) {
      return null;
    }
    Matcher matcher = TRANSACTION.matcher(text);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static Instant received(String text) {
    try {
      return text == null ? null : LocalDateTime.parse(text, RECEIVED).atZone(FieldChecks.VIETNAM).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
