package vn.healthgate.routes.fhir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import vn.healthgate.routes.delivery.DocumentJson;
import vn.healthgate.routes.delivery.DocumentKind;
import vn.healthgate.routes.delivery.PortalDocument;
import vn.healthgate.routes.delivery.Submission;

/**
 * A stored submission read back as FHIR: the check-in notice as an {@code Encounter}, the certificate as a document
 * {@code Bundle}, both rebuilt from the portal fields the outbox keeps (what the gateway signs and sends, not the
 * resource as posted), and its delivery as a {@code Task}. Times carry {@code +07:00} (Asia/Ho_Chi_Minh).
 */
public final class FhirReadBack {
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final TimeZone TIME_ZONE = TimeZone.getTimeZone(ZONE);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private FhirReadBack() {}

  /** {@code instant} as a FHIR dateTime in Vietnam's offset, milliseconds kept. */
  public static DateTimeType dateTime(Instant instant) {
    DateTimeType type = new DateTimeType(Date.from(instant), ca.uhn.fhir.model.api.TemporalPrecisionEnum.MILLI, TIME_ZONE);
    return type;
  }

  public static InstantType instant(Instant instant) {
    InstantType type = new InstantType(Date.from(instant), ca.uhn.fhir.model.api.TemporalPrecisionEnum.MILLI, TIME_ZONE);
    return type;
  }

  /** The resource type a submission is read as. */
  public static String resourceType(DocumentKind kind) {
    return kind == DocumentKind.CHECK_IN ? "Encounter" : "Bundle";
  }

  public static Encounter encounter(Submission s) {
    Map<String, String> f = DocumentJson.read(s.payload()).fields();
    Encounter encounter = new Encounter();
    encounter.setId(s.id());
    encounter.getMeta().setLastUpdatedElement(instant(s.updatedAt()));
    encounter.addIdentifier().setSystem(FhirIdentifiers.EPISODE_ID).setValue(s.businessKey());
    encounter.setStatus(Encounter.EncounterStatus.ARRIVED);
    boolean inpatient = !blank(f.get("NGAY_VAO_NOI_TRU"));
    encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", inpatient ? "IMP" : "AMB", inpatient ? "inpatient encounter" : "ambulatory"));
    encounter.addType(new CodeableConcept(new Coding(FhirIdentifiers.VISIT_CATEGORY, f.get("MA_DOITUONG_KCB"), null)));
    encounter.addType(new CodeableConcept(new Coding(FhirIdentifiers.VISIT_TYPE, f.get("MA_LOAI_KCB"), null)));
    Patient patient = new Patient();
    patient.setId("patient");
    identifier(patient, FhirIdentifiers.FACILITY_PATIENT_ID, f.get("MA_BN"));
    identifier(patient, FhirIdentifiers.CCCD, f.get("SO_CCCD"));
    identifier(patient, FhirIdentifiers.CARD_NUMBER, f.get("MA_THE_BHYT"));
    patient.addName(new HumanName().setText(f.get("HO_TEN")).setUse(HumanName.NameUse.OFFICIAL));
    birth(patient, f.get("NGAY_SINH"));
    patient.setGender(switch (f.getOrDefault("GIOI_TINH", "")) {
      case "1" -> AdministrativeGender.MALE;
      case "2" -> AdministrativeGender.FEMALE;
      default -> AdministrativeGender.UNKNOWN;
    });
    encounter.addContained(patient);
    encounter.setSubject(new Reference("#patient"));
    encounter.setServiceProvider(new Reference().setIdentifier(new Identifier().setSystem(FhirIdentifiers.FACILITY_CODE).setValue(s.facilityCode())));
    Period period = new Period().setStartElement(stamp(f.get("NGAY_VAO")));
    encounter.setPeriod(period);
    item(encounter, FhirIdentifiers.EXT_FIRST_SERVICE, f.get("MA_DICH_VU"), f.get("TEN_DICH_VU"));
    item(encounter, FhirIdentifiers.EXT_FIRST_DRUG, f.get("MA_THUOC"), f.get("TEN_THUOC"));
    item(encounter, FhirIdentifiers.EXT_FIRST_SUPPLY, f.get("MA_VAT_TU"), f.get("TEN_VAT_TU"));
    if (!blank(f.get("NGAY_YL"))) {
      encounter.addExtension(FhirIdentifiers.EXT_ORDERED_AT, stamp(f.get("NGAY_YL")));
    }
    return encounter;
  }

  public static Bundle bundle(Submission s) {
    Map<String, String> f = DocumentJson.read(s.payload()).fields();
    Bundle bundle = new Bundle();
    bundle.setId(s.id());
    bundle.getMeta().setLastUpdatedElement(instant(s.updatedAt()));
    bundle.setType(Bundle.BundleType.DOCUMENT);
    bundle.setIdentifier(new Identifier().setSystem(FhirIdentifiers.CERTIFICATE_NUMBER).setValue(s.businessKey()));
    bundle.setTimestampElement(instant(s.createdAt()));

    Patient patient = new Patient();
    patient.setId(uuid(s, "patient"));
    patient.addName(new HumanName().setText(f.get("HOTEN")).setUse(HumanName.NameUse.OFFICIAL));
    patient.setGender("0".equals(f.get("GIOITINHVAL")) ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
    patient.setBirthDateElement(dmy(f.get("NGAYSINH")));
    Identifier id = patient.addIdentifier().setSystem(FhirIdentifiers.CCCD).setValue(f.get("SOCMND_PASSPORT"));
    if (!blank(f.get("NGAYTHANGNAMCAPCMND"))) {
      id.setPeriod(new Period().setStartElement(new DateTimeType(LocalDate.parse(f.get("NGAYTHANGNAMCAPCMND"), DMY).toString())));
    }
    if (!blank(f.get("NOICAP"))) {
      id.setAssigner(new Reference().setDisplay(f.get("NOICAP")));
    }
    patient.addAddress(new Address().addLine(f.get("DIACHITHUONGTRU")).setState(f.get("MATINH_THUONGTRU"))
        .setDistrict(f.get("MAHUYEN_THUONGTRU")).setCity(f.get("MAXA_THUONGTRU")));
    Organization facility = new Organization();
    facility.setId(uuid(s, "facility"));
    facility.addIdentifier().setSystem(FhirIdentifiers.FACILITY_CODE).setValue(s.facilityCode());
    facility.setName(f.get("BENHVIEN"));
    Practitioner doctor = new Practitioner();
    doctor.setId(uuid(s, "doctor"));
    doctor.addName(new HumanName().setText(f.get("BACSYKETLUAN")));

    Composition composition = new Composition();
    composition.setId(uuid(s, "composition"));
    composition.setIdentifier(new Identifier().setSystem(FhirIdentifiers.CERTIFICATE_NUMBER).setValue(s.businessKey()));
    composition.setStatus(Composition.CompositionStatus.FINAL);
    composition.setType(new CodeableConcept(new Coding(FhirIdentifiers.CERTIFICATE_ITEM, "driver-health-certificate", "Driver health certificate (giấy khám sức khỏe lái xe)")));
    composition.setSubject(new Reference(fullUrl(patient)));
    composition.setDateElement(new DateTimeType(LocalDate.parse(f.get("NGAYKETLUAN"), DMY).toString()));
    composition.addAuthor(new Reference(fullUrl(doctor)));
    composition.setTitle("Giấy khám sức khỏe lái xe " + s.businessKey());
    composition.setCustodian(new Reference(fullUrl(facility)));

    Observation alcohol = observation(s, "alcohol", "Alcohol concentration", patient);
    if (!blank(f.get("NONGDOCON"))) {
      boolean breath = "1".equals(f.get("DVINONGDOCON"));
      alcohol.setValue(new Quantity().setValue(new java.math.BigDecimal(f.get("NONGDOCON"))).setUnit(breath ? "mg/L" : "mg/100mL"));
    }
    Observation drug = observation(s, "drug-test", "Drug test", patient);
    if (!blank(f.get("MATUY"))) {
      String code = "1".equals(f.get("MATUY")) ? "POSITIVE" : "NEGATIVE";
      drug.setValue(new CodeableConcept(new Coding(FhirIdentifiers.CERTIFICATE_ITEM, code, null)));
    }
    Observation conclusion = observation(s, "conclusion", "Conclusion", patient);
    conclusion.setValue(new StringType(f.get("KETLUAN")));
    if (!blank(f.get("LYDO"))) {
      conclusion.addNote(new Annotation().setText(f.get("LYDO")));
    }
    if (!blank(f.get("NGAYKHAMLAI"))) {
      conclusion.addExtension(FhirIdentifiers.EXT_REEXAMINATION_DATE, new DateType(LocalDate.parse(f.get("NGAYKHAMLAI"), DMY).toString()));
    }
    Observation licence = observation(s, "licence-class", "Driving-licence class", patient);
    licence.setValue(new CodeableConcept(new Coding(FhirIdentifiers.LICENCE_CLASS_2024, f.get("HANGBANGLAI"), null)));

    for (Resource r : new Resource[] {composition, patient, facility, doctor, alcohol, drug, conclusion, licence}) {
      if (r instanceof Composition c) {
        c.getSectionFirstRep().setTitle("Kết quả khám").setCode(new CodeableConcept().setText("Results"));
        for (Observation o : new Observation[] {alcohol, drug, conclusion, licence}) {
          c.getSectionFirstRep().addEntry(new Reference(fullUrl(o)));
        }
      }
      bundle.addEntry().setFullUrl(fullUrl(r)).setResource(r);
    }
    return bundle;
  }

  /** The delivery of a submission as a Task: status, our status code, the portal's receipt. */
  public static Task task(Submission s) {
    Task task = new Task();
    task.setId(s.id());
    task.getMeta().setLastUpdatedElement(instant(s.updatedAt()));
    task.addIdentifier().setSystem(FhirIdentifiers.SUBMISSION_ID).setValue(s.id());
    task.addIdentifier().setSystem(s.kind() == DocumentKind.CHECK_IN ? FhirIdentifiers.EPISODE_ID : FhirIdentifiers.CERTIFICATE_NUMBER).setValue(s.businessKey());
    task.setStatus(switch (s.status()) {
      case RECEIVED -> Task.TaskStatus.RECEIVED;
      case SIGNED, SENT -> Task.TaskStatus.INPROGRESS;
      case ACCEPTED -> Task.TaskStatus.COMPLETED;
      case REJECTED -> Task.TaskStatus.REJECTED;
      case DEAD_LETTER -> Task.TaskStatus.FAILED;
    });
    task.setBusinessStatus(new CodeableConcept(new Coding(FhirIdentifiers.SUBMISSION_STATUS, s.status().name(), null)).setText(s.status().name()));
    task.setIntent(Task.TaskIntent.ORDER);
    task.setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/CodeSystem/task-code", "fulfill", "Fulfill the focal request"))
        .setText("Deliver to the national insurance portal (" + ("ADD".equals(s.operation()) ? "new" : "correction") + ")"));
    task.setFocus(new Reference(resourceType(s.kind()) + "/" + s.id()));
    task.setRequester(new Reference().setIdentifier(new Identifier().setSystem(FhirIdentifiers.FACILITY_CODE).setValue(s.facilityCode())));
    task.setAuthoredOnElement(dateTime(s.createdAt()));
    task.setLastModifiedElement(dateTime(s.updatedAt()));
    if (s.lastError() != null && !s.status().equals(vn.healthgate.routes.delivery.SubmissionStatus.ACCEPTED)) {
      task.setStatusReason(new CodeableConcept().setText(s.lastError()));
    }
    if (s.warnings() != null) {
      for (String warning : s.warnings().split("; ")) {
        task.addNote(new Annotation().setText(warning));
      }
    }
    if (s.receipt() != null) {
      Identifier receipt = new Identifier().setSystem(FhirIdentifiers.PORTAL_RECEIPT).setValue(s.receipt());
      if (s.portalReceivedAt() != null) {
        receipt.setPeriod(new Period().setStartElement(dateTime(s.portalReceivedAt())));
      }
      task.addOutput().setType(new CodeableConcept().setText(s.kind() == DocumentKind.CHECK_IN ? "portal receipt (transactionId)" : "portal receipt (uuid)"))
          .setValue(receipt);
    }
    return task;
  }

  /** A document's portal fields (for a search that filters on them). */
  public static PortalDocument document(Submission s) {
    return DocumentJson.read(s.payload());
  }

  private static Observation observation(Submission s, String code, String display, Patient patient) {
    Observation observation = new Observation();
    observation.setId(uuid(s, code));
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.setCode(new CodeableConcept(new Coding(FhirIdentifiers.CERTIFICATE_ITEM, code, display)));
    observation.setSubject(new Reference(fullUrl(patient)));
    return observation;
  }

  private static String uuid(Submission s, String part) {
    return UUID.nameUUIDFromBytes((s.id() + "/" + part).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String fullUrl(Resource r) {
    return "urn:uuid:" + r.getIdElement().getIdPart();
  }

  private static void identifier(Patient patient, String system, String value) {
    if (!blank(value)) {
      patient.addIdentifier().setSystem(system).setValue(value);
    }
  }

  private static void item(Encounter encounter, String url, String code, String name) {
    if (!blank(code)) {
      encounter.addExtension(url, new Coding(null, code, name));
    }
  }

  /** {@code yyyyMMddHHmm} (Vietnam's local time) as a dateTime with {@code +07:00}. */
  private static DateTimeType stamp(String text) {
    LocalDateTime local = LocalDateTime.parse(text, STAMP);
    DateTimeType type = new DateTimeType(Date.from(local.atZone(ZONE).toInstant()), ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND, TIME_ZONE);
    return type;
  }

  /** NGAY_SINH of XML 0: yyyyMMddHHmm, with 0000 for an unknown time and 00 for an unknown day or month. */
  private static void birth(Patient patient, String text) {
    if (blank(text) || text.length() < 8) {
      return;
    }
    String year = text.substring(0, 4);
    String month = text.substring(4, 6);
    String day = text.substring(6, 8);
    if (month.equals("00")) {
      patient.setBirthDateElement(new DateType(year));
    } else if (day.equals("00")) {
      patient.setBirthDateElement(new DateType(year + "-" + month));
    } else {
      DateType date = new DateType(year + "-" + month + "-" + day);
      if (text.length() >= 12 && !text.substring(8, 12).equals("0000")) {
        date.addExtension(FhirIdentifiers.EXT_BIRTH_TIME, stamp(text));
      }
      patient.setBirthDateElement(date);
    }
  }

  private static DateType dmy(String text) {
    return blank(text) ? null : new DateType(LocalDate.parse(text, DMY).toString());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
