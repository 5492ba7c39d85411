package vn.healthgate.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.healthgate.certs.ca.IssuedCredential;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/** Intake into the outbox, step by step as the intake routes call it: the Idempotency-Key is refused, before anything is stored, when it is longer than the outbox keeps. */
class SubmissionsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC);
  private static final String LONGEST_KEY = "k".repeat(Submissions.IDEMPOTENCY_KEY_MAX_LENGTH);
  private static final String TOO_LONG_KEY = LONGEST_KEY + "k";

  private final FakeOutbox outbox = new FakeOutbox();
  // intake asks only whether the facility has a key; nothing is signed here
  private final Submissions submissions = new Submissions(outbox, new CheckInValidator(CLOCK, (facility, cccd) -> Optional.empty()),
      new CertificateValidator(CLOCK, code -> "Bệnh viện"), new DocumentSigner(facility -> Optional.of(new IssuedCredential(null, null, List.of()))), CLOCK);

  static CheckInRequest checkIn(String episode) {
    return new CheckInRequest("70001", episode, "BN-1", "NGUYỄN VĂN AN", "070090000123", "1990-01-01", "MALE", "HN4707014012731", null, null, null,
        "1.1", "2026-11-25T08:00:00+07:00", null, null, null, "01", new CheckInRequest.Item("02.1896", "Khám Nội"), null, null,
        "2026-11-25T08:15:00+07:00", null);
  }

  static CertificateRequest certificate(String number) {
    return new CertificateRequest(number, "70001",
        new CertificateRequest.Person("VÕ HỮU BÌNH", "MALE", "1989-11-10", "070089868934", "2021-03-15", "Cục Cảnh sát QLHC về TTXH",
            new CertificateRequest.Address("Ấp 2, Đồng Phú, Bình Phước", "70", "697", "25261")),
        "B", null, new CertificateRequest.Alcohol("0", "MG_PER_L_BREATH"), "NEGATIVE",
        new CertificateRequest.Conclusion("FIT", "NGUYỄN THỊ LAN", "2026-11-25", null, null, null));
  }

  private Submissions.Intake storeCheckIn(CheckInRequest request, String key) {
    return submissions.store(submissions.validateCheckIn(request, key), key);
  }

  private Submissions.Intake storeCertificate(CertificateRequest request, String key) {
    return submissions.store(submissions.validateCertificate(request, key), key);
  }

  private Submissions.Intake storeCorrection(String id, String facility, CertificateRequest request, String key) {
    return submissions.store(submissions.validateCorrection(id, facility, request, key), key);
  }

  private void assertRefusedAndNothingStored(Function<String, Submissions.Intake> intake) {
    int before = outbox.size();

    GatewayException refused = catchThrowableOfType(GatewayException.class, () -> intake.apply(TOO_LONG_KEY));

    assertThat(refused).isNotNull();
    assertThat(refused.errorCode()).isEqualTo(ErrorCode.PARAMETER_INVALID);
    assertThat(refused.errorCode().httpStatus()).isEqualTo(400);
    assertThat(refused.field()).contains("Idempotency-Key");
    assertThat(outbox.size()).isEqualTo(before);
  }

  @Test
  void anIdempotencyKeyLongerThanTheOutboxKeepsIsRefusedForACheckIn() {
    assertRefusedAndNothingStored(key -> storeCheckIn(checkIn("LK-1"), key));
  }

  @Test
  void anIdempotencyKeyLongerThanTheOutboxKeepsIsRefusedForACertificate() {
    assertRefusedAndNothingStored(key -> storeCertificate(certificate("00001/GKSKLX/70001/26"), key));
  }

  @Test
  void anIdempotencyKeyLongerThanTheOutboxKeepsIsRefusedForACorrection() {
    Submission accepted = storeCertificate(certificate("00002/GKSKLX/70001/26"), null).submission();
    outbox.markAccepted(accepted.id(), "uuid-1", CLOCK.instant(), CLOCK.instant());

    assertRefusedAndNothingStored(key -> storeCorrection(accepted.id(), "70001", certificate("00002/GKSKLX/70001/26"), key));
  }

  @Test
  void theLongestKeyTheOutboxKeepsStillMakesARetrySafe() {
    Submissions.Intake first = storeCheckIn(checkIn("LK-2"), LONGEST_KEY);
    Submissions.Intake retried = storeCheckIn(checkIn("LK-2"), LONGEST_KEY);

    assertThat(first.created()).isTrue();
    assertThat(retried.created()).isFalse();
    assertThat(retried.submission().id()).isEqualTo(first.submission().id());
  }
}
