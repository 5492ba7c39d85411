package vn.healthgate.routes.portal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.portal.PortalDuplicateException.Content;

/**
 * The one place that reads what the portal answered to a delivery: each answer is looked up in a table (first matching row
 * wins, the last row matches anything) and comes out as a {@link PortalReceipt} when the portal took the document, or as
 * a typed exception: {@link PortalRefusedException}, {@link PortalDuplicateException}, {@link PortalTransientException},
 * {@link PortalCircuitOpenException}. No other class matches portal codes or text.
 */
public final class PortalAnswers {
  /** What an answer means for delivery. */
  public enum Verdict { ACCEPTED, DUPLICATE, TRANSIENT, REFUSED }

  /** One row of a table: {@code when} says in words what {@code matches} tests; an answer it matches means {@code means}. */
  public record Row<A, V>(String when, Predicate<A> matches, V means) {}

  /** The check-in endpoint ({@code /api/qd130/checkInKcbQd4750}), by {@code maKetQua}. */
  public static final List<Row<PortalClient.CheckInReply, Verdict>> CHECK_IN = List.of(
      new Row<>("maKetQua 200: received", r -> "200".equals(r.maKetQua()), Verdict.ACCEPTED),
      new Row<>("maKetQua 409: MA_LK already exists", r -> "409".equals(r.maKetQua()), Verdict.DUPLICATE),
      new Row<>("maKetQua 401: session token refused again after a renewal", r -> "401".equals(r.maKetQua()), Verdict.TRANSIENT),
      new Row<>("any other maKetQua: the content is refused", r -> true, Verdict.REFUSED));

  /** The certificate endpoint ({@code /api/hssk/gksk}), by HTTP status, {@code MSG_STATE} and {@code MSG_TEXT}. */
  public static final List<Row<PortalClient.CertificateReply, Verdict>> CERTIFICATE = List.of(
      new Row<>("HTTP 401: the facility's _HSSK account is refused", r -> r.httpStatus() == 401, Verdict.TRANSIENT),
      new Row<>("MSG_STATE 1: received", r -> "1".equals(r.msgState()), Verdict.ACCEPTED),
      new Row<>("MSG_TEXT says 'đã tồn tại': SO already exists", r -> text(r.msgText()).contains("đã tồn tại"), Verdict.DUPLICATE),
      new Row<>("anything else: the content is refused", r -> true, Verdict.REFUSED));

  /** A duplicate answer's text ({@code thongDiep} / {@code MSG_TEXT}): is the portal's copy the same document? */
  public static final List<Row<String, Content>> DUPLICATE_CONTENT = List.of(
      new Row<>("says 'khác nội dung' (for any of the numbers named)", t -> text(t).contains("khác nội dung"), Content.DIFFERENT),
      new Row<>("says 'cùng nội dung'", t -> text(t).contains("cùng nội dung"), Content.SAME),
      new Row<>("says neither", t -> true, Content.UNKNOWN));

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final Pattern TRANSACTION = Pattern.compile("mã giao dịch ([0-9a-fA-F-]{8,})");
  private static final Duration DEFAULT_BREAKER_WAIT = Duration.ofSeconds(1);

  private PortalAnswers() {}

  /** The check-in endpoint's answer: the receipt, or the typed exception the table names. */
  public static PortalReceipt checkIn(PortalClient.CheckInReply reply) {
    String text = reply.thongDiep();
    return switch (lookUp(CHECK_IN, reply)) {
      case ACCEPTED -> new PortalReceipt(reply.maGiaoDich(), received(reply.thoiGianTiepNhan()));
      case DUPLICATE -> throw new PortalDuplicateException(PortalEndpoint.CHECK_IN, transaction(text), lookUp(DUPLICATE_CONTENT, text),
          "portal already has this document: " + text);
      case TRANSIENT -> throw new PortalTransientException(PortalEndpoint.CHECK_IN, "portal refused the session token (401)", null);
      case REFUSED -> throw new PortalRefusedException(PortalEndpoint.CHECK_IN, "portal code " + reply.maKetQua() + ": " + text);
    };
  }

  /** The certificate endpoint's answer to {@code account}: the receipt, or the typed exception the table names. */
  public static PortalReceipt certificate(PortalClient.CertificateReply reply, String account) {
    String text = text(reply.msgText());
    return switch (lookUp(CERTIFICATE, reply)) {
      case ACCEPTED -> new PortalReceipt(reply.uuid(), null);
      case DUPLICATE -> throw new PortalDuplicateException(PortalEndpoint.CERTIFICATE, reply.uuid(), lookUp(DUPLICATE_CONTENT, text),
          "portal already has this document: " + text);
      case TRANSIENT -> throw new PortalTransientException(PortalEndpoint.CERTIFICATE, "portal refused the account " + account + " (401)", null);
      case REFUSED -> throw new PortalRefusedException(PortalEndpoint.CERTIFICATE, "MSG_STATE " + reply.msgState() + ": " + text);
    };
  }

  /**
   * A call that brought no answer ({@link ResilientPortal}'s {@link GatewayException}s): the breaker was open (nothing
   * sent), or the portal could not be reached, timed out, answered 5xx or refused the login, which may pass.
   */
  public static RuntimeException noAnswer(PortalEndpoint endpoint, GatewayException failure) {
    if (failure.errorCode() == ErrorCode.PORTAL_CIRCUIT_OPEN) {
      return new PortalCircuitOpenException(endpoint, failure.retryAfter().orElse(DEFAULT_BREAKER_WAIT));
    }
    Throwable cause = failure.getCause();
    return new PortalTransientException(endpoint, failure.errorCode().code() + (cause == null ? "" : " (" + cause.getMessage() + ")"), failure);
  }

  /** The first row of {@code table} that {@code answer} matches. */
  public static <A, V> V lookUp(List<Row<A, V>> table, A answer) {
    for (Row<A, V> row : table) {
      if (row.matches().test(answer)) {
        return row.means();
      }
    }
    throw new IllegalStateException("no row matches: the table's last row must match anything");
  }

  private static String text(String value) {
    return value == null ? "" : value;
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
      return text == null ? null : LocalDateTime.parse(text, RECEIVED).atZone(VIETNAM).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
