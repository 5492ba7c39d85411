package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every invalid field of a check-in or certificate is a 422 naming the field, with a stable code, and nothing is stored. */
class DeliveryBadInputIT extends GatewayIT {
  /** Stands for a character that must travel as a JSON escape: a lone surrogate cannot be written as UTF-8 by the test's HTTP client. */
  private static final String BAD = "@@BAD@@";

  @Autowired JdbcTemplate jdbc;

  @SuppressWarnings("unchecked")
  private static Consumer<Map<String, Object>> nested(String parent, String field, Object value) {
    return body -> {
      Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) body.get(parent));
      if (value == null) {
        copy.remove(field);
      } else {
        copy.put(field, value);
      }
      body.put(parent, copy);
    };
  }

  private static Consumer<Map<String, Object>> set(String field, Object value) {
    return body -> {
      if (value == null) {
        body.remove(field);
      } else {
        body.put(field, value);
      }
    };
  }

  static Stream<Arguments> badCertificates() {
    return Stream.of(
        Arguments.of("number missing", set("number", null), "GW-FIELD-REQUIRED", "number"),
        Arguments.of("number pattern", set("number", "1/GKSKLX/70001/26"), "GW-CERT-NUMBER", "number"),
        Arguments.of("number of another facility", set("number", "00001/GKSKLX/70002/26"), "GW-FACILITY-MISMATCH", "number"),
        Arguments.of("person missing", set("person", null), "GW-FIELD-REQUIRED", "person"),
        Arguments.of("name missing", nested("person", "fullName", null), "GW-FIELD-REQUIRED", "person.fullName"),
        Arguments.of("name with digits", nested("person", "fullName", "AN 2"), "GW-FIELD-FORMAT", "person.fullName"),
        Arguments.of("sex undetermined", nested("person", "sex", "UNDETERMINED"), "GW-SEX-INVALID", "person.sex"),
        Arguments.of("birth date in the future", nested("person", "birthDate", "2999-01-01"), "GW-DATE-FUTURE", "person.birthDate"),
        Arguments.of("birth date not a date", nested("person", "birthDate", "10/11/1989"), "GW-FIELD-FORMAT", "person.birthDate"),
        Arguments.of("id number malformed", nested("person", "idNumber", "07-0089"), "GW-FIELD-FORMAT", "person.idNumber"),
        Arguments.of("id issued before birth", nested("person", "idIssuedOn", "1980-01-01"), "GW-FIELD-FORMAT", "person.idIssuedOn"),
        Arguments.of("province code", nested("person", "address", Map.of("line", "x", "provinceCode", "7", "districtCode", "697", "communeCode", "25261")), "GW-FIELD-FORMAT", "person.address.provinceCode"),
        Arguments.of("licence class unknown", set("licenceClass", "Z9"), "GW-LICENCE-CLASS", "licenceClass"),
        Arguments.of("licence class A4 (no driving licence class since 2025)", set("licenceClass", "A4"), "GW-LICENCE-CLASS", "licenceClass"),
        Arguments.of("licence class system unknown", set("licenceClassSystem", "LAW_1999"), "GW-LICENCE-CLASS", "licenceClassSystem"),
        Arguments.of("alcohol 1e308", set("alcohol", Map.of("value", "1e308", "unit", "MG_PER_L_BREATH")), "GW-ALCOHOL", "alcohol.value"),
        Arguments.of("alcohol beyond a living person", set("alcohol", Map.of("value", "9", "unit", "MG_PER_L_BREATH")), "GW-ALCOHOL", "alcohol.value"),
        Arguments.of("id number a CCCD of an unknown province", nested("person", "idNumber", "003089868934"), "GW-CCCD-PROVINCE", "person.idNumber"),
        Arguments.of("id number a CCCD of another century", nested("person", "idNumber", "070289868934"), "GW-CCCD-CENTURY", "person.idNumber"),
        Arguments.of("alcohol unit", set("alcohol", Map.of("value", "0", "unit", "PERCENT")), "GW-ALCOHOL", "alcohol.unit"),
        Arguments.of("alcohol negative", set("alcohol", Map.of("value", "-1", "unit", "MG_PER_L_BREATH")), "GW-ALCOHOL", "alcohol.value"),
        Arguments.of("drug test", set("drugTest", "MAYBE"), "GW-DRUG-TEST", "drugTest"),
        Arguments.of("conclusion code", nested("conclusion", "code", "OK"), "GW-CONCLUSION", "conclusion.code"),
        Arguments.of("conclusion in the future", nested("conclusion", "date", "2999-01-01"), "GW-DATE-FUTURE", "conclusion.date"),
        Arguments.of("re-examination missing", nested("conclusion", "code", "FIT_WITH_REEXAMINATION"), "GW-REEXAM-DATE", "conclusion.reexaminationDate"),
        Arguments.of("unfit without reason", nested("conclusion", "code", "UNFIT"), "GW-FIELD-REQUIRED", "conclusion.reason"),
        // the strict portal refuses these (docs/api.md, "What the portal refuses"): caught at intake instead
        Arguments.of("province code of no province", nested("person", "address", Map.of("line", "x", "provinceCode", "99", "districtCode", "697", "communeCode", "25261")), "GW-FIELD-FORMAT", "person.address.provinceCode"),
        Arguments.of("id number of the other sex", nested("person", "idNumber", "070189868934"), "GW-CCCD-SEX", "person.idNumber"),
        Arguments.of("alcohol with an exponent", set("alcohol", Map.of("value", "1E3", "unit", "MG_PER_L_BREATH")), "GW-ALCOHOL", "alcohol.value"));
  }

  static Stream<Arguments> badCheckIns() {
    return Stream.of(
        Arguments.of("episode missing", set("episodeId", null), "GW-FIELD-REQUIRED", "episodeId"),
        Arguments.of("episode too long", set("episodeId", "x".repeat(101)), "GW-FIELD-TOO-LONG", "episodeId"),
        Arguments.of("patient id missing", set("patientId", null), "GW-FIELD-REQUIRED", "patientId"),
        Arguments.of("sex unknown", set("sex", "X"), "GW-SEX-INVALID", "sex"),
        Arguments.of("visit category", set("visitCategory", "ABCDE"), "GW-FIELD-TOO-LONG", "visitCategory"),
        Arguments.of("visit type", set("visitType", "10"), "GW-FIELD-FORMAT", "visitType"),
        Arguments.of("arrival missing", set("arrivedAt", null), "GW-FIELD-REQUIRED", "arrivedAt"),
        Arguments.of("arrival in the future", set("arrivedAt", "2999-01-01T08:00:00+07:00"), "GW-DATE-FUTURE", "arrivedAt"),
        Arguments.of("admitted without reason", set("admittedAt", "2026-01-01T09:00:00+07:00"), "GW-FIELD-REQUIRED", "admissionReason"),
        Arguments.of("no first service, drug or supply", set("firstService", null), "GW-FIELD-REQUIRED", "firstService.code"),
        Arguments.of("service without a name", set("firstService", Map.of("code", "02.1896")), "GW-FIELD-REQUIRED", "firstService.name"),
        Arguments.of("order before arrival", set("orderedAt", "2020-01-01T08:00:00+07:00"), "GW-FIELD-FORMAT", "orderedAt"),
        Arguments.of("cccd malformed", set("cccd", "07-0"), "GW-FIELD-FORMAT", "cccd"),
        Arguments.of("card validity not a date", set("cardValidTo", "31/12/2026"), "GW-FIELD-FORMAT", "cardValidTo"),
        // the strict portal refuses these (docs/api.md, "What the portal refuses"): caught at intake instead
        Arguments.of("cccd of another birth year", set("cccd", "070091000123"), "GW-CCCD-BIRTHYEAR", "cccd"),
        Arguments.of("birth month 13", set("birthDate", "1990-13"), "GW-FIELD-FORMAT", "birthDate"),
        Arguments.of("card number not a card code", set("cardNumber", "HN47070"), "GW-FIELD-FORMAT", "cardNumber"),
        Arguments.of("registered facility not a facility code", set("registeredFacility", "7001"), "GW-FIELD-FORMAT", "registeredFacility"),
        Arguments.of("card validity ending before it starts", set("cardValidFrom", "2026-06-01").andThen(set("cardValidTo", "2026-01-01")), "GW-FIELD-FORMAT", "cardValidTo"),
        Arguments.of("admitted before arrival", set("admittedAt", "2020-01-01T09:00:00+07:00").andThen(set("admissionReason", "Sốt cao")), "GW-FIELD-FORMAT", "admittedAt"),
        Arguments.of("cccd of an unknown province", set("cccd", "003090000123"), "GW-CCCD-PROVINCE", "cccd"),
        Arguments.of("cccd of the other sex", set("cccd", "070190000123"), "GW-CCCD-SEX", "cccd"),
        Arguments.of("birth year in the future", set("birthDate", "2999"), "GW-DATE-FUTURE", "birthDate"));
  }

  private void assertRefused(String path, Map<String, Object> body, String code, String field) throws Exception {
    long before = jdbc.queryForObject("select count(*) from outbox", Long.class);
    Reply reply = post(path, "application/json", JSON.writeValueAsString(body), "dev-70001");

    assertThat(reply.status()).as(reply.text()).isEqualTo(422);
    assertThat(reply.body().get("code").asText()).isEqualTo(code);
    assertThat(reply.body().get("field").asText()).isEqualTo(field);
    assertThat(jdbc.queryForObject("select count(*) from outbox", Long.class)).isEqualTo(before);
  }

  @ParameterizedTest(name = "certificate: {0} -> {2} {3}")
  @MethodSource("badCertificates")
  void invalidCertificateFieldIsRefusedAndNothingIsStored(String name, Consumer<Map<String, Object>> change, String code, String field) throws Exception {
    Map<String, Object> body = DocumentSamples.certificate("70001", 900);
    change.accept(body);
    assertRefused("/api/v1/driver-health-certificates", body, code, field);
  }

  @ParameterizedTest(name = "check-in: {0} -> {2} {3}")
  @MethodSource("badCheckIns")
  void invalidCheckInFieldIsRefusedAndNothingIsStored(String name, Consumer<Map<String, Object>> change, String code, String field) throws Exception {
    Map<String, Object> body = DocumentSamples.checkIn("70001", "BAD-1");
    change.accept(body);
    assertRefused("/api/v1/check-ins", body, code, field);
  }

  static Stream<Arguments> textASignedDocumentCannotCarry() {
    return Stream.of(
        Arguments.of("/api/v1/check-ins", "fullName", "\\ud800"),
        Arguments.of("/api/v1/check-ins", "patientId", "\\udc00"),
        Arguments.of("/api/v1/check-ins", "admissionReason", "\\u0000"),
        Arguments.of("/api/v1/check-ins", "firstService.name", "\\ud800"),
        Arguments.of("/api/v1/check-ins", "reserved", "\\u001b"),
        Arguments.of("/api/v1/check-ins", "visitCategory", "\\uffff"),
        Arguments.of("/api/v1/driver-health-certificates", "person.address.line", "\\ud800"),
        Arguments.of("/api/v1/driver-health-certificates", "person.idIssuedBy", "\\u0007"),
        Arguments.of("/api/v1/driver-health-certificates", "conclusion.doctor", "\\udfff"),
        Arguments.of("/api/v1/driver-health-certificates", "conclusion.condition", "\\ufffe"),
        Arguments.of("/api/v1/driver-health-certificates", "licenceClass", "\\u0085"));
  }

  @SuppressWarnings("unchecked")
  @ParameterizedTest(name = "{0} {1} with {2} -> 422 GW-TEXT-CHARACTERS")
  @MethodSource("textASignedDocumentCannotCarry")
  void textASignedDocumentCannotCarryIsRefusedNamingTheFieldAndNothingIsStored(String path, String field, String escape) throws Exception {
    Map<String, Object> sample = path.endsWith("check-ins") ? DocumentSamples.checkIn("70001", "BAD-TEXT-1") : DocumentSamples.certificate("70001", 901);
    // a deep, mutable copy, with the optional free-text fields filled too
    Map<String, Object> body = JSON.readValue(JSON.writeValueAsString(sample), Map.class);
    if (path.endsWith("check-ins")) {
      body.put("reserved", "dự phòng");
    } else {
      ((Map<String, Object>) body.get("conclusion")).put("condition", "Ổn định");
    }
    Map<String, Object> parent = body;
    String[] names = field.split("\\.");
    for (int i = 0; i < names.length - 1; i++) {
      parent = (Map<String, Object>) parent.get(names[i]);
    }
    parent.put(names[names.length - 1], parent.get(names[names.length - 1]) + BAD);
    long before = jdbc.queryForObject("select count(*) from outbox", Long.class);

    Reply reply = post(path, "application/json", JSON.writeValueAsString(body).replace(BAD, escape), "dev-70001");

    assertThat(reply.status()).as(reply.text()).isEqualTo(422);
    assertThat(reply.body().get("code").asText()).isEqualTo("GW-TEXT-CHARACTERS");
    assertThat(reply.body().get("field").asText()).isEqualTo(field);
    assertThat(jdbc.queryForObject("select count(*) from outbox", Long.class)).isEqualTo(before);
  }

  static Stream<Arguments> duplicateKeys() {
    return Stream.of(
        Arguments.of("/api/v1/driver-health-certificates", "\"address\":{", "\"address\":{\"line\":\"x\"},\"address\":{"),
        Arguments.of("/api/v1/driver-health-certificates", "\"unit\":", "\"unit\":\"MG_PER_L_BREATH\",\"unit\":"),
        Arguments.of("/api/v1/check-ins", "\"name\":", "\"name\":\"Khám\",\"name\":"),
        Arguments.of("/api/v1/check-ins", "\"episodeId\":", "\"episodeId\":\"OTHER\",\"episodeId\":"));
  }

  @ParameterizedTest(name = "{0}: {1} twice -> 400 GW-JSON-MALFORMED")
  @MethodSource("duplicateKeys")
  void aKeyTwiceInOneObjectIsMalformedJsonAndNothingIsStored(String path, String key, String twice) throws Exception {
    Map<String, Object> body = path.endsWith("check-ins") ? DocumentSamples.checkIn("70001", "DUP-KEY-1") : DocumentSamples.certificate("70001", 903);
    String json = JSON.writeValueAsString(body);
    assertThat(json).contains(key);
    long before = jdbc.queryForObject("select count(*) from outbox", Long.class);

    Reply reply = post(path, "application/json", json.replaceFirst(java.util.regex.Pattern.quote(key), java.util.regex.Matcher.quoteReplacement(twice)), "dev-70001");

    assertThat(reply.status()).as(reply.text()).isEqualTo(400);
    assertThat(reply.body().get("code").asText()).isEqualTo("GW-JSON-MALFORMED");
    assertThat(jdbc.queryForObject("select count(*) from outbox", Long.class)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} with a 201-character Idempotency-Key -> 400 GW-PARAMETER-INVALID")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"/api/v1/check-ins", "/api/v1/driver-health-certificates"})
  void anIdempotencyKeyLongerThanTwoHundredCharactersIsRefusedAndNothingIsStored(String path) throws Exception {
    Map<String, Object> body = path.endsWith("check-ins") ? DocumentSamples.checkIn("70001", "LONG-KEY-1") : DocumentSamples.certificate("70001", 902);
    long before = jdbc.queryForObject("select count(*) from outbox", Long.class);

    Reply reply = post(path, "application/json", JSON.writeValueAsString(body), "dev-70001", Map.of("Idempotency-Key", "k".repeat(201)));

    assertThat(reply.status()).as(reply.text()).isEqualTo(400);
    assertThat(reply.body().get("code").asText()).isEqualTo("GW-PARAMETER-INVALID");
    assertThat(reply.body().get("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(jdbc.queryForObject("select count(*) from outbox", Long.class)).isEqualTo(before);
  }

  @Test
  void anIdempotencyKeyOfTwoHundredCharactersMakesARetrySafe() throws Exception {
    String body = JSON.writeValueAsString(DocumentSamples.checkIn("70001", "LONG-KEY-2"));
    Map<String, String> key = Map.of("Idempotency-Key", "k".repeat(200));

    Reply first = post("/api/v1/check-ins", "application/json", body, "dev-70001", key);
    Reply again = post("/api/v1/check-ins", "application/json", body, "dev-70001", key);

    assertThat(first.status()).as(first.text()).isIn(200, 202);
    assertThat(again.status()).as(again.text()).isEqualTo(200);
    assertThat(again.body().get("id").asText()).isEqualTo(first.body().get("id").asText());
  }

  @ParameterizedTest(name = "pre-2025 class {0} is accepted as {1} and said so")
  @org.junit.jupiter.params.provider.CsvSource({"B2, B", "FC, CE", "A2, A"})
  void preTwentyTwentyFiveLicenceClassesAreMappedAndSaidSo(String old, String mapped) throws Exception {
    Map<String, Object> body = DocumentSamples.certificate("70001", 9000 + old.hashCode() % 10 + 10);
    body.put("licenceClass", old);
    Reply reply = post("/api/v1/driver-health-certificates", "application/json", JSON.writeValueAsString(body), "dev-70001");

    assertThat(reply.status()).as(reply.text()).isIn(200, 202);
    assertThat(reply.body().get("warnings")).extracting(JsonNode::asText).anySatisfy(w -> assertThat(w).contains(old).contains("sent as " + mapped));
  }
}
