package vn.healthgate.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.error.GatewayException;

/** The XML 0 fields the gateway writes or checks itself: STT, NGAY_SINH, SO_CCCD (docs/field-rules.md). */
class CheckInValidatorTest {
  /** 2026-11-26 10:00 in Vietnam. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final CheckInValidator validator = new CheckInValidator(CLOCK, (facility, cccd) -> Optional.empty());

  /** The request as a HIS sends it (JSON), valid as it is. */
  static Map<String, Object> checkIn() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("facilityCode", "70001");
    body.put("episodeId", "LK-1");
    body.put("patientId", "BN-1");
    body.put("fullName", "NGUYỄN VĂN AN");
    body.put("cccd", "070090000123");
    body.put("birthDate", "1990-01-01");
    body.put("sex", "MALE");
    body.put("cardNumber", "HN4707014012731");
    body.put("visitCategory", "1.1");
    body.put("arrivedAt", "2026-11-25T08:00:00+07:00");
    body.put("visitType", "01");
    body.put("firstService", Map.of("code", "02.1896", "name", "Khám Nội"));
    body.put("orderedAt", "2026-11-25T08:15:00+07:00");
    return body;
  }

  private PortalDocument validate(Map<String, Object> body) {
    return validator.validate(JSON.convertValue(body, CheckInRequest.class));
  }

  private String outcome(Map<String, Object> body) {
    try {
      PortalDocument document = validate(body);
      return document.fields().get("NGAY_SINH");
    } catch (GatewayException e) {
      return e.errorCode().code() + " " + e.field().orElse("");
    }
  }

  @Test
  void theRecordsPositionInTheFileIsTheGatewaysToWrite() {
    Map<String, Object> body = checkIn();
    body.put("sequence", 7);

    assertThat(validate(body).fields()).containsEntry("STT", "1");
  }

  @ParameterizedTest(name = "birthDate {0} -> {1}")
  @CsvSource({
      "1990-01-01, 199001010000",
      "1990-02, 199002000000",
      "1990, 199000000000",
      "2026-11-20T08:30, 202611200830",
      "2026-11-20T08:30:00+07:00, 202611200830",
      "2026-11-20T01:30:00Z, 202611200830",
      "1990-13, GW-FIELD-FORMAT birthDate",
      "1990-00, GW-FIELD-FORMAT birthDate",
      "1990-02-30, GW-FIELD-FORMAT birthDate",
      "0000, GW-FIELD-FORMAT birthDate",
      "1879, GW-FIELD-FORMAT birthDate",
      "2026-11-20T25:00, GW-FIELD-FORMAT birthDate",
      "2027, GW-DATE-FUTURE birthDate",
      "2026-12, GW-DATE-FUTURE birthDate",
      "2026-11-27, GW-DATE-FUTURE birthDate",
      "2026-11-26T12:00, GW-DATE-FUTURE birthDate",
      "20/11/2026, GW-FIELD-FORMAT birthDate"})
  void theBirthDateIsARealDateOrAsMuchOfOneAsTheRecordsHold(String birth, String expected) {
    Map<String, Object> body = checkIn();
    body.put("birthDate", birth);
    body.put("cccd", null);

    assertThat(outcome(body)).isEqualTo(expected);
  }

  @Test
  void aNewbornWithoutATimeOfBirthIsSentWithAWarning() {
    Map<String, Object> body = checkIn();
    body.put("birthDate", "2026-11-20");
    body.put("cccd", null);

    assertThat(validate(body).warnings()).anyMatch(w -> w.contains("newborn"));
    body.put("birthDate", "2026-11-20T08:30");
    assertThat(validate(body).warnings()).noneMatch(w -> w.contains("newborn"));
  }

  @ParameterizedTest(name = "cccd {0} born {1} {2} -> {3}")
  @CsvSource({
      "070090000123, 1990-01-01, MALE, 199001010000",
      "070090000123, 1990, UNDETERMINED, 199000000000",
      "003090000123, 1990-01-01, MALE, GW-CCCD-PROVINCE cccd",
      "070290000123, 1990-01-01, MALE, GW-CCCD-CENTURY cccd",
      "070091000123, 1990-01-01, MALE, GW-CCCD-BIRTHYEAR cccd",
      "070190000123, 1990-01-01, MALE, GW-CCCD-SEX cccd",
      "123456789, 1990-01-01, MALE, 199001010000",
      "B1234567, 1990-01-01, MALE, 199001010000"})
  void aTwelveDigitCccdIsCheckedAsAtTheEligibilityCheck(String cccd, String birth, String sex, String expected) {
    Map<String, Object> body = checkIn();
    body.put("cccd", cccd);
    body.put("birthDate", birth);
    body.put("sex", sex);

    assertThat(outcome(body)).isEqualTo(expected);
  }

  @Test
  void freeTextIsCleanedLikeNames() {
    Map<String, Object> body = checkIn();
    body.put("fullName", "\uFEFF\u00D0ẶNG\u00A0QUANG HÙNG");
    body.put("firstService", Map.of("code", "02.1896", "name", "Khám\u202FNội\u200B"));
    body.put("reserved", "\u00D0ã\u3000hẹn  tái khám");

    Map<String, String> fields = validate(body).fields();

    assertThat(fields).containsEntry("HO_TEN", "ĐẶNG QUANG HÙNG").containsEntry("TEN_DICH_VU", "Khám Nội").containsEntry("DU_PHONG", "Đã hẹn tái khám");
  }
}
