package vn.healthgate.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vn.healthgate.routes.delivery.CertificateRequest;
import vn.healthgate.routes.delivery.CertificateValidator;
import vn.healthgate.routes.delivery.CheckInRequest;
import vn.healthgate.routes.delivery.CheckInValidator;
import vn.healthgate.routes.eligibility.EligibilityRequest;
import vn.healthgate.routes.eligibility.EligibilityValidator;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.identity.CccdQr;

/** Whatever text arrives, the validators either accept it or refuse it with a catalogue code naming a field: never another exception. */
class ValidatorPropertiesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC);

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().withChars("0123456789|-/:T+ Đđ¦\\").ofMaxLength(80),
        Arbitraries.of("", " ", "070089868934", "1989-11-10", "1989", "2999-01-01", "MALE", "FEMALE", "00001/GKSKLX/70001/26", "B2", "FIT",
            "MG_PER_L_BREATH", "NEGATIVE", "2026-11-25T08:00:00+07:00", "\u0000", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "NGUYỄN VĂN AN"))
        .injectNull(0.2);
  }

  private static void onlyCodedRefusals(Runnable validation) {
    try {
      validation.run();
    } catch (GatewayException e) {
      assertThat(e.errorCode().httpStatus()).isBetween(400, 499);
      assertThat(e.field()).isPresent();
    }
  }

  @Property(tries = 400)
  void eligibilityRequestsAreAcceptedOrRefusedWithACode(@ForAll("text") String facility, @ForAll("text") String cccd, @ForAll("text") String qr,
      @ForAll("text") String card, @ForAll("text") String name, @ForAll("text") String birth, @ForAll("text") String sex,
      @ForAll("text") String officerName, @ForAll("text") String officerCccd) {
    EligibilityValidator validator = new EligibilityValidator(CLOCK);
    onlyCodedRefusals(() -> validator.validate(new EligibilityRequest(facility, cccd, qr, card, name, birth, sex,
        new EligibilityRequest.Officer(officerName, officerCccd), null)));
  }

  @Property(tries = 400)
  void qrTextIsParsedOrRefusedWithACode(@ForAll("text") String a, @ForAll("text") String b, @ForAll("text") String c) {
    onlyCodedRefusals(() -> CccdQr.parse(a + "|" + b + "|" + c + "|01011990|Nam|x|15032021", CLOCK.instant().atZone(ZoneOffset.UTC).toLocalDate()));
  }

  @Property(tries = 400)
  void checkInsAreAcceptedOrRefusedWithACode(@ForAll("text") String facility, @ForAll("text") String episode, @ForAll("text") String name,
      @ForAll("text") String birth, @ForAll("text") String sex, @ForAll("text") String arrived, @ForAll("text") String ordered,
      @ForAll("text") String visitType, @ForAll("text") String cccd) {
    CheckInValidator validator = new CheckInValidator(CLOCK, (facilityCode, any) -> Optional.empty());
    onlyCodedRefusals(() -> validator.validate(new CheckInRequest(facility, episode, "BN1", name, cccd, birth, sex, null, null, null, null, "1.1",
        arrived, null, null, null, visitType, new CheckInRequest.Item("02.1896", "Khám"), null, null, ordered, null)));
  }

  @Property(tries = 400)
  void certificatesAreAcceptedOrRefusedWithACode(@ForAll("text") String number, @ForAll("text") String facility, @ForAll("text") String name,
      @ForAll("text") String birth, @ForAll("text") String licence, @ForAll("text") String alcohol, @ForAll("text") String unit,
      @ForAll("text") String conclusion, @ForAll("text") String date) {
    CertificateValidator validator = new CertificateValidator(CLOCK, code -> "X");
    onlyCodedRefusals(() -> validator.validate(new CertificateRequest(number, facility,
        new CertificateRequest.Person(name, "MALE", birth, "070089868934", "2021-03-15", "CA", new CertificateRequest.Address("x", "70", "697", "25261")),
        licence, null, new CertificateRequest.Alcohol(alcohol, unit), "NEGATIVE", new CertificateRequest.Conclusion(conclusion, "BS AN", date, null, null, null)), "ADD"));
  }
}
