package vn.healthgate.routes.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.NamingSystem;
import org.hl7.fhir.r4.model.ValueSet;
import vn.healthgate.routes.eligibility.Outcome;
import vn.healthgate.routes.eligibility.PortalResultCode;
import vn.healthgate.routes.eligibility.ResultCategory;
import vn.healthgate.routes.error.ErrorCode;

/**
 * The project's own terminology as FHIR resources, built from the tables the code uses (the portal result codes, the
 * error catalogue, the licence classes…), so what the gateway serves at {@code /fhir/CodeSystem} is what it emits and
 * checks. Every canonical URL lies under {@link FhirIdentifiers#BASE}; a resource's id is the last segment of its URL.
 */
public final class FhirTerminology {
  /** Where a code system lists every code ({@code complete}) or only the ones the gateway knows of ({@code fragment}). */
  private record Definition(String url, String title, CodeSystem.CodeSystemContentMode content, Map<String, String> concepts) {}

  private final Map<String, CodeSystem> codeSystems = new LinkedHashMap<>();
  private final Map<String, ValueSet> valueSets = new LinkedHashMap<>();
  private final Map<String, NamingSystem> namingSystems = new LinkedHashMap<>();

  public FhirTerminology() {
    for (Definition d : definitions()) {
      CodeSystem system = codeSystem(d);
      codeSystems.put(system.getIdElement().getIdPart(), system);
      ValueSet all = valueSet(d, system);
      valueSets.put(all.getIdElement().getIdPart(), all);
    }
    naming(FhirIdentifiers.CCCD, "Citizen ID (CCCD, căn cước công dân), 12 digits");
    naming(FhirIdentifiers.SOCIAL_INSURANCE_NUMBER, "Social-insurance number (mã số BHXH), 10 digits");
    naming(FhirIdentifiers.CARD_NUMBER, "Health-insurance card code (mã thẻ BHYT), 15 characters");
    naming(FhirIdentifiers.FACILITY_CODE, "Healthcare facility code (mã CSKCB), 5 characters");
    naming(FhirIdentifiers.EPISODE_ID, "Episode id of a visit (MA_LK, Decision 130), unique per facility");
    naming(FhirIdentifiers.FACILITY_PATIENT_ID, "A facility's own patient id (MA_BN)");
    naming(FhirIdentifiers.CERTIFICATE_NUMBER, "Driver health certificate number (SO, NNNNN/GKSKLX/<facility>/<yy>)");
    naming(FhirIdentifiers.SUBMISSION_ID, "A submission to the portal at this gateway (the id of /api/v1/submissions/{id})");
    naming(FhirIdentifiers.ELIGIBILITY_CHECK_ID, "An eligibility check answered by this gateway");
    naming(FhirIdentifiers.PORTAL_RECEIPT, "The portal's receipt for a delivered document (transaction id or uuid)");
  }

  public List<CodeSystem> codeSystems() {
    return List.copyOf(codeSystems.values());
  }

  public List<ValueSet> valueSets() {
    return List.copyOf(valueSets.values());
  }

  public List<NamingSystem> namingSystems() {
    return List.copyOf(namingSystems.values());
  }

  public Optional<CodeSystem> codeSystemByUrl(String url) {
    return codeSystems.values().stream().filter(c -> c.getUrl().equals(url)).findFirst();
  }

  /** True when {@code system} is one of ours that lists all its codes and {@code code} is not among them. */
  public boolean unknownCode(String system, String code) {
    return codeSystemByUrl(system)
        .filter(c -> c.getContent() == CodeSystem.CodeSystemContentMode.COMPLETE)
        .map(c -> c.getConcept().stream().noneMatch(concept -> concept.getCode().equals(code)))
        .orElse(false);
  }

  private void naming(String url, String description) {
    String id = url.substring(url.lastIndexOf('/') + 1);
    NamingSystem naming = new NamingSystem();
    naming.setId(id);
    naming.setName(name(id));
    naming.setStatus(PublicationStatus.ACTIVE);
    naming.setKind(NamingSystem.NamingSystemType.IDENTIFIER);
    naming.setDateElement(new org.hl7.fhir.r4.model.DateTimeType(FhirIdentifiers.TERMINOLOGY_DATE));
    naming.setPublisher("Bình Phước insurance gateway");
    naming.setDescription(description);
    naming.addUniqueId().setType(NamingSystem.NamingSystemIdentifierType.URI).setValue(url).setPreferred(true);
    namingSystems.put(id, naming);
  }

  private static CodeSystem codeSystem(Definition d) {
    String id = d.url().substring(d.url().lastIndexOf('/') + 1);
    CodeSystem system = new CodeSystem();
    system.setId(id);
    system.setUrl(d.url());
    system.setVersion(FhirIdentifiers.TERMINOLOGY_VERSION);
    system.setName(name(id));
    system.setTitle(d.title());
    system.setStatus(PublicationStatus.ACTIVE);
    system.setDateElement(new org.hl7.fhir.r4.model.DateTimeType(FhirIdentifiers.TERMINOLOGY_DATE));
    system.setPublisher("Bình Phước insurance gateway");
    system.setCaseSensitive(true);
    system.setValueSet(FhirIdentifiers.BASE + "ValueSet/" + id);
    system.setContent(d.content());
    d.concepts().forEach((code, display) -> system.addConcept().setCode(code).setDisplay(display));
    system.setCount(d.concepts().size());
    return system;
  }

  private static ValueSet valueSet(Definition d, CodeSystem system) {
    ValueSet set = new ValueSet();
    set.setId(system.getIdElement().getIdPart());
    set.setUrl(system.getValueSet());
    set.setVersion(FhirIdentifiers.TERMINOLOGY_VERSION);
    set.setName(system.getName());
    set.setTitle("All codes of " + d.title());
    set.setStatus(PublicationStatus.ACTIVE);
    set.setDateElement(new org.hl7.fhir.r4.model.DateTimeType(FhirIdentifiers.TERMINOLOGY_DATE));
    set.setPublisher("Bình Phước insurance gateway");
    set.getCompose().addInclude().setSystem(d.url());
    return set;
  }

  /** {@code portal-result-code} → {@code PortalResultCode} (a computer-friendly name). */
  private static String name(String id) {
    StringBuilder name = new StringBuilder();
    for (String part : id.split("-")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return name.toString();
  }

  private static List<Definition> definitions() {
    List<Definition> all = new ArrayList<>();
    Map<String, String> portal = new LinkedHashMap<>();
    for (PortalResultCode code : PortalResultCode.values()) {
      portal.put(code.code(), code.english());
    }
    all.add(new Definition(FhirIdentifiers.PORTAL_RESULT_CODE, "Portal lookup result codes (maKetQua)", CodeSystem.CodeSystemContentMode.COMPLETE, portal));
    Map<String, String> outcomes = new LinkedHashMap<>();
    for (Outcome outcome : Outcome.values()) {
      outcomes.put(outcome.name(), outcome.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT));
    }
    all.add(new Definition(FhirIdentifiers.ELIGIBILITY_OUTCOME, "What the reception desk should do with an eligibility answer",
        CodeSystem.CodeSystemContentMode.COMPLETE, outcomes));
    Map<String, String> categories = new LinkedHashMap<>();
    for (ResultCategory category : ResultCategory.values()) {
      categories.put(category.name(), category.name().toLowerCase(java.util.Locale.ROOT));
    }
    all.add(new Definition(FhirIdentifiers.RESULT_CATEGORY, "Whom a portal result is about", CodeSystem.CodeSystemContentMode.COMPLETE, categories));
    Map<String, String> errors = new LinkedHashMap<>();
    for (ErrorCode code : ErrorCode.values()) {
      errors.put(code.code(), code.english());
    }
    all.add(new Definition(FhirIdentifiers.GATEWAY_ERROR, "The gateway's error catalogue", CodeSystem.CodeSystemContentMode.COMPLETE, errors));
    Map<String, String> statuses = new LinkedHashMap<>();
    statuses.put("RECEIVED", "Stored at the gateway, not yet signed");
    statuses.put("SIGNED", "Signed with the facility's key, not yet sent");
    statuses.put("SENT", "Sent to the portal, awaiting its answer");
    statuses.put("ACCEPTED", "Accepted by the portal (see the receipt)");
    statuses.put("REJECTED", "Refused by the portal");
    statuses.put("DEAD_LETTER", "Given up after the retry budget; an admin may replay it");
    all.add(new Definition(FhirIdentifiers.SUBMISSION_STATUS, "Status of a submission to the portal", CodeSystem.CodeSystemContentMode.COMPLETE, statuses));
    Map<String, String> items = new LinkedHashMap<>();
    items.put("driver-health-certificate", "Driver health certificate (giấy khám sức khỏe lái xe)");
    items.put("alcohol", "Alcohol concentration");
    items.put("drug-test", "Drug test");
    items.put("conclusion", "Conclusion");
    items.put("licence-class", "Driving-licence class examined for");
    items.put("NEGATIVE", "Drug test negative");
    items.put("POSITIVE", "Drug test positive");
    items.put("FIT", "Fit to drive");
    items.put("UNFIT", "Unfit to drive");
    items.put("FIT_WITH_REEXAMINATION", "Fit to drive, with a re-examination");
    all.add(new Definition(FhirIdentifiers.CERTIFICATE_ITEM, "Items and results of a driver health certificate", CodeSystem.CodeSystemContentMode.COMPLETE, items));
    Properties licence = licenceTable();
    Map<String, String> classes2024 = new LinkedHashMap<>();
    Map<String, String> classes2008 = new LinkedHashMap<>();
    for (String key : new TreeSet<>(licence.stringPropertyNames())) {
      if (key.startsWith("class.")) {
        classes2024.put(key.substring(6), "Class " + key.substring(6));
      } else if (key.startsWith("law2008.") && key.indexOf('.', 8) < 0) {
        classes2008.put(key.substring(8), "Class " + key.substring(8) + " (2008 law)");
      }
    }
    all.add(new Definition(FhirIdentifiers.LICENCE_CLASS_2024, "Driving-licence classes of the 2024 Road Traffic Order and Safety Law",
        CodeSystem.CodeSystemContentMode.COMPLETE, classes2024));
    all.add(new Definition(FhirIdentifiers.LICENCE_CLASS_2008, "Driving-licence classes of the 2008 Road Traffic Law",
        CodeSystem.CodeSystemContentMode.COMPLETE, classes2008));
    // the portal's lists (Decision 130): the gateway checks their form only, so it lists none of their codes
    all.add(new Definition(FhirIdentifiers.VISIT_CATEGORY, "Visit category (MA_DOITUONG_KCB, Decision 130)", CodeSystem.CodeSystemContentMode.FRAGMENT, Map.of()));
    all.add(new Definition(FhirIdentifiers.VISIT_TYPE, "Visit type (MA_LOAI_KCB, Decision 130)", CodeSystem.CodeSystemContentMode.FRAGMENT, Map.of()));
    return all;
  }

  private static Properties licenceTable() {
    Properties table = new Properties();
    try (InputStream in = FhirTerminology.class.getResourceAsStream("/driver-certificate-codes.properties")) {
      if (in == null) {
        throw new IllegalStateException("driver-certificate-codes.properties is missing");
      }
      table.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return table;
  }
}
