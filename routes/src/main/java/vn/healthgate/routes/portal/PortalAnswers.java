package vn.healthgate.routes.portal;

import java.text.Normalizer;
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
 * {@link PortalCircuitOpenException}, {@link PortalUnrecognisedAnswerException}. Codes are the contract and live in the
 * tables; the sentences the portal uses where it has no code come from configuration ({@link PortalPhrases}). An answer no
 * row knows is never taken as accepted and never retried: it is kept for an admin. No other class matches portal codes or text.
 */
public final class PortalAnswers {
  /** What an answer means for delivery. {@code UNRECOGNISED}: kept as a dead letter for an admin. */
  public enum Verdict { ACCEPTED, DUPLICATE, TRANSIENT, REFUSED, UNRECOGNISED }

  /** One row of a table: {@code when} says in words what {@code matches} tests; an answer it matches means {@code means}. */
  public record Row<A, V>(String when, Predicate<A> matches, V means) {}

  private static final Pattern PORTAL_CODE = Pattern.compile("\\d{3}");

  /** The check-in endpoint ({@code /api/qd130/checkInKcbQd4750}), by {@code maKetQua}. */
  public static final List<Row<PortalClient.CheckInReply, Verdict>> CHECK_IN = List.of(
      new Row<>("maKetQua 200: received", r -> "200".equals(r.maKetQua()), Verdict.ACCEPTED),
      new Row<>("maKetQua 409: MA_LK already exists", r -> "409".equals(r.maKetQua()), Verdict.DUPLICATE),
      new Row<>("maKetQua 401: session token refused again after a renewal", r -> "401".equals(r.maKetQua()), Verdict.TRANSIENT),
      new Row<>("maKetQua 403: the account may not send check-ins", r -> "403".equals(r.maKetQua()), Verdict.UNRECOGNISED),
      new Row<>("no maKetQua, or not a three-digit code", r -> r.maKetQua() == null || !PORTAL_CODE.matcher(r.maKetQua()).matches(), Verdict.UNRECOGNISED),
      new Row<>("any other maKetQua: the content is refused", r -> true, Verdict.REFUSED));

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final Duration DEFAULT_BREAKER_WAIT = Duration.ofSeconds(1);

  /** The certificate endpoint ({@code /api/hssk/gksk}), by HTTP status, {@code MSG_STATE} and {@code MSG_TEXT}. */
  public final List<Row<PortalClient.CertificateReply, Verdict>> certificateTable;
  /** A duplicate answer's text ({@code thongDiep} / {@code MSG_TEXT}): is the portal's copy the same document? */
  public final List<Row<String, Content>> duplicateContentTable;
  private final Pattern transaction;

  public PortalAnswers(PortalPhrases phrases) {
    this.certificateTable = List.of(
        new Row<>("HTTP 401: the facility's _HSSK account is refused", r -> r.httpStatus() == 401, Verdict.TRANSIENT),
        new Row<>("HTTP 403: the account may not send certificates", r -> r.httpStatus() == 403, Verdict.UNRECOGNISED),
        new Row<>("MSG_STATE 1: received", r -> "1".equals(r.msgState()), Verdict.ACCEPTED),
        new Row<>("MSG_STATE 0 and MSG_TEXT says a phrase of 'duplicate': SO already exists",
            r -> "0".equals(r.msgState()) && PortalPhrases.says(r.msgText(), phrases.duplicate()), Verdict.DUPLICATE),
        new Row<>("MSG_STATE 0: the content is refused", r -> "0".equals(r.msgState()), Verdict.REFUSED),
        new Row<>("no MSG_STATE, or another value", r -> true, Verdict.UNRECOGNISED));
    this.duplicateContentTable = List.of(
        new Row<>("says a phrase of 'different-content' (for any of the numbers named)", t -> PortalPhrases.says(t, phrases.differentContent()), Content.DIFFERENT),
        new Row<>("says a phrase of 'same-content'", t -> PortalPhrases.says(t, phrases.sameContent()), Content.SAME),
        new Row<>("says neither", t -> true, Content.UNKNOWN));
    this.transaction = Pattern.compile(Pattern.quote(phrases.transactionMarker()) + "\\s*:?\\s*([0-9a-fA-F-]{8,})",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The check-in endpoint's answer: the receipt, or the typed exception the table names. */
  public PortalReceipt checkIn(PortalClient.CheckInReply reply) {
    String text = reply.thongDiep();
    return switch (lookUp(CHECK_IN, reply)) {
      case ACCEPTED -> new PortalReceipt(reply.maGiaoDich(), received(reply.thoiGianTiepNhan()));
      case DUPLICATE -> throw new PortalDuplicateException(PortalEndpoint.CHECK_IN, transaction(text), lookUp(duplicateContentTable, text),
          "portal already has this document: " + text);
      case TRANSIENT -> throw new PortalTransientException(PortalEndpoint.CHECK_IN, "portal refused the session token (401)", null);
      case REFUSED -> throw new PortalRefusedException(PortalEndpoint.CHECK_IN, "portal code " + reply.maKetQua() + ": " + text);
      case UNRECOGNISED -> throw new PortalUnrecognisedAnswerException(PortalEndpoint.CHECK_IN,
          "unrecognised portal answer (HTTP " + reply.httpStatus() + ", maKetQua " + reply.maKetQua() + "): " + text);
    };
  }

  /** The certificate endpoint's answer to {@code account}: the receipt, or the typed exception the table names. */
  public PortalReceipt certificate(PortalClient.CertificateReply reply, String account) {
    String text = text(reply.msgText());
    return switch (lookUp(certificateTable, reply)) {
      case ACCEPTED -> new PortalReceipt(reply.uuid(), null);
      case DUPLICATE -> throw new PortalDuplicateException(PortalEndpoint.CERTIFICATE, reply.uuid(), lookUp(duplicateContentTable, text),
          "portal already has this document: " + text);
      case TRANSIENT -> throw new PortalTransientException(PortalEndpoint.CERTIFICATE, "portal refused the account " + account + " (401)", null);
      case REFUSED -> throw new PortalRefusedException(PortalEndpoint.CERTIFICATE, "MSG_STATE " + reply.msgState() + ": " + text);
      case UNRECOGNISED -> throw new PortalUnrecognisedAnswerException(PortalEndpoint.CERTIFICATE,
          "unrecognised portal answer to " + account + " (HTTP " + reply.httpStatus() + ", MSG_STATE " + reply.msgState() + "): " + text);
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

  private String transaction(String text) {
    if (text == null) {
      return null;
    }
    Matcher matcher = transaction.matcher(Normalizer.normalize(text, Normalizer.Form.NFC));
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
