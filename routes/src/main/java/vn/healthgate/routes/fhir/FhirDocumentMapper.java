package vn.healthgate.routes.fhir;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import vn.healthgate.routes.delivery.CertificateRequest;
import vn.healthgate.routes.delivery.CheckInRequest;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/**
 * Maps FHIR onto the same intake model as REST: an {@code Encounter} onto a check-in notice, a
 * {@code document} Bundle with a {@code Composition} onto a driver health certificate. Field rules
 * stay in the validators; this class only finds the values ({@code docs/api.md} has the tables).
 */
public class FhirDocumentMapper {

  /** The check-in notice an Encounter describes; a resource the mapping cannot use is {@code 422 GW-FHIR-INVALID}. */
  public CheckInRequest checkIn(Encounter encounter) {
    try {
      return mapCheckIn(encounter);
    } catch (GatewayException e) {
      throw e;
    } catch (RuntimeException e) {
      throw UnusableResource.of("Encounter", e);
    }
  }

  /** The driver health certificate a document Bundle describes; a resource the mapping cannot use is {@code 422 GW-FHIR-INVALID}. */
  public CertificateRequest certificate(Bundle bundle) {
    try {
      return mapCertificate(bundle);
    } catch (GatewayException e) {
      throw e;
    } catch (RuntimeException e) {
      throw UnusableResource.of("Bundle", e);
    }
  }

  private CheckInRequest mapCheckIn(Encounter encounter) {
    Patient patient = resolve(encounter, encounter.getSubject(), Patient.class)
        .orElseThrow(() -> new GatewayException(ErrorCode.FHIR_REQUEST_INVALID, "Encounter.subject"));
    String facility = facility(encounter, encounter.getServiceProvider()).orElse(null);
    return new CheckInRequest(
        facility,
        identifier(encounter.getIdentifier(), FhirIdentifiers.EPISODE_ID),
        identifier(patient.getIdentifier(), FhirIdentifiers.FACILITY_PATIENT_ID),
        FhirNames.vietnamese(patient.getName()),
        identifier(patient.getIdentifier(), FhirIdentifiers.CCCD),
        birthDateAndTime(patient),
        sex(patient.getGender()),
        identifier(patient.getIdentifier(), FhirIdentifiers.CARD_NUMBER),
        null, null, null,
        coding(encounter.getType(), FhirIdentifiers.VISIT_CATEGORY),
        encounter.getPeriod().hasStart() ? encounter.getPeriod().getStartElement().getValueAsString() : null,
        null, null, null,
        coding(encounter.getType(), FhirIdentifiers.VISIT_TYPE),
        item(encounter, FhirIdentifiers.EXT_FIRST_SERVICE),
        item(encounter, FhirIdentifiers.EXT_FIRST_DRUG),
        item(encounter, FhirIdentifiers.EXT_FIRST_SUPPLY),
        dateTime(encounter.getExtensionByUrl(FhirIdentifiers.EXT_ORDERED_AT)),
        null);
  }

  private CertificateRequest mapCertificate(Bundle bundle) {
    if (bundle.getType() != Bundle.BundleType.DOCUMENT) {
      throw new GatewayException(ErrorCode.FHIR_REQUEST_INVALID, "Bundle.type");
    }
    Composition composition = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Composition.class::isInstance).map(Composition.class::cast).findFirst()
        .orElseThrow(() -> new GatewayException(ErrorCode.FHIR_REQUEST_INVALID, "Bundle.entry[0].resource"));
    Patient patient = entry(bundle, composition.getSubject(), Patient.class)
        .orElseThrow(() -> new GatewayException(ErrorCode.FHIR_REQUEST_INVALID, "Composition.subject"));
    String facility = composition.hasCustodian() ? entry(bundle, composition.getCustodian(), Organization.class)
        .map(o -> identifier(o.getIdentifier(), FhirIdentifiers.FACILITY_CODE))
        .orElse(composition.getCustodian().getIdentifier().getValue()) : null;
    String doctor = composition.getAuthor().stream().map(a -> entry(bundle, a, Practitioner.class)).flatMap(Optional::stream)
        .findFirst().map(p -> FhirNames.vietnamese(p.getName())).orElse(null);
    Identifier id = patient.getIdentifier().stream().filter(i -> FhirIdentifiers.CCCD.equals(i.getSystem())).findFirst().orElse(new Identifier());
    var address = patient.hasAddress() ? patient.getAddressFirstRep() : null;
    CertificateRequest.Person person = new CertificateRequest.Person(
        FhirNames.vietnamese(patient.getName()),
        sex(patient.getGender()),
        birthDate(patient),
        id.getValue(),
        id.getPeriod().hasStart() ? new DateType(id.getPeriod().getStart()).getValueAsString() : null,
        id.hasAssigner() ? id.getAssigner().getDisplay() : null,
        address == null ? null : new CertificateRequest.Address(address.hasLine() ? address.getLine().get(0).getValue() : null,
            address.getState(), address.getDistrict(), address.getCity()));
    Observation alcohol = observation(bundle, "alcohol");
    Observation drug = observation(bundle, "drug-test");
    Observation conclusion = observation(bundle, "conclusion");
    Observation licence = observation(bundle, "licence-class");
    CertificateRequest.Alcohol alcoholValue = alcohol == null || !alcohol.hasValueQuantity() ? null
        : new CertificateRequest.Alcohol(alcohol.getValueQuantity().getValueElement().getValueAsString(), alcoholUnit(alcohol.getValueQuantity().getUnit()));
    Extension reexamination = conclusion == null ? null : conclusion.getExtensionByUrl(FhirIdentifiers.EXT_REEXAMINATION_DATE);
    CertificateRequest.Conclusion conclusionValue = conclusion == null ? null : new CertificateRequest.Conclusion(
        conclusion.hasValueCodeableConcept() ? conclusion.getValueCodeableConcept().getCodingFirstRep().getCode() : null,
        doctor,
        composition.hasDate() ? new DateType(composition.getDate()).getValueAsString() : null,
        reexamination == null || reexamination.getValue() == null ? null : reexamination.getValue().primitiveValue(),
        conclusion.hasNote() ? conclusion.getNoteFirstRep().getText() : null,
        null);
    return new CertificateRequest(
        composition.hasIdentifier() && FhirIdentifiers.CERTIFICATE_NUMBER.equals(composition.getIdentifier().getSystem()) ? composition.getIdentifier().getValue() : null,
        facility, person,
        licenceClass(licence),
        licenceClassSystem(licence),
        alcoholValue,
        drug == null || !drug.hasValueCodeableConcept() ? null : drug.getValueCodeableConcept().getCodingFirstRep().getCode(),
        conclusionValue);
  }

  /** {@code valueString} (a 2025 class, or a name only the 2008 law has), or a {@code valueCodeableConcept} coded in one of the two class systems. */
  private static String licenceClass(Observation licence) {
    if (licence == null || licence.getValue() == null) {
      return null;
    }
    return licence.getValue() instanceof CodeableConcept concept ? concept.getCodingFirstRep().getCode() : licence.getValue().primitiveValue();
  }

  private static String licenceClassSystem(Observation licence) {
    if (licence == null || !(licence.getValue() instanceof CodeableConcept concept)) {
      return null;
    }
    String system = concept.getCodingFirstRep().getSystem();
    return FhirIdentifiers.LICENCE_CLASS_2008.equals(system) ? "LAW_2008" : FhirIdentifiers.LICENCE_CLASS_2024.equals(system) ? "LAW_2024" : system;
  }

  private static String alcoholUnit(String unit) {
    if (unit == null) {
      return null;
    }
    return switch (unit.replace(" ", "").toLowerCase(java.util.Locale.ROOT)) {
      case "mg/l", "mg/lbreath" -> "MG_PER_L_BREATH";
      case "mg/100ml", "mg/dl" -> "MG_PER_100ML_BLOOD";
      default -> unit;
    };
  }

  /** The bundle's one result for {@code code}; two are ambiguous (which alcohol value is the certificate's?) and refused. */
  private static Observation observation(Bundle bundle, String code) {
    List<Observation> found = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Observation.class::isInstance)
        .map(Observation.class::cast)
        .filter(o -> o.getCode().getCoding().stream().anyMatch(c -> FhirIdentifiers.CERTIFICATE_ITEM.equals(c.getSystem()) && code.equals(c.getCode())))
        .toList();
    if (found.size() > 1) {
      throw new GatewayException(ErrorCode.FHIR_REQUEST_INVALID, "Observation " + code);
    }
    return found.isEmpty() ? null : found.get(0);
  }

  private static <T extends Resource> Optional<T> entry(Bundle bundle, Reference reference, Class<T> type) {
    if (reference == null || !reference.hasReference()) {
      return Optional.empty();
    }
    String ref = reference.getReference();
    return bundle.getEntry().stream()
        .filter(e -> ref.equals(e.getFullUrl()) || (e.getResource() != null && ref.equals(e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart())))
        .map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).findFirst();
  }

  private static Optional<String> facility(DomainResource container, Reference provider) {
    if (provider.hasIdentifier() && FhirIdentifiers.FACILITY_CODE.equals(provider.getIdentifier().getSystem())) {
      return Optional.ofNullable(provider.getIdentifier().getValue());
    }
    return resolve(container, provider, Organization.class).map(o -> identifier(o.getIdentifier(), FhirIdentifiers.FACILITY_CODE));
  }

  private static <T extends Resource> Optional<T> resolve(DomainResource container, Reference reference, Class<T> type) {
    if (reference == null || !reference.hasReference()) {
      return Optional.empty();
    }
    String id = reference.getReference().startsWith("#") ? reference.getReference().substring(1) : reference.getReference();
    return container.getContained().stream().filter(type::isInstance)
        .filter(r -> id.equals(r.getIdElement().getIdPart()) || ("#" + id).equals(r.getId()) || id.equals(r.getId()))
        .map(type::cast).findFirst();
  }

  /** The value of the first identifier of {@code system} that has one (an identifier without a value is no identifier). */
  private static String identifier(List<Identifier> identifiers, String system) {
    return identifiers.stream().filter(i -> system.equals(i.getSystem())).map(Identifier::getValue).filter(Objects::nonNull).findFirst().orElse(null);
  }

  private static String coding(List<CodeableConcept> concepts, String system) {
    return concepts.stream().flatMap(c -> c.getCoding().stream()).filter(c -> system.equals(c.getSystem())).map(Coding::getCode)
        .filter(Objects::nonNull).findFirst().orElse(null);
  }

  private static CheckInRequest.Item item(Encounter encounter, String url) {
    Extension extension = encounter.getExtensionByUrl(url);
    if (extension == null || !(extension.getValue() instanceof Coding coding)) {
      return null;
    }
    return new CheckInRequest.Item(coding.getCode(), coding.getDisplay());
  }

  private static String dateTime(Extension extension) {
    return extension != null && extension.getValue() instanceof DateTimeType time ? time.getValueAsString() : null;
  }

  private static String birthDate(Patient patient) {
    return patient.hasBirthDateElement() ? patient.getBirthDateElement().getValueAsString() : null;
  }

  /** The birth date, or the time of birth when the standard {@code patient-birthTime} extension carries it (a newborn's check-in). */
  private static String birthDateAndTime(Patient patient) {
    Extension time = patient.hasBirthDateElement() ? patient.getBirthDateElement().getExtensionByUrl(FhirIdentifiers.EXT_BIRTH_TIME) : null;
    return time != null && time.getValue() instanceof DateTimeType dateTime && dateTime.hasValue() ? dateTime.getValueAsString() : birthDate(patient);
  }

  private static String sex(AdministrativeGender gender) {
    if (gender == null) {
      return null;
    }
    return switch (gender) {
      case MALE -> "MALE";
      case FEMALE -> "FEMALE";
      case OTHER, UNKNOWN -> "UNDETERMINED";
      default -> null;
    };
  }
}
