package vn.healthgate.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.portal.PortalAnswers;
import vn.healthgate.routes.portal.PortalClient;
import vn.healthgate.routes.portal.PortalEndpoint;
import vn.healthgate.routes.portal.PortalLoginRefusedException;
import vn.healthgate.routes.portal.PortalPhrases;
import vn.healthgate.routes.portal.PortalUnavailableException;

/** The stored failure texts (as the delivery steps write them) and the portal-call failures read as codes and words, never as class names. */
class FailureReasonTest {
  private static final PortalAnswers ANSWERS = new PortalAnswers(new PortalPhrases(List.of("đã tồn tại"), List.of("cùng nội dung"),
      List.of("khác nội dung"), "mã giao dịch"));

  private static String noAnswer(ErrorCode code, Throwable cause) {
    return PortalAnswers.noAnswer(PortalEndpoint.CERTIFICATE, new GatewayException(code, null, Duration.ofSeconds(5), cause)).getMessage();
  }

  private static String unavailable(String reason) {
    return noAnswer(ErrorCode.PORTAL_UNAVAILABLE, new PortalUnavailableException(PortalEndpoint.CERTIFICATE, reason, null));
  }

  private static String checkIn(String code, String text) {
    return catchThrowable(() -> ANSWERS.checkIn(new PortalClient.CheckInReply(200, code, null, null, text))).getMessage();
  }

  private static String certificate(String state, String text) {
    return catchThrowable(() -> ANSWERS.certificate(new PortalClient.CertificateReply(200, state, text, "70003", "1/GKSKLX/70003/26", null), "70003_HSSK"))
        .getMessage();
  }

  @Test
  void aTransportFailureReadsAsWhatHappenedNotAsTheExceptionClass() {
    assertThat(FailureReason.ofStored(unavailable(ConnectException.class.getSimpleName()))).isEqualTo(FailureReason.PORTAL_UNREACHABLE);
    assertThat(FailureReason.ofStored(unavailable(HttpConnectTimeoutException.class.getSimpleName()))).isEqualTo(FailureReason.PORTAL_TIMEOUT);
    assertThat(FailureReason.ofStored(unavailable(HttpTimeoutException.class.getSimpleName()))).isEqualTo(FailureReason.PORTAL_TIMEOUT);
    assertThat(FailureReason.ofStored(unavailable("HTTP 503"))).isEqualTo(FailureReason.PORTAL_SERVER_ERROR);
    assertThat(FailureReason.ofStored(unavailable("unreadable body (HTTP 502)"))).isEqualTo(FailureReason.PORTAL_ANSWER_UNREADABLE);
    assertThat(FailureReason.ofStored(unavailable("interrupted"))).isEqualTo(FailureReason.INTERRUPTED);
    assertThat(FailureReason.ofStored(noAnswer(ErrorCode.PORTAL_TIMEOUT, new TimeoutException()))).isEqualTo(FailureReason.PORTAL_TIMEOUT);
    assertThat(FailureReason.ofStored(noAnswer(ErrorCode.PORTAL_LOGIN_REFUSED, null))).isEqualTo(FailureReason.PORTAL_LOGIN_REFUSED);
    assertThat(FailureReason.ofStored("GW-PORTAL-CIRCUIT-OPEN (not sent: the portal endpoint's breaker is open)")).isEqualTo(FailureReason.BREAKER_OPEN);
  }

  @Test
  void thePortalsAnswersReadAsRefusalsDuplicatesAndUnknownAnswers() {
    assertThat(FailureReason.ofStored(checkIn("401", "token"))).isEqualTo(FailureReason.PORTAL_ACCOUNT_REFUSED);
    assertThat(FailureReason.ofStored(checkIn("012", "Sai mã thẻ"))).isEqualTo(FailureReason.PORTAL_REFUSED);
    assertThat(FailureReason.ofStored(checkIn(null, "?"))).isEqualTo(FailureReason.PORTAL_ANSWER_UNKNOWN);
    assertThat(FailureReason.ofStored(certificate("0", "Sai định dạng"))).isEqualTo(FailureReason.PORTAL_REFUSED);
    assertThat(FailureReason.ofStored(certificate("0", "Hồ sơ đã tồn tại, khác nội dung"))).isEqualTo(FailureReason.PORTAL_DUPLICATE);
    assertThat(FailureReason.ofStored(certificate("7", "?"))).isEqualTo(FailureReason.PORTAL_ANSWER_UNKNOWN);
  }

  @Test
  void signingAndStoredDocumentFailuresAndAnythingElse() {
    assertThat(FailureReason.ofStored("GW-NO-SIGNING-KEY")).isEqualTo(FailureReason.NO_SIGNING_KEY);
    assertThat(FailureReason.ofStored("signing failed: IllegalStateException: cannot sign the document (caused by InvalidKeyException)"))
        .isEqualTo(FailureReason.SIGNING_FAILED);
    assertThat(FailureReason.ofStored("unreadable stored document: JsonParseException: x")).isEqualTo(FailureReason.DOCUMENT_UNREADABLE);
    assertThat(FailureReason.ofStored("NullPointerException: null")).isEqualTo(FailureReason.UNEXPECTED);
    assertThat(FailureReason.ofStored(null)).isNull();
    assertThat(FailureReason.describeStored("GW-NO-SIGNING-KEY"))
        .isEqualTo(new FailureReason.Described("NO_SIGNING_KEY", FailureReason.NO_SIGNING_KEY.english(), FailureReason.NO_SIGNING_KEY.vietnamese(), "GW-NO-SIGNING-KEY"));
  }

  @Test
  void aPortalCallFailureAsItsBreakerRecordedIt() {
    PortalUnavailableException refused = new PortalUnavailableException(PortalEndpoint.CARD_LOOKUP, ConnectException.class.getSimpleName(), new ConnectException());
    assertThat(FailureReason.ofCall(new ExecutionException(refused))).isEqualTo(FailureReason.PORTAL_UNREACHABLE);
    assertThat(FailureReason.ofCall(new TimeoutException())).isEqualTo(FailureReason.PORTAL_TIMEOUT);
    assertThat(FailureReason.ofCall(new PortalLoginRefusedException("70001_BV", "401"))).isEqualTo(FailureReason.PORTAL_LOGIN_REFUSED);
    assertThat(FailureReason.ofCall(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("x")))).isEqualTo(FailureReason.BREAKER_OPEN);
    assertThat(FailureReason.ofCall(new GatewayException(ErrorCode.PORTAL_UNAVAILABLE, null, Duration.ZERO,
        new PortalUnavailableException(PortalEndpoint.TOKEN, "HTTP 502", null)))).isEqualTo(FailureReason.PORTAL_SERVER_ERROR);
    assertThat(FailureReason.ofCall(new IOException("x"))).isEqualTo(FailureReason.UNEXPECTED);
  }

  @Test
  void everyReasonHasWordsInBothLanguagesAndVietnameseWithDiacritics() {
    Arrays.stream(FailureReason.values()).forEach(r -> {
      assertThat(r.english()).as(r.name()).isNotBlank().doesNotContainPattern("[A-Z][a-z]+Exception");
      assertThat(r.vietnamese()).as(r.name()).isNotBlank().containsPattern("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]");
    });
  }
}
