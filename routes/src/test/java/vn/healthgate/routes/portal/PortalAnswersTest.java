package vn.healthgate.routes.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.portal.PortalDuplicateException.Content;

/** The portal-answer tables, row by row, and the typed outcome each row makes. */
class PortalAnswersTest {
  /** The sentences application.yml configures. */
  static final PortalPhrases PHRASES = new PortalPhrases(List.of("đã tồn tại"), List.of("cùng nội dung"), List.of("khác nội dung"), "mã giao dịch");
  private final PortalAnswers answers = new PortalAnswers(PHRASES);

  private static PortalClient.CheckInReply checkIn(String code, String text) {
    return new PortalClient.CheckInReply(200, code, "tx-1", "20261126100000", text);
  }

  private static PortalClient.CertificateReply certificate(int status, String state, String text) {
    return new PortalClient.CertificateReply(status, state, text, "70001", "00001/GKSKLX/70001/26", "uuid-1");
  }

  @Test
  void checkInRow200IsAReceiptWithThePortalsTimeInVietnam() {
    PortalReceipt receipt = answers.checkIn(checkIn("200", "Tiếp nhận thành công"));

    assertThat(receipt.id()).isEqualTo("tx-1");
    assertThat(receipt.receivedAt()).isEqualTo(Instant.parse("2026-11-26T03:00:00Z"));
  }

  @Test
  void checkInRow200WithAnUnreadableTimeHasNoReceivedAt() {
    PortalReceipt receipt = answers.checkIn(new PortalClient.CheckInReply(200, "200", "tx-2", "yesterday", null));

    assertThat(receipt).isEqualTo(new PortalReceipt("tx-2", null));
  }

  @Test
  void checkInRow409IsADuplicateWhoseContentTheTextTells() {
    String same = "MA_LK đã tồn tại: LK-1 (cùng nội dung, mã giao dịch 0f3c2a1b-1111-2222-3333-444455556666)";
    PortalDuplicateException sameContent = catchThrowableOfType(PortalDuplicateException.class, () -> answers.checkIn(checkIn("409", same)));
    PortalDuplicateException differs = catchThrowableOfType(PortalDuplicateException.class,
        () -> answers.checkIn(checkIn("409", "MA_LK đã tồn tại: LK-1 (khác nội dung)")));
    PortalDuplicateException both = catchThrowableOfType(PortalDuplicateException.class,
        () -> answers.checkIn(checkIn("409", "MA_LK đã tồn tại: LK-1 (cùng nội dung, mã giao dịch 0f3c2a1b), LK-1 (khác nội dung)")));
    PortalDuplicateException silent = catchThrowableOfType(PortalDuplicateException.class, () -> answers.checkIn(checkIn("409", "MA_LK đã tồn tại")));

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
    PortalTransientException transient401 = catchThrowableOfType(PortalTransientException.class, () -> answers.checkIn(checkIn("401", "token")));

    assertThat(transient401.reason()).isEqualTo("portal refused the session token (401)");
  }

  @Test
  void checkInAnyOtherCodeIsARefusalWithTheCodeAndText() {
    PortalRefusedException refused = catchThrowableOfType(PortalRefusedException.class,
        () -> answers.checkIn(checkIn("422", "Chữ ký số không hợp lệ: UNKNOWN_SIGNER")));

    assertThat(refused.reason()).isEqualTo("portal code 422: Chữ ký số không hợp lệ: UNKNOWN_SIGNER");
  }

  @Test
  void certificateRowHttp401IsTransientNamingTheAccount() {
    PortalTransientException refused = catchThrowableOfType(PortalTransientException.class,
        () -> answers.certificate(certificate(401, "0", "Tài khoản hoặc mật khẩu không đúng"), "70001_HSSK"));

    assertThat(refused.reason()).isEqualTo("portal refused the account 70001_HSSK (401)");
  }

  @Test
  void certificateRowState1IsAReceipt() {
    assertThat(answers.certificate(certificate(200, "1", "Gửi dữ liệu thành công"), "70001_HSSK")).isEqualTo(new PortalReceipt("uuid-1", null));
  }

  @Test
  void certificateRowAlreadyExistsIsADuplicate() {
    PortalDuplicateException same = catchThrowableOfType(PortalDuplicateException.class,
        () -> answers.certificate(certificate(200, "0", "Số GKSK đã tồn tại (cùng nội dung)"), "70001_HSSK"));
    PortalDuplicateException unknown = catchThrowableOfType(PortalDuplicateException.class,
        () -> answers.certificate(certificate(200, "0", "Số GKSK đã tồn tại"), "70001_HSSK"));

    assertThat(same.content()).isEqualTo(Content.SAME);
    assertThat(same.receipt()).isEqualTo("uuid-1");
    assertThat(same.endpoint()).isEqualTo(PortalEndpoint.CERTIFICATE);
    assertThat(unknown.content()).isEqualTo(Content.UNKNOWN);
    assertThat(unknown.reason()).isEqualTo("portal already has this document: Số GKSK đã tồn tại");
  }

  @Test
  void certificateState0IsARefusalWithTheText() {
    PortalRefusedException refused = catchThrowableOfType(PortalRefusedException.class,
        () -> answers.certificate(certificate(200, "0", "Chữ ký số không hợp lệ: UNKNOWN_SIGNER (x)"), "70001_HSSK"));
    PortalRefusedException silent = catchThrowableOfType(PortalRefusedException.class,
        () -> answers.certificate(certificate(200, "0", null), "70001_HSSK"));

    assertThat(refused.reason()).isEqualTo("MSG_STATE 0: Chữ ký số không hợp lệ: UNKNOWN_SIGNER (x)");
    assertThat(silent.reason()).isEqualTo("MSG_STATE 0: ");
  }

  @Test
  void certificateWithoutAKnownStateOrForbiddenIsKeptForAnAdmin() {
    PortalUnrecognisedAnswerException noState = catchThrowableOfType(PortalUnrecognisedAnswerException.class,
        () -> answers.certificate(certificate(200, "", null), "70001_HSSK"));
    PortalUnrecognisedAnswerException otherState = catchThrowableOfType(PortalUnrecognisedAnswerException.class,
        () -> answers.certificate(certificate(200, "2", "Đang xử lý"), "70001_HSSK"));
    PortalUnrecognisedAnswerException forbidden = catchThrowableOfType(PortalUnrecognisedAnswerException.class,
        () -> answers.certificate(certificate(403, "0", "Tài khoản không có quyền"), "70001_BV"));

    assertThat(noState.reason()).isEqualTo("unrecognised portal answer to 70001_HSSK (HTTP 200, MSG_STATE ): ");
    assertThat(otherState.reason()).isEqualTo("unrecognised portal answer to 70001_HSSK (HTTP 200, MSG_STATE 2): Đang xử lý");
    assertThat(forbidden.endpoint()).isEqualTo(PortalEndpoint.CERTIFICATE);
    assertThat(forbidden.reason()).contains("HTTP 403", "Tài khoản không có quyền");
  }

  @Test
  void checkInForbiddenOrWithoutACodeIsKeptForAnAdmin() {
    PortalUnrecognisedAnswerException forbidden = catchThrowableOfType(PortalUnrecognisedAnswerException.class,
        () -> answers.checkIn(checkIn("403", "Không có quyền gửi hồ sơ")));
    PortalUnrecognisedAnswerException noCode = catchThrowableOfType(PortalUnrecognisedAnswerException.class,
        () -> answers.checkIn(new PortalClient.CheckInReply(200, null, null, null, "<html>Service Unavailable</html>")));
    PortalUnrecognisedAnswerException notACode = catchThrowableOfType(PortalUnrecognisedAnswerException.class,
        () -> answers.checkIn(checkIn("OK", "")));

    assertThat(forbidden.reason()).isEqualTo("unrecognised portal answer (HTTP 200, maKetQua 403): Không có quyền gửi hồ sơ");
    assertThat(noCode.reason()).contains("maKetQua null");
    assertThat(notACode.endpoint()).isEqualTo(PortalEndpoint.CHECK_IN);
  }

  @Test
  void theSentencesComeFromConfigurationAndMatchIgnoringCaseAndComposition() {
    PortalAnswers english = new PortalAnswers(new PortalPhrases(List.of("already exists"), List.of("same content"), List.of("different content"), "transaction"));
    String decomposed = java.text.Normalizer.normalize("SỐ GKSK ĐÃ TỒN TẠI (CÙNG NỘI DUNG)", java.text.Normalizer.Form.NFD);

    PortalDuplicateException configured = catchThrowableOfType(PortalDuplicateException.class,
        () -> english.certificate(certificate(200, "0", "Certificate number already exists (same content)"), "70001_HSSK"));
    PortalDuplicateException checkIn = catchThrowableOfType(PortalDuplicateException.class,
        () -> english.checkIn(checkIn("409", "MA_LK exists (different content), Transaction: 0F3C2A1B-1111")));
    PortalDuplicateException upperAndDecomposed = catchThrowableOfType(PortalDuplicateException.class,
        () -> answers.certificate(certificate(200, "0", decomposed), "70001_HSSK"));

    assertThat(configured.content()).isEqualTo(Content.SAME);
    assertThat(checkIn.content()).isEqualTo(Content.DIFFERENT);
    assertThat(checkIn.receipt()).as("the id as the portal wrote it").isEqualTo("0F3C2A1B-1111");
    assertThat(upperAndDecomposed.content()).isEqualTo(Content.SAME);
    assertThatThrownBy(() -> english.certificate(certificate(200, "0", "Số GKSK đã tồn tại"), "70001_HSSK"))
        .as("a sentence not configured is not a duplicate").isInstanceOf(PortalRefusedException.class);
    assertThatThrownBy(() -> new PortalPhrases(List.of(), List.of("a"), List.of("b"), "c")).isInstanceOf(IllegalArgumentException.class);
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
    assertThat(PortalAnswers.lookUp(PortalAnswers.CHECK_IN, new PortalClient.CheckInReply(0, "", null, null, null))).isEqualTo(PortalAnswers.Verdict.UNRECOGNISED);
    assertThat(PortalAnswers.lookUp(answers.certificateTable, new PortalClient.CertificateReply(0, "", null, null, null, null)))
        .isEqualTo(PortalAnswers.Verdict.UNRECOGNISED);
    assertThat(PortalAnswers.lookUp(answers.duplicateContentTable, null)).isEqualTo(Content.UNKNOWN);
  }
}
