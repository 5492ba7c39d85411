package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.NamingSystem;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.eligibility.PortalResultCode;
import vn.healthgate.routes.fhir.FhirIdentifiers;
import vn.healthgate.simulator.data.Population;

/**
 * The FHIR face as a HIS uses it, over real HTTP against the running gateway and the real simulator: create, read,
 * search and follow the delivery ({@code Task}) of an Encounter and a document Bundle, {@code $submit} for every portal
 * code, and every resource the server returns validated with HAPI's validator, resolving the project's CodeSystems and
 * ValueSets from the server itself.
 */
class FhirClientIT extends GatewayIT {
  private static final String FACILITY_KEY = "dev-70001";
  private static FhirValidator validator;

  /** What a FHIR client library does for a HIS: one interaction, one HTTP exchange, the body parsed with HAPI. */
  private record Answer(int status, Map<String, String> headers, IBaseResource resource, String text) {
    OperationOutcome outcome() {
      return (OperationOutcome) resource;
    }

    String code() {
      return outcome().getIssueFirstRep().getDetails().getCodingFirstRep().getCode();
    }
  }

  private Answer exchange(String method, String path, Resource body, String apiKey, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir/" + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(FhirTestSupport.FHIR.newJsonParser().encodeResourceToString(body), StandardCharsets.UTF_8))
        .header("Accept", "application/fhir+json");
    if (body != null) {
      request.header("Content-Type", "application/fhir+json");
    }
    if (apiKey != null) {
      request.header("X-Api-Key", apiKey);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Map<String, String> received = new LinkedHashMap<>();
      response.headers().map().forEach((k, v) -> received.put(k.toLowerCase(), v.get(0)));
      String text = response.body();
      IBaseResource resource = text == null || text.isBlank() ? null : FhirTestSupport.FHIR.newJsonParser().parseResource(text);
      return new Answer(response.statusCode(), received, resource, text);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Answer read(String path) {
    return exchange("GET", path, null, FACILITY_KEY, Map.of());
  }

  private Answer create(String type, Resource resource, Map<String, String> headers) {
    return exchange("POST", type, resource, FACILITY_KEY, headers);
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** HAPI's validator with the project's CodeSystems and ValueSets as the server serves them. */
  private synchronized FhirValidator validator() {
    if (validator == null) {
      PrePopulatedValidationSupport served = new PrePopulatedValidationSupport(FhirTestSupport.FHIR);
      for (Bundle.BundleEntryComponent entry : ((Bundle) read("CodeSystem?_count=500").resource()).getEntry()) {
        served.addCodeSystem(entry.getResource());
      }
      for (Bundle.BundleEntryComponent entry : ((Bundle) read("ValueSet").resource()).getEntry()) {
        served.addValueSet(entry.getResource());
      }
      ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FhirTestSupport.FHIR), served,
          new InMemoryTerminologyServerValidationSupport(FhirTestSupport.FHIR), new CommonCodeSystemsTerminologyService(FhirTestSupport.FHIR),
          new SnapshotGeneratingValidationSupport(FhirTestSupport.FHIR));
      validator = FhirTestSupport.FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }
    return validator;
  }

  /** Errors, and warnings that one of the project's systems is unknown: both must be none. */
  private List<String> problems(IBaseResource resource) {
    List<String> problems = new ArrayList<>();
    for (SingleValidationMessage m : validator().validateWithResult(resource).getMessages()) {
      boolean error = m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL;
      boolean unknownOwnSystem = m.getMessage().contains(FhirIdentifiers.BASE)
          && m.getMessage().matches("(?is).*(could not be found|unknown code ?system|is not known|not found).*");
      if (error || unknownOwnSystem) {
        problems.add(m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage());
      }
    }
    return problems;
  }

  private void assertValid(IBaseResource resource) {
    assertThat(problems(resource)).as(FhirTestSupport.FHIR.newJsonParser().encodeResourceToString(resource)).isEmpty();
  }

  private static String number() {
    return String.format("%05d/GKSKLX/70001/%02d", TestIds.serial(), LocalDate.now().getYear() % 100);
  }

  @Test
  void anEncounterIsCreatedReadSearchedAndFollowedToTheRortalsReceipt() {
    String episode = TestIds.episode("FHIR-CL");
    Answer created = create("Encounter", FhirDocumentsIT.encounter(episode), Map.of("Prefer", "return=representation"));

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    Encounter representation = (Encounter) created.resource();
    String id = representation.getIdElement().getIdPart();
    assertThat(created.headers().get("location")).contains("/fhir/Encounter/" + id);
    assertThat(representation.getIdentifierFirstRep().getValue()).isEqualTo(episode);
    assertValid(representation);

    Answer read = read("Encounter/" + id);
    assertThat(read.status()).isEqualTo(200);
    Encounter encounter = (Encounter) read.resource();
    assertThat(encounter.getIdentifierFirstRep().getSystem()).isEqualTo(FhirIdentifiers.EPISODE_ID);
    assertThat(encounter.getPeriod().getStartElement().getValueAsString()).endsWith("+07:00");
    assertThat(encounter.getMeta().getLastUpdatedElement().getValueAsString()).endsWith("+07:00");
    assertValid(encounter);

    Bundle byIdentifier = (Bundle) read("Encounter?identifier=" + q(FhirIdentifiers.EPISODE_ID + "|" + episode)).resource();
    assertThat(byIdentifier.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(id);
    assertValid(byIdentifier);
    String yesterday = LocalDate.now().minusDays(1).toString();
    Bundle byDate = (Bundle) read("Encounter?date=" + yesterday + "&identifier=" + q(episode)).resource();
    assertThat(byDate.getEntry()).hasSize(1);
    Bundle otherDay = (Bundle) read("Encounter?date=" + LocalDate.now().minusDays(3) + "&identifier=" + q(episode)).resource();
    assertThat(otherDay.getEntry()).isEmpty();
    assertThat(((Bundle) read("Encounter?_id=" + id).resource()).getEntry()).hasSize(1);

    await().atMost(Duration.ofSeconds(30)).until(() -> ((Task) read("Task/" + id).resource()).getStatus() == Task.TaskStatus.COMPLETED);
    Task task = (Task) read("Task/" + id).resource();
    assertThat(task.getFocus().getReference()).isEqualTo("Encounter/" + id);
    assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("ACCEPTED");
    assertThat(task.getOutputFirstRep().getValue()).isInstanceOfSatisfying(org.hl7.fhir.r4.model.Identifier.class,
        receipt -> assertThat(receipt.getValue()).isNotBlank());
    assertValid(task);
    Bundle byFocus = (Bundle) read("Task?focus=Encounter/" + id).resource();
    assertThat(byFocus.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(id);
    Bundle byTaskIdentifier = (Bundle) read("Task?identifier=" + q(FhirIdentifiers.EPISODE_ID + "|" + episode)).resource();
    assertThat(byTaskIdentifier.getEntry()).hasSize(1);
    assertValid(byTaskIdentifier);
  }

  @Test
  void aDocumentBundleIsCreatedReadSearchedAndFollowedToThePortalsReceipt() {
    String number = number();
    Answer created = create("Bundle", FhirDocumentsIT.certificateBundle(number, Bundle.BundleType.DOCUMENT), Map.of());

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.resource()).as("no Prefer: an OperationOutcome pointing at the Task").isInstanceOf(OperationOutcome.class);
    String id = created.headers().get("location").replaceAll(".*/Bundle/([^/]+).*", "$1");
    assertThat(created.outcome().getIssueFirstRep().getLocation()).extracting(l -> l.getValue()).containsExactly("Task/" + id);

    Bundle document = (Bundle) read("Bundle/" + id).resource();
    assertThat(document.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
    assertThat(document.getIdentifier().getValue()).isEqualTo(number);
    assertThat(document.getTimestampElement().getValueAsString()).endsWith("+07:00");
    assertValid(document);

    Bundle byIdentifier = (Bundle) read("Bundle?identifier=" + q(FhirIdentifiers.CERTIFICATE_NUMBER + "|" + number)).resource();
    assertThat(byIdentifier.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(id);
    Bundle byTimestamp = (Bundle) read("Bundle?timestamp=ge" + LocalDate.now().minusDays(1) + "&identifier=" + q(number)).resource();
    assertThat(byTimestamp.getEntry()).hasSize(1);

    await().atMost(Duration.ofSeconds(30)).until(() -> ((Task) read("Task/" + id).resource()).getStatus() == Task.TaskStatus.COMPLETED);
    Bundle tasks = (Bundle) read("Task?identifier=" + q(FhirIdentifiers.CERTIFICATE_NUMBER + "|" + number)).resource();
    Task task = (Task) tasks.getEntryFirstRep().getResource();
    assertThat(task.getFocus().getReference()).isEqualTo("Bundle/" + id);
    assertValid(task);
  }

  @Test
  void preferIsHonouredOnEveryCreate() {
    Answer minimal = create("Encounter", FhirDocumentsIT.encounter(TestIds.episode("FHIR-PM")), Map.of("Prefer", "return=minimal"));
    assertThat(minimal.status()).isEqualTo(201);
    assertThat(minimal.text()).isEmpty();
    assertThat(minimal.headers().get("location")).contains("/Encounter/");

    Answer outcome = create("Bundle", FhirDocumentsIT.certificateBundle(number(), Bundle.BundleType.DOCUMENT),
        Map.of("Prefer", "return=OperationOutcome"));
    assertThat(outcome.status()).isEqualTo(201);
    assertThat(outcome.resource()).isInstanceOf(OperationOutcome.class);

    Answer representation = create("Bundle", FhirDocumentsIT.certificateBundle(number(), Bundle.BundleType.DOCUMENT),
        Map.of("Prefer", "return=representation"));
    assertThat(representation.status()).isEqualTo(201);
    assertThat(representation.resource()).isInstanceOf(Bundle.class);
  }

  @Test
  void ifNoneExistAnswersTheDocumentAlreadySentInsteadOfStoringAnother() {
    String episode = TestIds.episode("FHIR-NE");
    Answer first = create("Encounter", FhirDocumentsIT.encounter(episode), Map.of());
    Encounter changed = FhirDocumentsIT.encounter(episode);
    changed.getContained().get(0).getNamedProperty("name");
    ((org.hl7.fhir.r4.model.Patient) changed.getContained().get(0)).getNameFirstRep().setText("NGUYỄN VĂN BÌNH");

    Answer second = create("Encounter", changed, Map.of("If-None-Exist", "identifier=" + FhirIdentifiers.EPISODE_ID + "|" + episode));

    assertThat(second.status()).as("the existing one, not a 409 conflict").isEqualTo(200);
    assertThat(second.headers().get("location")).isEqualTo(first.headers().get("location"));
  }

  @Test
  void anotherFacilitysDocumentIsNotFoundSoIdsDoNotLeak() {
    Answer created = create("Encounter", FhirDocumentsIT.encounter(TestIds.episode("FHIR-OF")), Map.of());
    String id = created.headers().get("location").replaceAll(".*/Encounter/([^/]+).*", "$1");

    Answer foreign = exchange("GET", "Encounter/" + id, null, "dev-70002", Map.of());
    Answer foreignTask = exchange("GET", "Task/" + id, null, "dev-70002", Map.of());

    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.code()).isEqualTo("GW-NOT-FOUND");
    assertThat(foreignTask.status()).isEqualTo(404);
    assertThat(((Bundle) exchange("GET", "Task?_id=" + id, null, "dev-70002", Map.of()).resource()).getEntry()).isEmpty();
  }

  @Test
  void anUnknownSearchParameterIsRefusedNamingIt() {
    Answer answer = read("Encounter?colour=blue");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.code()).isEqualTo("GW-PARAMETER-INVALID");
    assertThat(answer.outcome().getIssueFirstRep().getExpression()).extracting(e -> e.getValue()).containsExactly("colour");
  }

  @Test
  void everyErrorOnFhirIsAnOperationOutcome() {
    Answer anonymous = exchange("GET", "Encounter/x", null, null, Map.of());
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.code()).isEqualTo("GW-AUTH-MISSING");
    Answer admin = exchange("GET", "Encounter/x", null, "dev-admin", Map.of());
    assertThat(admin.status()).isEqualTo(403);
    assertThat(admin.code()).isEqualTo("GW-FACILITY-ONLY");
    Answer unknown = read("Encounter/00000000-0000-0000-0000-000000000000");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("GW-NOT-FOUND");
    Answer delete = exchange("DELETE", "Encounter/x", null, FACILITY_KEY, Map.of());
    assertThat(delete.status()).isEqualTo(405);
    assertThat(delete.code()).isEqualTo("GW-METHOD-NOT-ALLOWED");
    Answer put = exchange("PUT", "Encounter/x", FhirDocumentsIT.encounter("X"), FACILITY_KEY, Map.of());
    assertThat(put.status()).isEqualTo(405);
    assertThat(put.code()).isEqualTo("GW-METHOD-NOT-ALLOWED");
  }

  @Test
  void aWrongCodeOfAProjectSystemIsRefusedWithItsPath() {
    Encounter encounter = FhirDocumentsIT.encounter(TestIds.episode("FHIR-WC"));
    encounter.addExtension(FhirIdentifiers.EXT_FIRST_DRUG, new org.hl7.fhir.r4.model.Coding(FhirIdentifiers.LICENCE_CLASS_2024, "Z9", null));

    Answer answer = create("Encounter", encounter, Map.of());

    assertThat(answer.status()).as(answer.text()).isEqualTo(422);
    assertThat(answer.code()).isEqualTo("GW-FIELD-FORMAT");
    assertThat(answer.outcome().getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Encounter.extension[2].value.code");
  }

  @Test
  void theProjectsTerminologyIsServedAndListed() {
    CapabilityStatement statement = (CapabilityStatement) read("metadata").resource();
    assertThat(statement.getRestFirstRep().getResource()).extracting(r -> r.getType())
        .contains("CodeSystem", "ValueSet", "NamingSystem", "Task", "Encounter", "Bundle");
    CodeSystem portal = (CodeSystem) read("CodeSystem/portal-result-code").resource();
    assertThat(portal.getUrl()).isEqualTo(FhirIdentifiers.PORTAL_RESULT_CODE);
    assertThat(portal.getConcept()).hasSize(PortalResultCode.values().length);
    assertValid(portal);
    Bundle byUrl = (Bundle) read("CodeSystem?url=" + q(FhirIdentifiers.GATEWAY_ERROR)).resource();
    assertThat(byUrl.getEntry()).hasSize(1);
    for (Bundle.BundleEntryComponent entry : ((Bundle) read("ValueSet").resource()).getEntry()) {
      assertValid((ValueSet) entry.getResource());
    }
    Bundle naming = (Bundle) read("NamingSystem?value=" + q(FhirIdentifiers.CCCD)).resource();
    assertThat(naming.getEntry()).hasSize(1);
    assertValid((NamingSystem) naming.getEntryFirstRep().getResource());
  }

  @Test
  void submitAnswersEveryPortalCodeWithAValidResponse() {
    for (String code : Population.ALL_CODES) {
      var citizen = citizen(code);
      PortalResultCode expected = PortalResultCode.of(code).orElseThrow();
      org.hl7.fhir.r4.model.CoverageEligibilityRequest request = FhirTestSupport.FHIR.newJsonParser()
          .parseResource(org.hl7.fhir.r4.model.CoverageEligibilityRequest.class, FhirTestSupport.eligibilityRequest(citizen));
      request.addIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + java.util.UUID.randomUUID());
      org.hl7.fhir.r4.model.Parameters parameters = new org.hl7.fhir.r4.model.Parameters();
      parameters.addParameter().setName("resource").setResource(request);

      Answer answer = exchange("POST", "CoverageEligibilityRequest/$submit", parameters, apiKeyFor(citizen), Map.of());

      assertThat(answer.status()).as(code + " " + answer.text()).isEqualTo(200);
      CoverageEligibilityResponse response = (CoverageEligibilityResponse) answer.resource();
      assertThat(response.getInsurance()).as(code + ": insurance[] for every code").isNotEmpty();
      if (expected.outcome() != vn.healthgate.routes.eligibility.Outcome.RETRY_LATER) {
        assertThat(response.getInsurance().get(response.getInsurance().size() - 1).getInforce()).as(code).isEqualTo(expected.eligible());
      }
      assertThat(response.getRequest().getIdentifier().getValue()).as(code).isEqualTo(request.getIdentifierFirstRep().getValue());
      if (!"CARD_NUMBER".equals(citizen.get("lookupBy").asText())) {
        org.hl7.fhir.r4.model.Patient patient = (org.hl7.fhir.r4.model.Patient) response.getContained().stream()
            .filter(r -> r instanceof org.hl7.fhir.r4.model.Patient).findFirst().orElseThrow();
        assertThat(patient.getIdentifier()).as(code).anyMatch(i -> FhirIdentifiers.CCCD.equals(i.getSystem())
            && citizen.get("cccd").asText().equals(i.getValue()));
      }
      assertThat(response.getExtensionByUrl(FhirIdentifiers.EXT_RESULT_CATEGORY)).as(code).isNotNull();
      assertThat(response.getCreatedElement().getValueAsString()).endsWith("+07:00");
      assertThat(problems(response)).as(code).isEmpty();
    }
  }
}
