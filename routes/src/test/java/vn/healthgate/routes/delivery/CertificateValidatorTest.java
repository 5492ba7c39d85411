package vn.healthgate.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.healthgate.routes.error.GatewayException;

/** NONGDOCON, SOCMND_PASSPORT, HANGBANGLAI and KETLUAN as docs/field-rules.md gives them. */
class CertificateValidatorTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final CertificateValidator validator = new CertificateValidator(CLOCK, code -> "Bệnh viện");

  /** The certificate as a clinic sends it (JSON), valid as it is. */
  static Map<String, Object> certificate() {
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("fullName", "VÕ HỮU BÌNH");
    person.put("sex", "MALE");
    person.put("birthDate", "1989-11-10");
    person.put("idNumber", "070089868934");
    person.put("idIssuedOn", "2021-03-15");
    person.put("idIssuedBy", "Cục Cảnh sát QLHC về TTXH");
    person.put("address", Map.of("line", "Ấp 2, Đồng Phú, Bình Phước", "provinceCode", "70", "districtCode", "697", "communeCode", "25261"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("number", "00001/GKSKLX/70001/26");
    body.put("facilityCode", "70001");
    body.put("person", person);
    body.put("licenceClass", "B");
    body.put("alcohol", new LinkedHashMap<>(Map.of("value", "0", "unit", "MG_PER_L_BREATH")));
    body.put("drugTest", "NEGATIVE");
    body.put("conclusion", new LinkedHashMap<>(Map.of("code", "FIT", "doctor", "NGUYỄN THỊ LAN", "date", "2026-11-25")));
    return body;
  }

  /** The portal field asked for, the warnings after a "|", or the refusal's code and field. */
  private String outcome(Map<String, Object> body, String element) {
    try {
      PortalDocument document = validator.validate(JSON.convertValue(body, CertificateRequest.class), "ADD");
      return document.fields().get(element) + (document.warnings().isEmpty() ? "" : " | " + String.join("; ", document.warnings()));
    } catch (GatewayException e) {
      return e.errorCode().code() + " " + e.field().orElse("");
    }
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "0, MG_PER_L_BREATH, 0",
      "0.25, MG_PER_L_BREATH, 0.25",
      "0.125, MG_PER_L_BREATH, 0.125",
      "7.5, MG_PER_L_BREATH, 7.5",
      "80, MG_PER_100ML_BLOOD, 80",
      "1500, MG_PER_100ML_BLOOD, 1500",
      "1e308, MG_PER_L_BREATH, GW-ALCOHOL alcohol.value",
      "1E-3, MG_PER_L_BREATH, GW-ALCOHOL alcohol.value",
      "7.6, MG_PER_L_BREATH, GW-ALCOHOL alcohol.value",
      "1501, MG_PER_100ML_BLOOD, GW-ALCOHOL alcohol.value",
      "0.1255, MG_PER_L_BREATH, GW-ALCOHOL alcohol.value",
      "'0,25', MG_PER_L_BREATH, GW-ALCOHOL alcohol.value",
      "+0.25, MG_PER_L_BREATH, GW-ALCOHOL alcohol.value",
      "-1, MG_PER_L_BREATH, GW-ALCOHOL alcohol.value",
      ".5, MG_PER_L_BREATH, GW-ALCOHOL alcohol.value",
      "NaN, MG_PER_L_BREATH, GW-ALCOHOL alcohol.value",
      "0, PERCENT, GW-ALCOHOL alcohol.unit"})
  void theAlcoholConcentrationIsAPlainDecimalWithinWhatALivingPersonCanHave(String value, String unit, String expected) {
    Map<String, Object> body = certificate();
    body.put("alcohol", Map.of("value", value, "unit", unit));

    assertThat(outcome(body, "NONGDOCON")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "idNumber {0} -> {1}")
  @CsvSource({
      "070089868934, 070089868934",
      "003089868934, GW-CCCD-PROVINCE person.idNumber",
      "070289868934, GW-CCCD-CENTURY person.idNumber",
      "070090868934, GW-CCCD-BIRTHYEAR person.idNumber",
      "070189868934, GW-CCCD-SEX person.idNumber",
      "123456789, 123456789",
      "C1234567, C1234567"})
  void aTwelveDigitIdNumberIsCheckedAsACccd(String idNumber, String expected) {
    Map<String, Object> body = certificate();
    @SuppressWarnings("unchecked")
    Map<String, Object> person = (Map<String, Object>) body.get("person");
    person.put("idNumber", idNumber);

    assertThat(outcome(body, "SOCMND_PASSPORT")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} ({1}) -> {2}")
  @CsvSource(delimiter = ';', value = {
      "A1;;A1",
      "B1;;B1",
      "D;;D",
      "C;LAW_2024;C",
      "A1;LAW_2008;A | licence class A1 (2008 law) sent as A, limited to two-wheeled motorcycles under 175 cm3 (electric: under 14 kW) only",
      "B1_AUTOMATIC;LAW_2008;B | licence class B1_AUTOMATIC (2008 law) sent as B, limited to cars with automatic transmission only",
      "B1_AUTOMATIC;;B | licence class B1_AUTOMATIC (2008 law) sent as B, limited to cars with automatic transmission only",
      "B11;;B | licence class B11 (2008 law) sent as B, limited to cars with automatic transmission only",
      "B1;LAW_2008;B | licence class B1 (2008 law) sent as B",
      "B2;;B | licence class B2 (2008 law) sent as B",
      "D;LAW_2008;D2 | licence class D (2008 law) sent as D2",
      "E;;D | licence class E (2008 law) sent as D",
      "A3;;B1 | licence class A3 (2008 law) sent as B1",
      "FB2;;BE | licence class FB2 (2008 law) sent as BE",
      "A4;;GW-LICENCE-CLASS licenceClass",
      "A4;LAW_2008;GW-LICENCE-CLASS licenceClass",
      "BE;LAW_2008;GW-LICENCE-CLASS licenceClass",
      "B;LAW_1999;GW-LICENCE-CLASS licenceClassSystem"})
  void licenceClassesOfThe2008LawAreSentAsThe2024LawExchangesThem(String licence, String system, String expected) {
    Map<String, Object> body = certificate();
    body.put("licenceClass", licence);
    body.put("licenceClassSystem", system);

    assertThat(outcome(body, "HANGBANGLAI")).isEqualTo(expected);
  }
}
