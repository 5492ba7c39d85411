package vn.healthgate.routes.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.healthgate.routes.delivery.DocumentSigner;
import vn.healthgate.routes.delivery.PortalDocument;
import vn.healthgate.routes.delivery.PortalSender;
import vn.healthgate.simulator.PortalSimulator;
import vn.healthgate.simulator.data.Citizen;
import vn.healthgate.simulator.data.Facilities;

/**
 * The portal's accounts, through the gateway's own client: every call that carries a password hash is refused with the
 * wrong one even when its session token is valid, each account serves only its own API, and the two accounts of a
 * facility have separate passwords. Also what the portal answers that the gateway keeps: {@code IDBENHVIEN} on a
 * certificate, and the Defence / Public Security cards (province codes 97 / 98).
 */
class PortalCredentialsIT {
  private static final PortalAccount BV_WITH_ANOTHER_PASSWORD = new PortalAccount("70001_BV", PasswordHash.md5UpperHex("not-the-password"));
  private static final PortalAccount HSSK_WITH_THE_BV_PASSWORD =
      new PortalAccount("70001_HSSK", PasswordHash.md5UpperHex(Facilities.devBvPassword("70001")));

  private final PortalSimulator simulator = StrictPortalFixture.simulator();
  private final PortalClient client = StrictPortalFixture.client();
  private final DocumentSigner signer = StrictPortalFixture.signer();

  @BeforeEach
  void reset() {
    simulator.state().reset();
  }

  private Citizen citizen(String code) {
    return simulator.state().population().all().stream()
        .filter(c -> c.expectedCode().equals(code) && c.presented().facilityCode().equals("70001") && !c.registry().birthYearOnly())
        .findFirst().orElseThrow();
  }

  private static CardLookupRequest lookupOf(Citizen citizen, String id) {
    String birth = citizen.presented().birthDate();
    String portalBirth = birth.substring(8, 10) + "/" + birth.substring(5, 7) + "/" + birth.substring(0, 4);
    return new CardLookupRequest(id, citizen.presented().fullName(), portalBirth, citizen.presented().officer().fullName(),
        citizen.presented().officer().cccd());
  }

  static Stream<Arguments> lookupCalls() {
    return Stream.of(
        Arguments.of("KQNhanLichSuKCB2024", "card-lookup", (BiFunction<PortalClient, Object[], CardLookupReply>) (c, a) ->
            c.lookupCard((PortalAccount) a[0], (CardLookupRequest) a[1])),
        Arguments.of("Lskcb2025", "history", (BiFunction<PortalClient, Object[], CardLookupReply>) (c, a) ->
            c.history((PortalAccount) a[0], (CardLookupRequest) a[1])));
  }

  @ParameterizedTest(name = "{0}: a valid token with another password in the query is refused")
  @MethodSource("lookupCalls")
  void aLookupWithAValidTokenButAnotherPasswordIsRefused(String path, String endpoint, BiFunction<PortalClient, Object[], CardLookupReply> call) {
    CardLookupRequest request = lookupOf(citizen("000"), citizen("000").registry().cccd());
    assertThat(call.apply(client, new Object[] {StrictPortalFixture.BV, request}).maKetQua()).isEqualTo("000");

    // the token cached for 70001_BV is still valid: only the password in the query string differs
    assertThatThrownBy(() -> call.apply(client, new Object[] {BV_WITH_ANOTHER_PASSWORD, request})).isInstanceOf(PortalLoginRefusedException.class);
    assertThat(simulator.state().requestCount(endpoint)).as("refused, then the renewal of the token was refused too").isEqualTo(2);
    assertThat(simulator.state().tokens().issuedCount()).isEqualTo(1);
  }

  @Test
  void aCheckInWithAValidTokenButAnotherPasswordHashIsRefused() {
    PortalSender right = StrictPortalFixture.sender(client, StrictPortalFixture.BV, StrictPortalFixture.HSSK);
    PortalSender wrong = StrictPortalFixture.sender(client, BV_WITH_ANOTHER_PASSWORD, StrictPortalFixture.HSSK);
    PortalDocument first = StrictPortalFixture.validate(StrictPortalFixture.checkIn());
    PortalDocument second = StrictPortalFixture.validate(StrictPortalFixture.checkIn());
    right.send(first, signer.sign(first));

    assertThatThrownBy(() -> wrong.send(second, signer.sign(second))).isInstanceOf(PortalTransientException.class);
    assertThat(simulator.state().received().list("check-in")).extracting(e -> e.get("id")).containsExactly(first.businessKey());
    assertThat(simulator.state().requestCount("check-in")).isEqualTo(2);
  }

  @Test
  void aCertificateSentWithTheBvPasswordOrTheBvAccountIsRefused() {
    PortalDocument document = StrictPortalFixture.validateCertificate(StrictPortalFixture.certificate());
    String signed = signer.sign(document);

    for (PortalAccount account : new PortalAccount[] {HSSK_WITH_THE_BV_PASSWORD, StrictPortalFixture.BV}) {
      PortalSender sender = StrictPortalFixture.sender(client, StrictPortalFixture.BV, account);
      assertThatThrownBy(() -> sender.send(document, signed)).as(account.username())
          .isInstanceOfSatisfying(PortalTransientException.class, e -> assertThat(e.getMessage()).contains("(401)"));
    }
    assertThat(simulator.state().received().list("certificate")).isEmpty();
  }

  @Test
  void noSessionTokenForTheCertificateAccount() {
    assertThatThrownBy(() -> client.takeToken(StrictPortalFixture.HSSK)).isInstanceOf(PortalLoginRefusedException.class);
    assertThatThrownBy(() -> client.takeToken(new PortalAccount("70001_BV", StrictPortalFixture.HSSK.passwordMd5())))
        .isInstanceOf(PortalLoginRefusedException.class);
    assertThat(client.takeToken(StrictPortalFixture.BV).accessToken()).isNotBlank();
  }

  @Test
  void aCertificateAnswerNamesTheFacilityItWasFiledUnder() {
    PortalDocument document = StrictPortalFixture.validateCertificate(StrictPortalFixture.certificate());
    Map<String, String> body = new LinkedHashMap<>(document.fields());
    body.put("SIGNDATA", java.util.Base64.getEncoder().encodeToString(signer.sign(document).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    PortalClient.CertificateReply accepted = client.sendCertificate(StrictPortalFixture.HSSK, body);
    PortalClient.CertificateReply duplicate = client.sendCertificate(StrictPortalFixture.HSSK, body);

    assertThat(accepted.msgState()).isEqualTo("1");
    assertThat(accepted.idBenhVien()).isEqualTo("70001");
    assertThat(duplicate.msgState()).isEqualTo("0");
    assertThat(duplicate.idBenhVien()).isEqualTo("70001");
  }

  static Stream<Arguments> ministries() {
    return Stream.of(Arguments.of("001", "97"), Arguments.of("002", "98"));
  }

  @ParameterizedTest(name = "{0}: a card of province code {1} is looked up, and checked in with")
  @MethodSource("ministries")
  void defenceAndPublicSecurityCardsAreAnsweredForTheirMinistryAndCheckedInWith(String code, String province) {
    Citizen citizen = citizen(code);
    String card = citizen.card().number();

    assertThat(card.substring(3, 5)).isEqualTo(province);
    assertThat(client.lookupCard(StrictPortalFixture.BV, lookupOf(citizen, card)).maKetQua()).isEqualTo(code);
    assertThat(client.lookupCard(StrictPortalFixture.BV, lookupOf(citizen, citizen.registry().cccd())).maThe()).isEqualTo(card);

    Map<String, Object> checkIn = StrictPortalFixture.checkIn();
    checkIn.put("cccd", null);
    checkIn.put("cardNumber", card);
    PortalDocument document = StrictPortalFixture.validate(checkIn);
    PortalSender sender = StrictPortalFixture.sender(client, StrictPortalFixture.BV, StrictPortalFixture.HSSK);
    assertThat(sender.send(document, signer.sign(document)).id()).isNotBlank();
  }
}
