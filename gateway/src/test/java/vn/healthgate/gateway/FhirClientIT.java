package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PreferReturnEnum;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.interceptor.SimpleRequestHeaderInterceptor;
import ca.uhn.fhir.rest.gclient.StringClientParam;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.NamingSystem;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.eligibility.Outcome;
import vn.healthgate.routes.eligibility.PortalResultCode;
import vn.healthgate.routes.fhir.FhirIdentifiers;
import vn.healthgate.simulator.data.Population;

/**
 * The FHIR face as a HIS uses it: HAPI's {@link IGenericClient} over real HTTP against the running gateway and the real
 * simulator, authenticated with the development API key header (docs/api.md, "Who is calling"). It creates, reads,
 * searches and follows the delivery ({@code Task}) of an Encounter and a document Bundle, runs {@code $submit} for every
 * portal code, and validates every resource the server returns with HAPI's validator, resolving the project's
 * CodeSystems and ValueSets from the server itself. Every interaction goes through the generic client, which can express
 * all of them: no raw HTTP here (methods HTTP does not define, bodiless requests and 406/415 are HttpRefusalsIT's). Every
 * resource the server answers, refusals' OperationOutcomes and {@code /metadata} included, is kept by a client interceptor
 * and validated after each test.
 */
class FhirClientIT extends GatewayIT {
  private static final String FACILITY_KEY = "dev-70001";
  /** The most one search page answers (docs/api.md). */
  private static final int MAX_COUNT = 500;
  private static FhirValidator validator;
  /** Every resource the server answered this test (bodies of successes and of refusals alike), as the client received it. */
  private final List<IBaseResource> answered = new CopyOnWriteArrayList<>();

  /** Keeps a copy of every answer's resource; the client still reads the (buffered) body itself. */
  private final IClientInterceptor keepAnswers = new IClientInterceptor() {
    @Override
    public void interceptRequest(IHttpRequest request) {}

    @Override
    public void interceptResponse(IHttpResponse response) throws IOException {
      EncodingEnum encoding = response.getMimeType() == null ? null : EncodingEnum.forContentType(response.getMimeType());
      if (encoding == null) {
        return;
      }
      response.bufferEntity();
      StringWriter text = new StringWriter();
      try (Reader body = response.createReader()) {
        body.transferTo(text);
      }
      if (!text.toString().isBlank()) {
        answered.add(encoding.newParser(FhirTestSupport.FHIR).parseResource(text.toString()));
      }
    }
  };

  /**
   * The client a HIS builds: the gateway's base URL, the API key header on every request, HAPI's defaults otherwise
   * (it reads {@code /metadata} once before its first request, and offers both XML and JSON).
   */
  private IGenericClient client(String apiKey) {
    IGenericClient client = FhirTestSupport.FHIR.newRestfulGenericClient("http://127.0.0.1:" + port + "/fhir");
    if (apiKey != null) {
      client.registerInterceptor(new SimpleRequestHeaderInterceptor("X-Api-Key", apiKey));
    }
    client.registerInterceptor(keepAnswers);
    return client;
  }

  /** Every resource the server answered in the test validates: no error, no unknown system of the project's. */
  @AfterEach
  void everyAnswerValidates() {
    assertThat(answered).isNotEmpty();
    for (IBaseResource resource : answered) {
      assertValid(resource);
    }
  }

  /** The same, sending and asking for one encoding only. */
  private IGenericClient client(String apiKey, EncodingEnum encoding) {
    IGenericClient client = client(apiKey);
    client.setEncoding(encoding);
    return client;
  }

  private IGenericClient client() {
    return client(FACILITY_KEY);
  }

  /** The refusal {@code call} ends with, as the client raises it: the status's exception carrying the OperationOutcome. */
  private static BaseServerResponseException refusal(Runnable call) {
    try {
      call.run();
    } catch (BaseServerResponseException e) {
      return e;
    }
    throw new AssertionError("expected a refusal, the call succeeded");
  }

  /** The catalogue code of the OperationOutcome the client parsed from the error's body. */
  private static String code(BaseServerResponseException e) {
    assertThat(e.getOperationOutcome()).as(e.getStatusCode() + " " + e.getMessage()).isInstanceOf(OperationOutcome.class);
    Coding coding = ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getDetails().getCodingFirstRep();
    assertThat(coding.getSystem()).isEqualTo(FhirIdentifiers.GATEWAY_ERROR);
    return coding.getCode();
  }

  /** HAPI's validator with the project's CodeSystems and ValueSets as the server serves them, fetched with the client. */
  private synchronized FhirValidator validator() {
    if (validator == null) {
      PrePopulatedValidationSupport served = new PrePopulatedValidationSupport(FhirTestSupport.FHIR);
      IGenericClient client = FhirTestSupport.FHIR.newRestfulGenericClient("http://127.0.0.1:" + port + "/fhir");
      client.registerInterceptor(new SimpleRequestHeaderInterceptor("X-Api-Key", FACILITY_KEY));
      Bundle codeSystems = client.search().forResource(CodeSystem.class).count(MAX_COUNT).returnBundle(Bundle.class).execute();
      codeSystems.getEntry().forEach(entry -> served.addCodeSystem(entry.getResource()));
      Bundle valueSets = client.search().forResource(ValueSet.class).count(MAX_COUNT).returnBundle(Bundle.class).execute();
      valueSets.getEntry().forEach(entry -> served.addValueSet(entry.getResource()));
      assertThat(codeSystems.getEntry()).isNotEmpty();
      assertThat(valueSets.getEntry()).hasSameSizeAs(codeSystems.getEntry());
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

  private Task awaitCompleted(IGenericClient client, String id) {
    await().atMost(Duration.ofSeconds(30))
        .until(() -> client.read().resource(Task.class).withId(id).execute().getStatus() == Task.TaskStatus.COMPLETED);
    return client.read().resource(Task.class).withId(id).execute();
  }

  @Test
  void anEncounterIsCreatedReadSearchedAndFollowedToThePortalsReceipt() {
    IGenericClient client = client(FACILITY_KEY, EncodingEnum.JSON);
    String episode = TestIds.episode("FHIR-CL");

    MethodOutcome created = client.create().resource(FhirDocumentsIT.encounter(episode)).prefer(PreferReturnEnum.REPRESENTATION).execute();

    assertThat(created.getResponseStatusCode()).isEqualTo(201);
    assertThat(created.getCreated()).isTrue();
    String id = created.getId().getIdPart();
    assertThat(created.getId().getResourceType()).isEqualTo("Encounter");
    assertThat(created.getResource()).isInstanceOf(Encounter.class);
    Encounter representation = (Encounter) created.getResource();
    assertThat(representation.getIdElement().getIdPart()).isEqualTo(id);
    assertThat(representation.getIdentifierFirstRep().getValue()).isEqualTo(episode);

    Encounter encounter = client.read().resource(Encounter.class).withId(id).execute();
    assertThat(encounter.getIdentifierFirstRep().getSystem()).isEqualTo(FhirIdentifiers.EPISODE_ID);
    assertThat(encounter.getPeriod().getStartElement().getValueAsString()).endsWith("+07:00");
    assertThat(encounter.getMeta().getLastUpdatedElement().getValueAsString()).endsWith("+07:00");
    Encounter followed = client.read().resource(Encounter.class).withUrl(created.getId()).execute();
    assertThat(followed.getIdElement().getIdPart()).as("the Location the client got reads the same Encounter").isEqualTo(id);

    Bundle byIdentifier = client.search().forResource(Encounter.class)
        .where(Encounter.IDENTIFIER.exactly().systemAndCode(FhirIdentifiers.EPISODE_ID, episode)).returnBundle(Bundle.class).execute();
    assertThat(byIdentifier.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(id);
    assertThat(client.read().resource(Encounter.class).withUrl(byIdentifier.getEntryFirstRep().getFullUrl()).execute().getIdElement().getIdPart())
        .as("an entry's fullUrl reads it").isEqualTo(id);
    Bundle byDate = client.search().forResource(Encounter.class).where(Encounter.DATE.exactly().day(LocalDate.now().minusDays(1).toString()))
        .and(Encounter.IDENTIFIER.exactly().code(episode)).returnBundle(Bundle.class).execute();
    assertThat(byDate.getEntry()).hasSize(1);
    Bundle otherDay = client.search().forResource(Encounter.class).where(Encounter.DATE.exactly().day(LocalDate.now().minusDays(3).toString()))
        .and(Encounter.IDENTIFIER.exactly().code(episode)).returnBundle(Bundle.class).execute();
    assertThat(otherDay.getEntry()).isEmpty();
    Bundle byId = client.search().forResource(Encounter.class).where(Encounter.RES_ID.exactly().code(id)).returnBundle(Bundle.class).execute();
    assertThat(byId.getEntry()).hasSize(1);

    Task task = awaitCompleted(client, id);
    assertThat(task.getFocus().getReference()).isEqualTo("Encounter/" + id);
    assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("ACCEPTED");
    assertThat(task.getOutputFirstRep().getValue()).isInstanceOfSatisfying(Identifier.class, receipt -> assertThat(receipt.getValue()).isNotBlank());
    Bundle byFocus = client.search().forResource(Task.class).where(Task.FOCUS.hasId("Encounter/" + id)).returnBundle(Bundle.class).execute();
    assertThat(byFocus.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(id);
    Bundle byTaskIdentifier = client.search().forResource(Task.class)
        .where(Task.IDENTIFIER.exactly().systemAndCode(FhirIdentifiers.EPISODE_ID, episode)).returnBundle(Bundle.class).execute();
    assertThat(byTaskIdentifier.getEntry()).hasSize(1);
  }

  @Test
  void aDocumentBundleIsCreatedReadSearchedAndFollowedToThePortalsReceipt() {
    IGenericClient client = client(FACILITY_KEY, EncodingEnum.XML);
    String number = number();

    MethodOutcome created = client.create().resource(FhirDocumentsIT.certificateBundle(number, Bundle.BundleType.DOCUMENT)).execute();

    assertThat(created.getResponseStatusCode()).isEqualTo(201);
    assertThat(created.getCreated()).isTrue();
    assertThat(created.getId().getResourceType()).isEqualTo("Bundle");
    String id = created.getId().getIdPart();
    assertThat(created.getOperationOutcome()).as("no Prefer: an OperationOutcome pointing at the Task").isInstanceOf(OperationOutcome.class);
    OperationOutcome info = (OperationOutcome) created.getOperationOutcome();
    assertThat(info.getIssueFirstRep().getLocation()).extracting(l -> l.getValue()).containsExactly("Task/" + id);

    Bundle document = client.read().resource(Bundle.class).withId(id).execute();
    assertThat(document.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
    assertThat(document.getIdentifier().getValue()).isEqualTo(number);
    assertThat(document.getTimestampElement().getValueAsString()).endsWith("+07:00");

    Bundle byIdentifier = client.search().forResource(Bundle.class)
        .where(Bundle.IDENTIFIER.exactly().systemAndCode(FhirIdentifiers.CERTIFICATE_NUMBER, number)).returnBundle(Bundle.class).execute();
    assertThat(byIdentifier.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(id);
    Bundle byTimestamp = client.search().forResource(Bundle.class).where(Bundle.TIMESTAMP.afterOrEquals().day(LocalDate.now().minusDays(1).toString()))
        .and(Bundle.IDENTIFIER.exactly().code(number)).returnBundle(Bundle.class).execute();
    assertThat(byTimestamp.getEntry()).hasSize(1);

    awaitCompleted(client, id);
    Bundle tasks = client.search().forResource(Task.class)
        .where(Task.IDENTIFIER.exactly().systemAndCode(FhirIdentifiers.CERTIFICATE_NUMBER, number)).returnBundle(Bundle.class).execute();
    Task task = (Task) tasks.getEntryFirstRep().getResource();
    assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
    assertThat(task.getFocus().getReference()).isEqualTo("Bundle/" + id);
  }

  @Test
  void preferIsHonouredOnEveryCreate() {
    IGenericClient client = client();

    MethodOutcome minimal = client.create().resource(FhirDocumentsIT.encounter(TestIds.episode("FHIR-PM"))).prefer(PreferReturnEnum.MINIMAL).execute();
    assertThat(minimal.getResponseStatusCode()).isEqualTo(201);
    assertThat(minimal.getResource()).isNull();
    assertThat(minimal.getOperationOutcome()).isNull();
    assertThat(minimal.getId().getResourceType()).isEqualTo("Encounter");

    MethodOutcome outcome = client.create().resource(FhirDocumentsIT.certificateBundle(number(), Bundle.BundleType.DOCUMENT))
        .prefer(PreferReturnEnum.OPERATION_OUTCOME).execute();
    assertThat(outcome.getResponseStatusCode()).isEqualTo(201);
    assertThat(outcome.getOperationOutcome()).isInstanceOf(OperationOutcome.class);

    MethodOutcome representation = client.create().resource(FhirDocumentsIT.certificateBundle(number(), Bundle.BundleType.DOCUMENT))
        .prefer(PreferReturnEnum.REPRESENTATION).execute();
    assertThat(representation.getResponseStatusCode()).isEqualTo(201);
    assertThat(representation.getResource()).isInstanceOf(Bundle.class);
  }

  @Test
  void aConditionalCreateAnswersTheDocumentAlreadySentInsteadOfStoringAnother() {
    IGenericClient client = client();
    String episode = TestIds.episode("FHIR-NE");
    MethodOutcome first = client.create().resource(FhirDocumentsIT.encounter(episode)).execute();
    Encounter changed = FhirDocumentsIT.encounter(episode);
    ((Patient) changed.getContained().get(0)).getNameFirstRep().setText("NGUYỄN VĂN BÌNH");

    MethodOutcome typed = client.create().resource(changed).conditional()
        .where(Encounter.IDENTIFIER.exactly().systemAndCode(FhirIdentifiers.EPISODE_ID, episode)).execute();
    MethodOutcome byUrl = client.create().resource(changed)
        .conditionalByUrl("Encounter?identifier=" + FhirIdentifiers.EPISODE_ID + "|" + episode).prefer(PreferReturnEnum.REPRESENTATION).execute();

    assertThat(typed.getResponseStatusCode()).as("the existing one, not a 409 conflict").isEqualTo(200);
    assertThat(typed.getCreated()).as("HAPI's client marks created only a 201").isNotEqualTo(Boolean.TRUE);
    assertThat(typed.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
    assertThat(byUrl.getResponseStatusCode()).isEqualTo(200);
    assertThat(byUrl.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
    assertThat(((Patient) ((Encounter) byUrl.getResource()).getContained().get(0)).getNameFirstRep().getText())
        .as("the document already sent, not the changed one").isEqualTo("NGUYỄN VĂN AN");

    BaseServerResponseException otherCriterion = refusal(() -> client.create().resource(changed)
        .conditional().where(Encounter.DATE.exactly().day(LocalDate.now().toString())).execute());
    assertThat(otherCriterion).isInstanceOf(InvalidRequestException.class);
    assertThat(code(otherCriterion)).isEqualTo("GW-PARAMETER-INVALID");
  }

  @Test
  void anotherFacilitysDocumentIsNotFoundSoIdsDoNotLeak() {
    String id = client().create().resource(FhirDocumentsIT.encounter(TestIds.episode("FHIR-OF"))).execute().getId().getIdPart();
    IGenericClient other = client("dev-70002");

    BaseServerResponseException foreign = refusal(() -> other.read().resource(Encounter.class).withId(id).execute());
    BaseServerResponseException foreignTask = refusal(() -> other.read().resource(Task.class).withId(id).execute());

    assertThat(foreign).isInstanceOf(ResourceNotFoundException.class);
    assertThat(code(foreign)).isEqualTo("GW-NOT-FOUND");
    assertThat(foreignTask).isInstanceOf(ResourceNotFoundException.class);
    assertThat(code(foreignTask)).isEqualTo("GW-NOT-FOUND");
    assertThat(other.search().forResource(Task.class).where(Task.RES_ID.exactly().code(id)).returnBundle(Bundle.class).execute().getEntry()).isEmpty();
  }

  @Test
  void anUnknownSearchParameterIsRefusedNamingIt() {
    BaseServerResponseException refusal = refusal(() -> client().search().forResource(Encounter.class)
        .where(new StringClientParam("colour").matches().value("blue")).returnBundle(Bundle.class).execute());

    assertThat(refusal).isInstanceOf(InvalidRequestException.class);
    assertThat(code(refusal)).isEqualTo("GW-PARAMETER-INVALID");
    assertThat(((OperationOutcome) refusal.getOperationOutcome()).getIssueFirstRep().getExpression()).extracting(e -> e.getValue()).containsExactly("http.colour");
  }

  @Test
  void everyErrorOnFhirIsAnOperationOutcomeTheClientRaisesInEitherEncoding() {
    for (EncodingEnum encoding : List.of(EncodingEnum.JSON, EncodingEnum.XML)) {
      BaseServerResponseException anonymous = refusal(() -> client(null, encoding).read().resource(Encounter.class).withId("x").execute());
      assertThat(anonymous).as(encoding.name()).isInstanceOf(AuthenticationException.class);
      assertThat(code(anonymous)).isEqualTo("GW-AUTH-MISSING");
      BaseServerResponseException unknownKey = refusal(() -> client("dev-nobody", encoding).read().resource(Encounter.class).withId("x").execute());
      assertThat(unknownKey).isInstanceOf(AuthenticationException.class);
      assertThat(code(unknownKey)).isEqualTo("GW-AUTH-INVALID");
      BaseServerResponseException admin = refusal(() -> client("dev-admin", encoding).read().resource(Encounter.class).withId("x").execute());
      assertThat(admin).isInstanceOf(ForbiddenOperationException.class);
      assertThat(code(admin)).isEqualTo("GW-FACILITY-ONLY");
      IGenericClient client = client(FACILITY_KEY, encoding);
      BaseServerResponseException unknown = refusal(() -> client.read().resource(Encounter.class).withId(UUID.randomUUID().toString()).execute());
      assertThat(unknown).isInstanceOf(ResourceNotFoundException.class);
      assertThat(code(unknown)).isEqualTo("GW-NOT-FOUND");
      BaseServerResponseException delete = refusal(() -> client.delete().resourceById("Encounter", "x").execute());
      assertThat(delete).isInstanceOf(MethodNotAllowedException.class);
      assertThat(code(delete)).isEqualTo("GW-METHOD-NOT-ALLOWED");
      BaseServerResponseException update = refusal(() -> client.update().resource(FhirDocumentsIT.encounter("X")).withId("x").execute());
      assertThat(update).isInstanceOf(MethodNotAllowedException.class);
      assertThat(code(update)).isEqualTo("GW-METHOD-NOT-ALLOWED");
      BaseServerResponseException otherSystem = refusal(() -> client.create().resource(FhirDocumentsIT.encounter(TestIds.episode("FHIR-ER")))
          .conditionalByUrl("Encounter?identifier=" + FhirIdentifiers.CERTIFICATE_NUMBER + "|1").execute());
      assertThat(otherSystem).as("If-None-Exist with another system").isInstanceOf(InvalidRequestException.class);
      OperationOutcome.OperationOutcomeIssueComponent otherSystemIssue = ((OperationOutcome) otherSystem.getOperationOutcome()).getIssueFirstRep();
      assertThat(otherSystemIssue.getExpression()).as("a header is no element of the Encounter").isEmpty();
      assertThat(otherSystemIssue.getDiagnostics()).endsWith("(field: If-None-Exist)");
    }
    assertThat(answered).as("each refusal's body reached the validation after the test").filteredOn(OperationOutcome.class::isInstance).hasSize(14);
  }

  @Test
  void aWrongCodeOfAProjectSystemIsRefusedWithItsPath() {
    Encounter encounter = FhirDocumentsIT.encounter(TestIds.episode("FHIR-WC"));
    encounter.addExtension(FhirIdentifiers.EXT_FIRST_DRUG, new Coding(FhirIdentifiers.LICENCE_CLASS_2024, "Z9", null));

    BaseServerResponseException refusal = refusal(() -> client().create().resource(encounter).execute());

    assertThat(refusal).isInstanceOf(UnprocessableEntityException.class);
    assertThat(code(refusal)).isEqualTo("GW-FIELD-FORMAT");
    assertThat(((OperationOutcome) refusal.getOperationOutcome()).getIssueFirstRep().getExpression().get(0).getValue())
        .isEqualTo("Encounter.extension[2].value.code");
  }

  @Test
  void theProjectsTerminologyIsServedAndListed() {
    IGenericClient client = client();
    CapabilityStatement statement = client.capabilities().ofType(CapabilityStatement.class).execute();
    assertThat(statement.getRestFirstRep().getResource()).extracting(r -> r.getType())
        .contains("CodeSystem", "ValueSet", "NamingSystem", "Task", "Encounter", "Bundle");

    CodeSystem portal = client.read().resource(CodeSystem.class).withId("portal-result-code").execute();
    assertThat(portal.getUrl()).isEqualTo(FhirIdentifiers.PORTAL_RESULT_CODE);
    assertThat(portal.getConcept()).hasSize(PortalResultCode.values().length);
    Bundle byUrl = client.search().forResource(CodeSystem.class).where(CodeSystem.URL.matches().value(FhirIdentifiers.GATEWAY_ERROR))
        .returnBundle(Bundle.class).execute();
    assertThat(byUrl.getEntry()).hasSize(1);
    Bundle codeSystems = client.search().forResource(CodeSystem.class).count(MAX_COUNT).returnBundle(Bundle.class).execute();
    Bundle valueSets = client.search().forResource(ValueSet.class).count(MAX_COUNT).returnBundle(Bundle.class).execute();
    assertThat(valueSets.getEntry()).as("one ValueSet per CodeSystem").hasSameSizeAs(codeSystems.getEntry());
    Bundle naming = client.search().forResource(NamingSystem.class).where(NamingSystem.VALUE.matches().value(FhirIdentifiers.CCCD))
        .returnBundle(Bundle.class).execute();
    assertThat(naming.getEntry()).hasSize(1);
  }

  @Test
  void submitAnswersEveryPortalCodeWithAValidResponse() {
    for (String code : Population.ALL_CODES) {
      var citizen = citizen(code);
      PortalResultCode expected = PortalResultCode.of(code).orElseThrow();
      CoverageEligibilityRequest request = FhirTestSupport.FHIR.newJsonParser()
          .parseResource(CoverageEligibilityRequest.class, FhirTestSupport.eligibilityRequest(citizen));
      request.addIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID());
      Parameters parameters = new Parameters();
      parameters.addParameter().setName("resource").setResource(request);

      CoverageEligibilityResponse response = client(apiKeyFor(citizen)).operation().onType(CoverageEligibilityRequest.class).named("$submit")
          .withParameters(parameters).returnResourceType(CoverageEligibilityResponse.class).execute();

      assertThat(response.getInsurance()).as(code + ": insurance[] for every code").isNotEmpty();
      if (expected.outcome() != Outcome.RETRY_LATER) {
        assertThat(response.getInsurance().get(response.getInsurance().size() - 1).getInforce()).as(code).isEqualTo(expected.eligible());
      }
      assertThat(response.getRequest().getIdentifier().getValue()).as(code).isEqualTo(request.getIdentifierFirstRep().getValue());
      if (!"CARD_NUMBER".equals(citizen.get("lookupBy").asText())) {
        Patient patient = (Patient) response.getContained().stream().filter(r -> r instanceof Patient).findFirst().orElseThrow();
        assertThat(patient.getIdentifier()).as(code).anyMatch(i -> FhirIdentifiers.CCCD.equals(i.getSystem())
            && citizen.get("cccd").asText().equals(i.getValue()));
      }
      assertThat(response.getExtensionByUrl(FhirIdentifiers.EXT_RESULT_CATEGORY)).as(code).isNotNull();
      assertThat(response.getCreatedElement().getValueAsString()).endsWith("+07:00");
    }
  }
}
