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

  /** The answer without the request it answers (tests); {@link #toResponse(EligibilityResult, CoverageEligibilityRequest)} otherwise. */
  public CoverageEligibilityResponse toResponse(EligibilityResult result) {
    return toResponse(result, new CoverageEligibilityRequest());
  }

  /**
   * The answer to {@code request}: {@code request} refers to it by the identifier the HIS gave it (else by the id the
   * gateway gives the check, also the response's identifier), the patient keeps the identifier that was sent, and
   * {@code insurance[]} is present for every portal code ({@code inforce} = eligible; absent when the portal could not tell).
   */
  public CoverageEligibilityResponse toResponse(EligibilityResult result, CoverageEligibilityRequest request) {
    CoverageEligibilityResponse response = new CoverageEligibilityResponse();
    Identifier checkId = new Identifier().setSystem(FhirIdentifiers.ELIGIBILITY_CHECK_ID).setValue(UUID.randomUUID().toString());
    response.addIdentifier(checkId);
    response.setStatus(CoverageEligibilityResponse.EligibilityResponseStatus.ACTIVE);
    response.addPurpose(CoverageEligibilityResponse.EligibilityResponsePurpose.VALIDATION);
    response.setCreatedElement(FhirReadBack.dateTime(result.checkedAt().toInstant()));
    response.setRequest(new Reference().setIdentifier(request.hasIdentifier() ? request.getIdentifierFirstRep().copy() : checkId.copy()));
    response.setOutcome(result.outcome() == Outcome.RETRY_LATER
        ? org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome.ERROR
        : org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome.COMPLETE);
    response.setDisposition(result.message());

    Organization insurer = new Organization();
    insurer.setId("insurer");
    insurer.setName("Bảo hiểm xã hội Việt Nam");
    response.addContained(insurer);
    response.setInsurer(new Reference("#insurer"));

    Patient patient = patient(result, request);
    response.addContained(patient);
    response.setPatient(new Reference("#patient"));

    Coding portalCode = new Coding(FhirIdentifiers.PORTAL_RESULT_CODE, result.portalCode(), portalDisplay(result));
    response.addExtension(FhirIdentifiers.EXT_PORTAL_RESULT, portalCode);
    response.addExtension(FhirIdentifiers.EXT_OUTCOME, new CodeType(result.outcome().name()));
    response.addExtension(FhirIdentifiers.EXT_MESSAGE_VI, new StringType(result.messageVi()));
    if (result.category() != null) {
      response.addExtension(FhirIdentifiers.EXT_RESULT_CATEGORY, new Coding(FhirIdentifiers.RESULT_CATEGORY, result.category().name(), null));
    }
    for (EligibilityResult.Visit visit : result.history() == null ? java.util.List.<EligibilityResult.Visit>of() : result.history()) {
      response.addExtension(visit(visit));
    }
    if (!result.eligible()) {
      response.addError().setCode(new CodeableConcept(portalCode.copy()).setText(result.message()));
    }
    boolean known = result.outcome() != Outcome.RETRY_LATER;
    if (result.card() != null) {
      Coverage coverage = coverage("coverage", result.card());
      response.addContained(coverage);
      // 003: the old card has expired, the new one is the one in force
      boolean inforce = result.eligible() && !(result.newCard() != null && "003".equals(result.portalCode()));
      CoverageEligibilityResponse.InsuranceComponent insurance = response.addInsurance().setCoverage(new Reference("#coverage"))
          .setBenefitPeriod(period(result.card().validFrom(), result.card().validTo()));
      if (known) {
        insurance.setInforce(inforce);
      }
    }
    if (result.newCard() != null) {
      Coverage coverage = coverage("new-coverage", result.newCard());
      response.addContained(coverage);
      CoverageEligibilityResponse.InsuranceComponent insurance = response.addInsurance().setCoverage(new Reference("#new-coverage"))
          .setBenefitPeriod(period(result.newCard().validFrom(), result.newCard().validTo()));
      if (known) {
        insurance.setInforce(result.eligible());
      }
    }
    if (result.card() == null && result.newCard() == null) {
      // no card in the answer (130: a child without a card is insured all the same; 050: none found)
      Coverage coverage = new Coverage();
      coverage.setId("coverage");
      coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
      coverage.setBeneficiary(new Reference("#patient"));
      coverage.addPayor(new Reference("#insurer"));
      response.addContained(coverage);
      CoverageEligibilityResponse.InsuranceComponent insurance = response.addInsurance().setCoverage(new Reference("#coverage"));
      if (known) {
        insurance.setInforce(result.eligible());
      }
    }
    return response;
  }

  /** The portal code's display is the catalogue's English text (what the served CodeSystem says); the answer's own text is {@code disposition}. */
  private static String portalDisplay(EligibilityResult result) {
    return vn.healthgate.routes.eligibility.PortalResultCode.of(result.portalCode()).map(c -> c.english()).orElse(result.message());
  }

  private static Extension visit(EligibilityResult.Visit visit) {
    Extension extension = new Extension(FhirIdentifiers.EXT_VISIT_HISTORY);
    if (visit.recordId() != null) {
      extension.addExtension("recordId", new StringType(visit.recordId()));
    }
    if (visit.facilityCode() != null) {
      extension.addExtension("facility", new Identifier().setSystem(FhirIdentifiers.FACILITY_CODE).setValue(visit.facilityCode()));
    }
    if (visit.arrivedAt() != null) {
      extension.addExtension("arrivedAt", FhirReadBack.dateTime(visit.arrivedAt().toInstant()));
    }
    if (visit.leftAt() != null) {
      extension.addExtension("leftAt", FhirReadBack.dateTime(visit.leftAt().toInstant()));
    }
    if (visit.diagnosis() != null) {
      extension.addExtension("diagnosis", new StringType(visit.diagnosis()));
    }
    return extension;
  }

  private static Patient patient(EligibilityResult result, CoverageEligibilityRequest request) {
    Patient patient = new Patient();
    patient.setId("patient");
    EligibilityResult.Patient p = result.patient();
    resolve(request, request.getPatient(), Patient.class).ifPresent(sent -> sent.getIdentifier().stream()
        .filter(i -> FhirIdentifiers.CCCD.equals(i.getSystem()) && i.hasValue())
        .findFirst().ifPresent(i -> patient.addIdentifier().setSystem(FhirIdentifiers.CCCD).setValue(i.getValue())));
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
    if (card.fiveYearsContinuousFrom() != null) {
      coverage.addExtension(FhirIdentifiers.EXT_FIVE_YEARS_CONTINUOUS_FROM, new DateType(card.fiveYearsContinuousFrom().toString()));
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
