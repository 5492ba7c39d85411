package vn.healthgate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.healthgate.simulator.data.Citizen;
import vn.healthgate.simulator.data.Facilities;
import vn.healthgate.simulator.data.Population;

/** The simulator over HTTP, as any client would use it. */
class PortalSimulatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static PortalSimulator simulator;

  @BeforeAll
  static void start() {
    simulator = PortalSimulator.start(SimulatorSettings.defaults().withPort(0));
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @BeforeEach
  void reset() {
    simulator.state().reset();
  }

  static JsonNode call(String method, String path, String contentType, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode node = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    return JSON.createObjectNode().put("status", response.statusCode()).set("body", node);
  }

  static String bvMd5(String facility) {
    return Md5.upperHex(Facilities.devBvPassword(facility));
  }

  static JsonNode token(String user) throws Exception {
    return token(user, bvMd5(user.substring(0, 5)));
  }

  static JsonNode token(String user, String md5) throws Exception {
    return call("POST", "/api/token/take", "application/x-www-form-urlencoded", "username=" + user + "&password=" + md5).get("body");
  }

  /** A lookup with a fresh token of {@code facility}'s {@code _BV} account and {@code passwordMd5} in the query string. */
  static JsonNode lookup(String facility, String passwordMd5, String body) throws Exception {
    JsonNode token = token(facility + "_BV");
    String query = "?token=" + URLEncoder.encode(token.at("/APIKey/access_token").asText(), StandardCharsets.UTF_8)
        + "&id_token=" + token.at("/APIKey/id_token").asText() + "&username=" + facility + "_BV"
        + (passwordMd5 == null ? "" : "&password=" + passwordMd5);
    return call("POST", "/api/egw/KQNhanLichSuKCB2024" + query, "application/json", body);
  }

  static String lookupBody(JsonNode citizen, String id) throws Exception {
    String birth = citizen.get("birthDate").asText();
    String portalBirth = birth.length() == 4 ? birth : birth.substring(8, 10) + "/" + birth.substring(5, 7) + "/" + birth.substring(0, 4);
    return JSON.writeValueAsString(java.util.Map.of("maThe", id, "hoTen", citizen.get("fullName").asText(), "ngaySinh", portalBirth,
        "hoTenCb", citizen.at("/officer/fullName").asText(), "cccdCb", citizen.at("/officer/cccd").asText()));
  }

  static JsonNode citizen(String code) throws Exception {
    return call("GET", "/sim/citizens?expectedCode=" + code + "&limit=1", null, null).at("/body/0");
  }

  @Test
  void issuesTokensInTheObservedFormatForFormAndJsonBodies() throws Exception {
    JsonNode form = token("70001_BV");
    assertThat(form.get("maKetQua").asText()).isEqualTo("200");
    String decoded = new String(java.util.Base64.getDecoder().decode(form.at("/APIKey/access_token").asText()), StandardCharsets.UTF_8);
    assertThat(decoded).matches("[A-Za-z0-9+/=]+:70001_BV:\\d+");
    assertThat(Instant.parse(form.at("/APIKey/expires_in").asText())).isAfter(Instant.now());

    String lowerMd5 = bvMd5("70001").toLowerCase(Locale.ROOT);
    JsonNode json = call("POST", "/api/token/take", "application/json", "{\"Username\":\"70001_BV\",\"Password\":\"" + lowerMd5 + "\"}").get("body");
    assertThat(json.get("maKetQua").asText()).isEqualTo("200");
  }

  @Test
  void refusesAWrongPassword() throws Exception {
    JsonNode reply = call("POST", "/api/token/take", "application/x-www-form-urlencoded", "username=70001_BV&password=00").get("body");
    assertThat(reply.get("maKetQua").asText()).isEqualTo("401");
  }

  static java.util.stream.Stream<String> codes() {
    return Population.ALL_CODES.stream();
  }

  @ParameterizedTest(name = "citizen listed for {0} gets {0}")
  @MethodSource("codes")
  void eachListedCitizenGetsItsExpectedCode(String code) throws Exception {
    JsonNode citizen = citizen(code);
    String facility = citizen.get("facilityCode").asText();
    String id = citizen.get("lookupBy").asText().equals("CARD_NUMBER") ? citizen.get("cardNumber").asText() : citizen.get("cccd").asText();

    JsonNode reply = lookup(facility, bvMd5(facility), lookupBody(citizen, id)).get("body");

    assertThat(reply.get("maKetQua").asText()).isEqualTo(code);
  }

  @Test
  void refusesALookupWhosePasswordIsWrongOrMissingThoughItsTokenIsValid() throws Exception {
    JsonNode citizen = citizen("000");
    String facility = citizen.get("facilityCode").asText();
    String body = lookupBody(citizen, citizen.get("cccd").asText());

    for (String password : new String[] {Md5.upperHex("wrong"), Md5.upperHex(Facilities.devHsskPassword(facility)), null}) {
      JsonNode reply = lookup(facility, password, body);
      assertThat(reply.get("status").asInt()).as(password).isEqualTo(401);
      assertThat(reply.at("/body/maKetQua").asText()).isEqualTo("401");
      assertThat(reply.at("/body/ghiChu").asText()).contains("mật khẩu");
    }
  }

  @Test
  void refusesATokenToTheCertificateAccountAndToTheOtherAccountsPassword() throws Exception {
    assertThat(token("70001_HSSK", Md5.upperHex(Facilities.devHsskPassword("70001"))).get("maKetQua").asText()).isEqualTo("401");
    assertThat(token("70001_BV", Md5.upperHex(Facilities.devHsskPassword("70001"))).get("maKetQua").asText()).isEqualTo("401");
    assertThat(token("70001", bvMd5("70001")).get("maKetQua").asText()).isEqualTo("401");
  }

  @ParameterizedTest(name = "{0} cards: province code {1}, answer {0}")
  @CsvSource({"001, 97, QN, Bộ Quốc phòng", "002, 98, CA, Bộ Công an"})
  void defenceAndPublicSecurityCardsCarryTheirMinistrysProvinceCodeAndAreAnsweredForIt(String code, String province, String group, String office)
      throws Exception {
    JsonNode citizen = citizen(code);
    String card = citizen.get("cardNumber").asText();
    String facility = citizen.get("facilityCode").asText();

    assertThat(card).startsWith(group).satisfies(c -> assertThat(c.substring(3, 5)).isEqualTo(province));
    assertThat(lookup(facility, bvMd5(facility), lookupBody(citizen, card)).at("/body/maKetQua").asText()).isEqualTo(code);
    assertThat(lookup(facility, bvMd5(facility), lookupBody(citizen, citizen.get("cccd").asText())).at("/body/cqBHXH").asText()).endsWith(office);
    String asIfProvincial = card.substring(0, 3) + "70" + card.substring(5);
    assertThat(lookup(facility, bvMd5(facility), lookupBody(citizen, asIfProvincial)).at("/body/maKetQua").asText())
        .as("the same person's number under the province's code is not their card").isEqualTo("051");
  }

  @Test
  void aNameWithItsToneMarkOnTheOtherVowelIsAnotherNameAsAtThePortal() throws Exception {
    Citizen citizen = simulator.state().population().withExpectedCode("000", 10_000).stream()
        .filter(c -> c.presented().lookupBy() == Citizen.LookupBy.CCCD && !c.registry().birthYearOnly())
        .filter(c -> c.registry().fullName().endsWith(" HOÀ")).findFirst().orElseThrow();
    String registered = citizen.registry().fullName();

    assertThat(lookUp(citizen, registered).get("maKetQua").asText()).isEqualTo("000");
    assertThat(lookUp(citizen, registered.substring(0, registered.length() - 3) + "HÒA").get("maKetQua").asText()).isEqualTo("061");
  }

  private static JsonNode lookUp(Citizen citizen, String name) throws Exception {
    String facility = citizen.presented().facilityCode();
    JsonNode token = token(facility + "_BV");
    String query = "?token=" + URLEncoder.encode(token.at("/APIKey/access_token").asText(), StandardCharsets.UTF_8)
        + "&id_token=" + token.at("/APIKey/id_token").asText() + "&username=" + facility + "_BV&password=" + bvMd5(facility);
    String body = JSON.writeValueAsString(java.util.Map.of("maThe", citizen.registry().cccd(), "hoTen", name,
        "ngaySinh", citizen.registry().birthDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
        "hoTenCb", citizen.presented().officer().fullName(), "cccdCb", citizen.presented().officer().cccd()));
    return call("POST", "/api/egw/KQNhanLichSuKCB2024" + query, "application/json", body).get("body");
  }

  @Test
  void refusesALookupWithoutAValidToken() throws Exception {
    JsonNode reply = call("POST", "/api/egw/KQNhanLichSuKCB2024?token=nope&id_token=x&username=70001_BV", "application/json", "{}");
    assertThat(reply.get("status").asInt()).isEqualTo(401);
  }

  @Test
  void injectedFaultsApplyForTheirCountThenStop() throws Exception {
    call("POST", "/sim/faults", "application/json", "{\"endpoint\":\"token\",\"kind\":\"status\",\"value\":502,\"count\":2}");
    assertThat(call("POST", "/api/token/take", "application/x-www-form-urlencoded", "username=70001_BV&password=x").get("status").asInt()).isEqualTo(502);
    assertThat(call("POST", "/api/token/take", "application/x-www-form-urlencoded", "username=70001_BV&password=x").get("status").asInt()).isEqualTo(502);
    assertThat(call("POST", "/api/token/take", "application/x-www-form-urlencoded", "username=70001_BV&password=x").get("status").asInt()).isEqualTo(200);
  }

  @Test
  void refuseTokenFaultRefusesValidCredentials() throws Exception {
    call("POST", "/sim/faults", "application/json", "{\"endpoint\":\"token\",\"kind\":\"refuse-token\",\"count\":1}");
    assertThat(token("70001_BV").get("maKetQua").asText()).isEqualTo("401");
    assertThat(token("70001_BV").get("maKetQua").asText()).isEqualTo("200");
  }

  @Test
  void historyListsPastVisits() throws Exception {
    var citizen = simulator.state().population().all().stream()
        .filter(c -> c.expectedCode().equals("000") && !c.visits().isEmpty() && !c.registry().birthYearOnly()).findFirst().orElseThrow();
    JsonNode token = token("70001_BV");
    var officer = simulator.state().facilities().byCode("70001").orElseThrow().officers().get(0);
    String query = "?token=" + URLEncoder.encode(token.at("/APIKey/access_token").asText(), StandardCharsets.UTF_8)
        + "&id_token=" + token.at("/APIKey/id_token").asText() + "&username=70001_BV&password=" + bvMd5("70001");
    String form = "maThe=" + citizen.registry().cccd() + "&hoTen=" + URLEncoder.encode(citizen.registry().fullName(), StandardCharsets.UTF_8)
        + "&ngaySinh=" + URLEncoder.encode(citizen.registry().birthDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")), StandardCharsets.UTF_8)
        + "&hoTenCb=" + URLEncoder.encode(officer.fullName(), StandardCharsets.UTF_8) + "&cccdCb=" + officer.cccd();

    JsonNode reply = call("POST", "/api/egw/Lskcb2025" + query, "application/x-www-form-urlencoded", form).get("body");

    assertThat(reply.get("maKetQua").asText()).isEqualTo("000");
    assertThat(reply.get("dsLichSuKCB2025")).hasSize(citizen.visits().size());
  }

  @Test
  void listsTheFacilitiesWithAccountsAndOfficers() throws Exception {
    JsonNode facilities = call("GET", "/sim/facilities", null, null).get("body");
    assertThat(facilities).hasSize(129);
    assertThat(facilities.get(0).get("lookupAccount").asText()).isEqualTo("70001_BV");
    assertThat(facilities.get(0).get("officers")).hasSize(2);
  }
}
