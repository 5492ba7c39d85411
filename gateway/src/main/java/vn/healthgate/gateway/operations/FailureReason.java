package vn.healthgate.gateway.operations;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.portal.PortalLoginRefusedException;
import vn.healthgate.routes.portal.PortalUnavailableException;

/**
 * Why a document is not delivered (its stored {@code last_error}) or why a portal call failed, as a stable code and human
 * words in English and Vietnamese for the admin page and the admin API. The stored text stays the evidence; this is how
 * it reads (docs/adr/0017). Read from the texts the delivery steps write (routes: {@code PortalAnswers},
 * {@code DeliveryDecisions}, {@code DeliverySteps}, {@code PortalHttp}); a text no rule knows is {@link #UNEXPECTED}.
 */
public enum FailureReason {
  PORTAL_UNREACHABLE("The portal could not be reached (connection refused or reset, name not resolved); the document is sent again later.",
      "Không kết nối được tới Cổng giám định (bị từ chối hoặc ngắt kết nối, không phân giải được tên miền); hồ sơ sẽ được gửi lại sau."),
  PORTAL_TIMEOUT("The portal did not answer in time; the document is sent again later.",
      "Cổng giám định không phản hồi kịp thời; hồ sơ sẽ được gửi lại sau."),
  PORTAL_SERVER_ERROR("The portal answered with a server error (HTTP 5xx); the document is sent again later.",
      "Cổng giám định báo lỗi máy chủ (HTTP 5xx); hồ sơ sẽ được gửi lại sau."),
  PORTAL_ANSWER_UNREADABLE("The portal's answer could not be read; the document is sent again later.",
      "Không đọc được phản hồi của Cổng giám định; hồ sơ sẽ được gửi lại sau."),
  BREAKER_OPEN("Not sent: the portal failed repeatedly, so calls to it are paused for a moment (circuit breaker open); no attempt is spent.",
      "Chưa gửi: Cổng giám định lỗi liên tiếp nên tạm ngừng gọi trong giây lát (bộ ngắt mạch đang mở); không tính vào số lần gửi."),
  PORTAL_LOGIN_REFUSED("The portal refused the facility's login: check the account and its password in the gateway's configuration.",
      "Cổng giám định từ chối đăng nhập của cơ sở: kiểm tra tài khoản và mật khẩu trong cấu hình cổng kết nối."),
  PORTAL_ACCOUNT_REFUSED("The portal refused the facility's session or account (401): check the _BV (check-ins) or _HSSK (certificates) password.",
      "Cổng giám định từ chối phiên làm việc hoặc tài khoản của cơ sở (401): kiểm tra mật khẩu tài khoản _BV (check-in) hoặc _HSSK (giấy khám sức khỏe)."),
  PORTAL_REFUSED("The portal refused the document's content; its reason is in the technical detail. Correct the data and send a new document.",
      "Cổng giám định từ chối nội dung hồ sơ; lý do của Cổng nằm trong chi tiết kỹ thuật. Sửa dữ liệu và gửi hồ sơ mới."),
  PORTAL_DUPLICATE("The portal already holds a different document with this number.",
      "Cổng giám định đã có một hồ sơ khác mang cùng số này."),
  PORTAL_ANSWER_UNKNOWN("The portal answered something the gateway does not recognise; the document waits for an admin.",
      "Cổng giám định trả lời một nội dung mà cổng kết nối không nhận biết; hồ sơ chờ quản trị viên xử lý."),
  NO_SIGNING_KEY("The facility has no signing key at the gateway: install its key store, then replay.",
      "Cơ sở chưa có khóa ký tại cổng kết nối: cài đặt kho khóa của cơ sở rồi gửi lại."),
  SIGNING_FAILED("The document could not be signed (the facility's key store or the XML); fix the key store, then replay.",
      "Không ký được hồ sơ (kho khóa của cơ sở hoặc XML); sửa kho khóa rồi gửi lại."),
  DOCUMENT_UNREADABLE("The stored document could not be read.",
      "Không đọc được hồ sơ đã lưu."),
  INTERRUPTED("The delivery was interrupted (the gateway was stopping); the document is sent again later.",
      "Việc gửi bị gián đoạn (cổng kết nối đang dừng); hồ sơ sẽ được gửi lại sau."),
  UNEXPECTED("An unexpected internal error: see the technical detail and the gateway's log.",
      "Lỗi nội bộ không mong muốn: xem chi tiết kỹ thuật và nhật ký của cổng kết nối.");

  /** A reason as the API shows it: the stable code, the words, and the stored text it was read from (null for a portal call). */
  public record Described(String code, String english, String vietnamese, String detail) {}

  private final String english;
  private final String vietnamese;

  FailureReason(String english, String vietnamese) {
    this.english = english;
    this.vietnamese = vietnamese;
  }

  public String english() {
    return english;
  }

  public String vietnamese() {
    return vietnamese;
  }

  /** This reason with {@code detail} (the stored text). */
  public Described describe(String detail) {
    return new Described(name(), english, vietnamese, detail);
  }

  /** A stored {@code last_error} in words; null for none. */
  public static Described describeStored(String lastError) {
    FailureReason reason = ofStored(lastError);
    return reason == null ? null : reason.describe(lastError);
  }

  /** The reason a stored {@code last_error} names; null for none. */
  public static FailureReason ofStored(String lastError) {
    if (lastError == null || lastError.isBlank()) {
      return null;
    }
    String text = lastError.strip();
    if (text.startsWith(ErrorCode.PORTAL_CIRCUIT_OPEN.code())) {
      return BREAKER_OPEN;
    }
    if (text.startsWith(ErrorCode.PORTAL_TIMEOUT.code())) {
      return PORTAL_TIMEOUT;
    }
    if (text.startsWith(ErrorCode.PORTAL_LOGIN_REFUSED.code())) {
      return PORTAL_LOGIN_REFUSED;
    }
    if (text.startsWith(ErrorCode.NO_SIGNING_KEY.code())) {
      return NO_SIGNING_KEY;
    }
    if (text.startsWith(ErrorCode.PORTAL_UNAVAILABLE.code())) {
      return unavailable(text);
    }
    if (text.startsWith("portal refused the session token") || text.startsWith("portal refused the account")) {
      return PORTAL_ACCOUNT_REFUSED;
    }
    if (text.startsWith("portal code ") || text.startsWith("MSG_STATE ")) {
      return PORTAL_REFUSED;
    }
    if (text.startsWith("portal already has this document")) {
      return PORTAL_DUPLICATE;
    }
    if (text.startsWith("unrecognised portal answer")) {
      return PORTAL_ANSWER_UNKNOWN;
    }
    if (text.startsWith("signing failed")) {
      return SIGNING_FAILED;
    }
    if (text.startsWith("unreadable stored document")) {
      return DOCUMENT_UNREADABLE;
    }
    return UNEXPECTED;
  }

  /** Why a portal call failed, from what its circuit breaker recorded. */
  public static FailureReason ofCall(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof CallNotPermittedException) {
      return BREAKER_OPEN;
    }
    if (t instanceof TimeoutException) {
      return PORTAL_TIMEOUT;
    }
    if (t instanceof PortalLoginRefusedException) {
      return PORTAL_LOGIN_REFUSED;
    }
    if (t instanceof PortalUnavailableException) {
      return unavailable(t.getMessage() == null ? "" : t.getMessage());
    }
    if (t instanceof GatewayException g) {
      return switch (g.errorCode()) {
        case PORTAL_CIRCUIT_OPEN -> BREAKER_OPEN;
        case PORTAL_TIMEOUT -> PORTAL_TIMEOUT;
        case PORTAL_LOGIN_REFUSED -> PORTAL_LOGIN_REFUSED;
        case PORTAL_UNAVAILABLE -> g.getCause() == null ? PORTAL_UNREACHABLE : ofCall(g.getCause());
        default -> UNEXPECTED;
      };
    }
    return UNEXPECTED;
  }

  /** {@code GW-PORTAL-UNAVAILABLE (<endpoint>: <what PortalHttp saw>)}: a 5xx, an unreadable body, a timeout, or no connection. */
  private static FailureReason unavailable(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.matches(".*http 5\\d\\d.*") && !lower.contains("unreadable")) {
      return PORTAL_SERVER_ERROR;
    }
    if (lower.contains("unreadable")) {
      return PORTAL_ANSWER_UNREADABLE;
    }
    if (lower.contains("timeout") || lower.contains("timed out")) {
      return PORTAL_TIMEOUT;
    }
    if (lower.contains("interrupted")) {
      return INTERRUPTED;
    }
    return PORTAL_UNREACHABLE;
  }
}
