package vn.healthgate.routes.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.portal.PortalDuplicateException.Content;

/** The portal-answer tables, row by row, and the typed outcome each row makes. */
class PortalAnswersTest {

  private static PortalClient.CheckInReply checkIn(String code, String text) {
    return new PortalClient.CheckInReply(200, code, "tx-1", "20261126100000", text);
  }

  private static PortalClient.CertificateReply certificate(int status, String state, String text) {
    return new PortalClient.CertificateReply(status, state, text, "70001", "00001/GKSKLX/70001/26", "uuid-1");
  }

  @Test
  void checkInRow200IsAReceiptWithThePortalsTimeInVietnam() {
    PortalReceipt receipt = PortalAnswers.checkIn(checkIn("200", "Tiếp nhận thành công"));

    assertThat(receipt.id()).isEqualTo("tx-1");
    assertThat(receipt.receivedAt()).isEqualTo(Instant.parse("2026-11-26T03:00:00Z"));
  }

  @Test
  void checkInRow200WithAnUnreadableTimeHasNoReceivedAt() {
    PortalReceipt receipt = PortalAnswers.checkIn(new PortalClient.CheckInReply(200, "200", "tx-2", "yesterday", null));

    assertThat(receipt).isEqualTo(new PortalReceipt("tx-2", null));
  }

  @Test
  void checkInRow409IsADuplicateWhoseContentTheTextTells() {
    String same = "MA_LK đã tồn tại: LK-1 (cùng nội dung, mã giao dịch 0f3c2a1b-1111-2222-3333-444455556666)";
    PortalDuplicateException sameContent = catchThrowableOfType(PortalDuplicateException.class, () -> PortalAnswers.checkIn(checkIn("409", same)));
    PortalDuplicateException differs = catchThrowableOfType(PortalDuplicateException.class,
        () -> PortalAnswers.checkIn(checkIn("409", "MA_LK đã tồn tại: LK-1 (khác nội dung)")));
    PortalDuplicateException both = catchThrowableOfType(PortalDuplicateException.class,
        () -> PortalAnswers.checkIn(checkIn("409", "MA_LK đã tồn tại: LK-1 (cùng nội dung, mã giao dịch 0f3c2a1b), LK-1 (khác nội dung)")));
    PortalDuplicateException silent = catchThrowableOfType(PortalDuplicateException.class, () -> PortalAnswers.checkIn(checkIn("409", "MA_LK đã tồn tại")));

    assertThat(sameContent.content()).isEqualTo(Content.SAME);
    assertThat(sameContent.receipt()).isEqualTo("0f3c2a1b-1111-2222-3333-444455556666");
    assertThat(sameContent.reason()).isEqualTo("portal already has this document: " + same);
    assertThat(sameContent.endpoint()).isEqualTo(PortalEndpoint.CHECK_IN);
    assertThat(differs.content()).isEqualTo(Content.DIFFERENT);
    assertThat(differs.receipt()).isNull();
    assertThat(both.content()).as("any number that differs").isEqualTo(Content.DIFFERENT);
    assertThat(silent.content()).isEqualTo(Content.UNKNOWN);
  }

  @Test
  void checkInRow401IsTransient() {
    PortalTransientException transient401 = catchThrowableOfType(PortalTransientException.class, () -> PortalAnswers.checkIn(checkIn("401", "token")));

    assertThat(transient401.reason()).isEqualTo("portal refused the session token (401)");
  }

  @Test
  void checkInAnyOtherCodeIsARefusalWithTheCodeAndText() {
    PortalRefusedException refused = catchThrowableOfType(PortalRefusedException.class,
        () -> PortalAnswers.checkIn(checkIn("422", "Chữ ký số không hợp lệ: UNKNOWN_SIGNER")));

    assertThat(refused.reason()).isEqualTo("portal code 422: Chữ ký số không hợp lệ: UNKNOWN_SIGNER");
  }

  @Test
  void certificateRowHttp401IsTransientNamingTheAccount() {
    PortalTransientException refused = catchThrowableOfType(PortalTransientException.class,
        () -> PortalAnswers.certificate(certificate(401, "0", "Tài khoản hoặc mật khẩu không đúng"), "70001_HSSK"));

    assertThat(refused.reason()).isEqualTo("portal refused the account 70001_HSSK (401)");
  }

  @Test
  void certificateRowState1IsAReceipt() {
    assertThat(PortalAnswers.certificate(certificate(200, "1", "Gửi dữ liệu thành công"), "70001_HSSK")).isEqualTo(new PortalReceipt("uuid-1", null));
  }

  @Test
  void certificateRowAlreadyExistsIsADuplicate() {
    PortalDuplicateException same = catchThrowableOfType(PortalDuplicateException.class,
        () -> PortalAnswers.certificate(certificate(200, "0", "Số GKSK đã tồn tại (cùng nội dung)"), "70001_HSSK"));
    PortalDuplicateException unknown = catchThrowableOfType(PortalDuplicateException.class,
        () -> PortalAnswers.certificate(certificate(200, "0", "Số GKSK đã tồn tại"), "70001_HSSK"));

    assertThat(same.content()).isEqualTo(Content.SAME);
    assertThat(same.receipt()).isEqualTo("uuid-1");
    assertThat(same.endpoint()).isEqualTo(PortalEndpoint.CERTIFICATE);
    assertThat(unknown.content()).isEqualTo(Content.UNKNOWN);
    assertThat(unknown.reason()).isEqualTo("portal already has this document: Số GKSK đã tồn tại");
  }

  @Test
  void certificateAnythingElseIsARefusal() {
    PortalRefusedException refused = catchThrowableOfType(PortalRefusedException.class,
        () -> PortalAnswers.certificate(certificate(200, "0", "Chữ ký số không hợp lệ: UNKNOWN_SIGNER (x)"), "70001_HSSK"));
    PortalRefusedException silent = catchThrowableOfType(PortalRefusedException.class,
        () -> PortalAnswers.certificate(certificate(200, "", null), "70001_HSSK"));

    assertThat(refused.reason()).isEqualTo("MSG_STATE 0: Chữ ký số không hợp lệ: UNKNOWN_SIGNER (x)");
    assertThat(silent.reason()).isEqualTo("MSG_STATE : ");
  }

  @Test
  void noAnswerBecauseTheBreakerIsOpenIsACircuitOpenWithItsWait() {
    RuntimeException open = PortalAnswers.noAnswer(PortalEndpoint.CHECK_IN,
        new GatewayException(ErrorCode.PORTAL_CIRCUIT_OPEN, null, Duration.ofSeconds(15), null));
    RuntimeException openWithoutWait = PortalAnswers.noAnswer(PortalEndpoint.CHECK_IN, new GatewayException(ErrorCode.PORTAL_CIRCUIT_OPEN, null));

    assertThat(open).isInstanceOf(PortalCircuitOpenException.class);
    assertThat(((PortalCircuitOpenException) open).waitFor()).isEqualTo(Duration.ofSeconds(15));
    assertThat(((PortalCircuitOpenException) openWithoutWait).waitFor()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void noAnswerForAnyOtherReasonIsTransientWithTheCodeAndTheCause() {
    RuntimeException unavailable = PortalAnswers.noAnswer(PortalEndpoint.CERTIFICATE, new GatewayException(ErrorCode.PORTAL_UNAVAILABLE, null,
        Duration.ofSeconds(5), new PortalUnavailableException(PortalEndpoint.CERTIFICATE, "HTTP 503", null)));
    RuntimeException timeout = PortalAnswers.noAnswer(PortalEndpoint.CERTIFICATE, new GatewayException(ErrorCode.PORTAL_TIMEOUT, null));
    RuntimeException login = PortalAnswers.noAnswer(PortalEndpoint.CHECK_IN, new GatewayException(ErrorCode.PORTAL_LOGIN_REFUSED, null, null,
        new PortalLoginRefusedException("70001_BV", "401")));

    assertThat(unavailable).isInstanceOf(PortalTransientException.class).hasMessage("GW-PORTAL-UNAVAILABLE (certificate: HTTP 503)");
    assertThat(timeout).isInstanceOf(PortalTransientException.class).hasMessage("GW-PORTAL-TIMEOUT");
    assertThat(login).isInstanceOf(PortalTransientException.class).hasMessage("GW-PORTAL-LOGIN-REFUSED (portal refused login of 70001_BV with code 401)");
  }

  @Test
  void everyTableEndsWithARowThatMatchesAnything() {
    assertThat(PortalAnswers.lookUp(PortalAnswers.CHECK_IN, new PortalClient.CheckInReply(0, "", null, null, null))).isEqualTo(PortalAnswers.Verdict.REFUSED);
    assertThat(PortalAnswers.lookUp(PortalAnswers.CERTIFICATE, new PortalClient.CertificateReply(0, "", null, null, null, null)))
        .isEqualTo(PortalAnswers.Verdict.REFUSED);
    assertThat(PortalAnswers.lookUp(PortalAnswers.DUPLICATE_CONTENT, null)).isEqualTo(Content.UNKNOWN);
  }
}
