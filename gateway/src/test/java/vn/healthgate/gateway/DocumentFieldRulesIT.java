package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.healthgate.routes.fhir.FhirIdentifiers;

/** What the gateway writes into a document itself, seen in the signed XML the portal accepted: STT, NGAY_SINH, HANGBANGLAI. */
class DocumentFieldRulesIT extends GatewayIT {
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  @Autowired JdbcTemplate jdbc;

  private String acceptedSignedDocument(String businessKey) {
    await().atMost(Duration.ofSeconds(30))
        .until(() -> "ACCEPTED".equals(jdbc.queryForObject("select status from outbox where business_key = ?", String.class, businessKey)));
    return jdbc.queryForObject("select signed_document from outbox where business_key = ?", String.class, businessKey);
  }

  @Test
  void theRecordsPositionInTheFileIsOneWhateverSequenceTheClientSends() throws Exception {
    String episode = "STT-" + UUID.randomUUID();
    Map<String, Object> body = DocumentSamples.checkIn("70001", episode);
    body.put("sequence", 7);

    Reply reply = post("/api/v1/check-ins", "application/json", JSON.writeValueAsString(body), "dev-70001");

    assertThat(reply.status()).as(reply.text()).isEqualTo(202);
    assertThat(acceptedSignedDocument(episode)).contains("<STT>1</STT>");
  }

  @Test
  void aNewbornsTimeOfBirthIsSentInNgaySinh() throws Exception {
    String episode = "NEWBORN-" + UUID.randomUUID();
    LocalDateTime born = LocalDateTime.now(VIETNAM).minusDays(2).withHour(23).withMinute(10).withSecond(0).withNano(0);
    Map<String, Object> body = DocumentSamples.checkIn("70001", episode);
    body.remove("cccd");
    body.put("birthDate", born.toLocalDate() + "T23:10");

    Reply reply = post("/api/v1/check-ins", "application/json", JSON.writeValueAsString(body), "dev-70001");

    assertThat(reply.status()).as(reply.text()).isEqualTo(202);
    assertThat(acceptedSignedDocument(episode)).contains("<NGAY_SINH>" + born.format(DateTimeFormatter.ofPattern("yyyyMMddHHmm")) + "</NGAY_SINH>");
  }

  @Test
  void aClassOfThe2008LawIsSentAsThe2024LawExchangesItAndTheAnswerSaysSo() throws Exception {
    Map<String, Object> body = DocumentSamples.certificate("70001", 31000 + (int) (System.nanoTime() % 999));
    body.put("licenceClass", "A1");
    body.put("licenceClassSystem", "LAW_2008");
    String number = (String) body.get("number");
    jdbc.update("delete from outbox where business_key = ?", number);

    Reply reply = post("/api/v1/driver-health-certificates", "application/json", JSON.writeValueAsString(body), "dev-70001");

    assertThat(reply.status()).as(reply.text()).isEqualTo(202);
    assertThat(reply.body().get("warnings").toString()).contains("A1 (2008 law) sent as A").contains("175 cm3");
    assertThat(acceptedSignedDocument(number)).contains("<HANGBANGLAI>A</HANGBANGLAI>");
  }

  @Test
  void aFhirLicenceClassCodedInThe2008SystemIsExchangedToo() {
    String number = String.format("%05d/GKSKLX/70001/%02d", 32000 + (int) (System.nanoTime() % 999), LocalDate.now().getYear() % 100);
    jdbc.update("delete from outbox where business_key = ?", number);
    Bundle bundle = FhirDocumentsIT.certificateBundle(number, Bundle.BundleType.DOCUMENT);
    bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Observation.class::isInstance).map(Observation.class::cast)
        .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("licence-class")).findFirst().orElseThrow()
        .setValue(new CodeableConcept(new Coding(FhirIdentifiers.LICENCE_CLASS_2008, "D", null)));

    Reply reply = post("/fhir/Bundle", "application/fhir+json", FhirTestSupport.FHIR.newJsonParser().encodeResourceToString(bundle), "dev-70001");

    assertThat(reply.status()).as(reply.text()).isEqualTo(201);
    assertThat(acceptedSignedDocument(number)).contains("<HANGBANGLAI>D2</HANGBANGLAI>");
  }
}
