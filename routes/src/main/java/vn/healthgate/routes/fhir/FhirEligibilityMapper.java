package vn.healthgate.routes.fhir;

import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import vn.healthgate.routes.eligibility.EligibilityRequest;
import vn.healthgate.routes.eligibility.EligibilityResult;
import vn.healthgate.routes.eligibility.Outcome;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.identity.Sex;

/**
 * Maps {@code CoverageEligibilityRequest} onto the gateway's {@link EligibilityRequest}, and the
 * {@link EligibilityResult} onto a {@code CoverageEligibilityResponse} with the patient, the insurer
 * and the card ({@code Coverage}) contained.
 */
public class FhirEligibilityMapper {

  /** The eligibility check a CoverageEligibilityRequest asks for; a resource the mapping cannot use is {@code 422 GW-FHIR-INVALID}. */
  public EligibilityRequest toRequest(CoverageEligibilityRequest request) {
    try {
      return map(request);
    } catch (GatewayException e) {
      throw e;
    } catch (RuntimeException e) {
      throw UnusableResource.of("CoverageEligibilityRequest", e);
    }
  }

  private EligibilityRequest map(CoverageEligibilityRequest request) {
    String facility = facilityCode(request).orElse(null);
    Patient patient = resolve(request, request.getPatient(), Patient.class)
        .orElseThrow(() -> new GatewayException(ErrorCode.FHIR_REQUEST_INVALID, "CoverageEligibilityRequest.patient"));
    String cccd = identifier(patient, FhirIdentifiers.CCCD);
    String card = Optional.ofNullable(identifier(patient, FhirIdentifiers.CARD_NUMBER))
        .orElse(identifier(patient, FhirIdentifiers.SOCIAL_INSURANCE_NUMBER));
    Extension qrExtension = patient.getExtensionByUrl(FhirIdentifiers.EXT_CCCD_QR);
    String qr = qrExtension == null || qrExtension.getValue() == null ? null : qrExtension.getValue().primitiveValue();
    String name = FhirNames.vietnamese(patient.getName());
    String birth = null;
    if (patient.hasBirthDateElement()) {
      DateType date = patient.getBirthDateElement();
      birth = date.getPrecision() == TemporalPrecisionEnum.YEAR ? String.valueOf(date.getYear()) : date.getValueAsString();
    }
    String sex = switch (patient.getGender() == null ? AdministrativeGender.NULL : patient.getGender()) {
      case MALE -> "MALE";
      case FEMALE -> "FEMALE";
      case OTHER, UNKNOWN -> "UNDETERMINED";
      default -> null;
    };
    EligibilityRequest.Officer officer = resolve(request, request.getEnterer(), Practitioner.class)
        .map(p -> new EligibilityRequest.Officer(FhirNames.vietnamese(p.getName()), identifier(p, FhirIdentifiers.CCCD)))
        .orElse(null);
    return new EligibilityRequest(facility, cccd, qr, card, blankToNull(name), birth, sex, officer, false);
  }

  private static Optional<String> facilityCode(CoverageEligibilityRequest request) {
    Reference provider = request.getProvider();
    if (provider.hasIdentifier() && FhirIdentifiers.FACILITY_CODE.equals(provider.getIdentifier().getSystem())) {
      return Optional.ofNullable(provider.getIdentifier().getValue());
    }
    return resolve(request, provider, Organization.class).map(o -> identifier(o, FhirIdentifiers.FACILITY_CODE));
  }

  public CoverageEligibilityResponse toResponse(EligibilityResult result) {
    CoverageEligibilityResponse response = new CoverageEligibilityResponse();
    response.setStatus(CoverageEligibilityResponse.EligibilityResponseStatus.ACTIVE);
    response.addPurpose(CoverageEligibilityResponse.EligibilityResponsePurpose.VALIDATION);
    response.setCreated(Date.from(result.checkedAt().toInstant()));
    response.setRequest(new Reference().setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + UUID.randomUUID())));
    response.setOutcome(result.outcome() == Outcome.RETRY_LATER
        ? org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome.ERROR
        : org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome.COMPLETE);
    response.setDisposition(result.message());

    Organization insurer = new Organization();
    insurer.setId("insurer");
    insurer.setName("Bảo hiểm xã hội Việt Nam");
    response.addContained(insurer);
    response.setInsurer(new Reference("#insurer"));

    Patient patient = patient(result);
    response.addContained(patient);
    response.setPatient(new Reference("#patient"));

    Coding portalCode = new Coding(FhirIdentifiers.PORTAL_RESULT_CODE, result.portalCode(), result.message());
    response.addExtension(FhirIdentifiers.EXT_PORTAL_RESULT, portalCode);
    response.addExtension(FhirIdentifiers.EXT_OUTCOME, new CodeType(result.outcome().name()));
    response.addExtension(FhirIdentifiers.EXT_MESSAGE_VI, new StringType(result.messageVi()));
    if (!result.eligible()) {
      response.addError().setCode(new CodeableConcept(portalCode.copy()).setText(result.message()));
    }
    if (result.card() != null) {
      Coverage coverage = coverage("coverage", result.card());
      response.addContained(coverage);
      response.addInsurance().setCoverage(new Reference("#coverage")).setInforce(result.eligible())
          .setBenefitPeriod(period(result.card().validFrom(), result.card().validTo()));
    }
    if (result.newCard() != null) {
      Coverage coverage = coverage("new-coverage", result.newCard());
      response.addContained(coverage);
      response.addInsurance().setCoverage(new Reference("#new-coverage")).setInforce(result.eligible())
          .setBenefitPeriod(period(result.newCard().validFrom(), result.newCard().validTo()));
    }
    return response;
  }

  private static Patient patient(EligibilityResult result) {
    Patient patient = new Patient();
    patient.setId("patient");
    EligibilityResult.Patient p = result.patient();
    if (result.card() != null && result.card().socialInsuranceNumber() != null) {
      patient.addIdentifier().setSystem(FhirIdentifiers.SOCIAL_INSURANCE_NUMBER).setValue(result.card().socialInsuranceNumber());
    }
    if (p == null) {
      return patient;
    }
    patient.addName(new HumanName().setText(p.fullName()));
    if (p.birthDate() != null) {
      patient.setBirthDateElement(p.birthDate().length() == 4
          ? new DateType(p.birthDate())
          : new DateType(java.sql.Date.valueOf(LocalDate.parse(p.birthDate())), TemporalPrecisionEnum.DAY));
    }
    patient.setGender(p.sex() == Sex.MALE ? AdministrativeGender.MALE : p.sex() == Sex.FEMALE ? AdministrativeGender.FEMALE : AdministrativeGender.UNKNOWN);
    if (p.address() != null) {
      patient.addAddress(new Address().setText(p.address()));
    }
    return patient;
  }

  private static Coverage coverage(String id, EligibilityResult.Card card) {
    Coverage coverage = new Coverage();
    coverage.setId(id);
    coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
    coverage.addIdentifier().setSystem(FhirIdentifiers.CARD_NUMBER).setValue(card.number());
    coverage.setSubscriberId(card.number());
    coverage.setBeneficiary(new Reference("#patient"));
    coverage.addPayor(new Reference("#insurer"));
    coverage.setPeriod(period(card.validFrom(), card.validTo()));
    if (card.benefitLevel() != null) {
      coverage.addClass_()
          .setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/coverage-class", "plan", "Plan")))
          .setValue(String.valueOf(card.benefitLevel()))
          .setName("Mức hưởng " + card.benefitLevel());
    }
    if (card.registeredFacility() != null) {
      coverage.setNetwork(card.registeredFacility());
    }
    return coverage;
  }

  private static Period period(LocalDate from, LocalDate to) {
    Period period = new Period();
    if (from != null) {
      period.setStartElement(new org.hl7.fhir.r4.model.DateTimeType(from.toString()));
    }
    if (to != null) {
      period.setEndElement(new org.hl7.fhir.r4.model.DateTimeType(to.toString()));
    }
    return period;
  }

  private static <T extends Resource> Optional<T> resolve(DomainResource container, Reference reference, Class<T> type) {
    if (reference == null || !reference.hasReference()) {
      return Optional.empty();
    }
    if (type.isInstance(reference.getResource())) {
      return Optional.of(type.cast(reference.getResource()));
    }
    String id = reference.getReference().startsWith("#") ? reference.getReference().substring(1) : reference.getReference();
    return container.getContained().stream()
        .filter(type::isInstance)
        .filter(r -> id.equals(r.getIdElement().getIdPart()) || ("#" + id).equals(r.getId()) || id.equals(r.getId()))
        .map(type::cast)
        .findFirst();
  }

  private static String identifier(DomainResource resource, String system) {
    java.util.List<Identifier> identifiers = java.util.List.of();
    if (resource instanceof Patient p) {
      identifiers = p.getIdentifier();
    } else if (resource instanceof Practitioner p) {
      identifiers = p.getIdentifier();
    } else if (resource instanceof Organization o) {
      identifiers = o.getIdentifier();
    }
    // the first identifier of the system with a value (an identifier without a value is no identifier)
    return identifiers.stream().filter(i -> system.equals(i.getSystem())).map(Identifier::getValue).filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
