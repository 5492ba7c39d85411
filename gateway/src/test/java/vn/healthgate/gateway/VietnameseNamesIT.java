package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.healthgate.routes.fhir.FhirIdentifiers;

/**
 * Names reach the portal as Vietnamese people write them, through the running gateway and the simulated portal: FHIR
 * family + given in Vietnamese order, text cleaned of invisible characters, odd spaces and the look-alike {@code Ð},
 * and a tone mark on the other vowel than the registry's found with one more question (ADR 0013).
 */
class VietnameseNamesIT extends GatewayIT {
  @Autowired JdbcTemplate jdbc;

  /** Simulator citizens answering 000, looked up by CCCD, with a full birth date. */
  private List<JsonNode> citizens() {
    JsonNode all = sim("GET", "/sim/citizens?expectedCode=000&limit=10000", null).body();
    return StreamSupport.stream(all.spliterator(), false)
        .filter(c -> c.get("lookupBy").asText().equals("CCCD") && c.get("birthDate").asText().length() == 10).toList();
  }

  private JsonNode citizenNamed(java.util.function.Predicate<String> name) {
    return citizens().stream().filter(c -> name.test(c.get("fullName").asText())).findFirst().orElseThrow();
  }

  /** {@code ĐẶNG QUANG HÙNG} as FHIR has it: family ĐẶNG, given QUANG and HÙNG, no text. */
  private static HumanName familyAndGiven(String fullName) {
    String[] words = fullName.split(" ");
    HumanName name = new HumanName().setFamily(words[0]);
    Arrays.stream(words, 1, words.length).forEach(name::addGiven);
    return name;
  }

  private Reply submit(JsonNode citizen, HumanName name) {
    return post("/fhir/CoverageEligibilityRequest/$submit", "application/fhir+json", FhirTestSupport.eligibilityRequest(citizen, name), apiKeyFor(citizen));
  }

  private static String portalCode(Reply reply) {
    CoverageEligibilityResponse response = FhirTestSupport.FHIR.newJsonParser().parseResource(CoverageEligibilityResponse.class, reply.text());
    return ((Coding) response.getExtensionByUrl(FhirIdentifiers.EXT_PORTAL_RESULT).getValue()).getCode();
  }

  @Test
  void aSubmitWithFamilyAndSeveralGivenNamesIsLookedUpInVietnameseOrder() {
    JsonNode citizen = citizenNamed(n -> n.split(" ").length == 3);

    Reply reply = submit(citizen, familyAndGiven(citizen.get("fullName").asText()));

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(portalCode(reply)).isEqualTo("000");
  }

  @Test
  void anEncounterWithFamilyAndSeveralGivenNamesIsDeliveredInVietnameseOrderWithTheCardItsLookupFound() {
    JsonNode citizen = citizenNamed(n -> n.split(" ").length == 3);
    String fullName = citizen.get("fullName").asText();
    assertThat(portalCode(submit(citizen, familyAndGiven(fullName)))).isEqualTo("000");
    String episode = "NAMES-" + UUID.randomUUID();
    Encounter encounter = FhirDocumentsIT.encounter(episode);
    encounter.getServiceProvider().getIdentifier().setValue(citizen.get("facilityCode").asText());
    Patient patient = (Patient) encounter.getContained().get(0);
    patient.getIdentifier().removeIf(i -> !i.getSystem().equals(FhirIdentifiers.FACILITY_PATIENT_ID));
    patient.addIdentifier().setSystem(FhirIdentifiers.CCCD).setValue(citizen.get("cccd").asText());
    patient.setName(List.of(familyAndGiven(fullName)));
    patient.setBirthDateElement(new DateType(citizen.get("birthDate").asText()));
    patient.setGender("FEMALE".equals(citizen.get("sex").asText()) ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);

    Reply reply = post("/fhir/Encounter", "application/fhir+json", FhirTestSupport.FHIR.newJsonParser().encodeResourceToString(encounter), apiKeyFor(citizen));

    assertThat(reply.status()).as(reply.text()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(30))
        .until(() -> jdbc.queryForObject("select status from outbox where business_key = ?", String.class, episode).equals("ACCEPTED"));
    assertThat(jdbc.queryForObject("select signed_document from outbox where business_key = ?", String.class, episode))
        .contains("<HO_TEN>" + fullName + "</HO_TEN>")
        .contains("<MA_THE_BHYT>" + citizen.get("cardNumber").asText() + "</MA_THE_BHYT>");
  }

  @Test
  void aNameWithAByteOrderMarkNonBreakingSpacesAndTheIcelandicEthIsTheRegisteredName() {
    JsonNode citizen = citizenNamed(n -> n.startsWith("Đ"));
    Map<String, Object> request = requestFor(citizen);
    request.put("fullName", "\uFEFF" + citizen.get("fullName").asText().replace('Đ', '\u00D0').replace(' ', '\u00A0') + "\u202F");

    Reply reply = postEligibility(request, apiKeyFor(citizen));

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.body().get("portalCode").asText()).isEqualTo("000");
  }

  @Test
  void aNameTypedWithItsToneMarkOnTheOtherVowelIsFoundWithOneMoreLookup() {
    JsonNode citizen = citizenNamed(n -> n.endsWith(" HOÀ"));
    String registered = citizen.get("fullName").asText();
    Map<String, Object> request = requestFor(citizen);
    postEligibility(request, apiKeyFor(citizen)); // a session token for the facility, so each lookup below is one request
    request.put("fullName", registered.substring(0, registered.length() - "HOÀ".length()) + "HÒA");
    long before = portalLookups();

    Reply reply = postEligibility(request, apiKeyFor(citizen));

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.body().get("portalCode").asText()).isEqualTo("000");
    assertThat(reply.body().at("/patient/fullName").asText()).isEqualTo(registered);
    assertThat(portalLookups() - before).isEqualTo(2);
  }
}
