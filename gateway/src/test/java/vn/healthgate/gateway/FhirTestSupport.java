package vn.healthgate.gateway;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import vn.healthgate.routes.fhir.FhirIdentifiers;

/** Builds FHIR requests for simulator citizens and validates responses against base R4 (offline, HAPI's validator). */
final class FhirTestSupport {
  static final FhirContext FHIR = FhirContext.forR4Cached();
  private static FhirValidator validator;

  private FhirTestSupport() {}

  static synchronized FhirValidator validator() {
    if (validator == null) {
      ValidationSupportChain chain = new ValidationSupportChain(
          new DefaultProfileValidationSupport(FHIR),
          new InMemoryTerminologyServerValidationSupport(FHIR),
          new CommonCodeSystemsTerminologyService(FHIR),
          new SnapshotGeneratingValidationSupport(FHIR));
      FhirInstanceValidator module = new FhirInstanceValidator(chain);
      validator = FHIR.newValidator().registerValidatorModule(module);
    }
    return validator;
  }

  /** Error and fatal messages of validating {@code resource} against base R4. */
  static List<String> validationErrors(IBaseResource resource) {
    ValidationResult result = validator().validateWithResult(resource);
    return result.getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(m -> m.getLocationString() + ": " + m.getMessage())
        .toList();
  }

  static String eligibilityRequest(JsonNode citizen) {
    return eligibilityRequest(citizen, new HumanName().setText(citizen.get("fullName").asText()));
  }

  /** The request for this simulator citizen with the patient's name as {@code name}. */
  static String eligibilityRequest(JsonNode citizen, HumanName name) {
    CoverageEligibilityRequest request = new CoverageEligibilityRequest();
    request.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
    request.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.VALIDATION);
    request.setCreated(new java.util.Date());
    Patient patient = new Patient();
    patient.setId("patient");
    if ("CARD_NUMBER".equals(citizen.get("lookupBy").asText())) {
      patient.addIdentifier(new Identifier().setSystem(FhirIdentifiers.CARD_NUMBER).setValue(citizen.get("cardNumber").asText()));
    } else {
      patient.addIdentifier(new Identifier().setSystem(FhirIdentifiers.CCCD).setValue(citizen.get("cccd").asText()));
    }
    patient.addName(name);
    patient.setBirthDateElement(new DateType(citizen.get("birthDate").asText()));
    patient.setGender("FEMALE".equals(citizen.get("sex").asText()) ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
    request.addContained(patient);
    request.setPatient(new Reference("#patient"));
    Practitioner officer = new Practitioner();
    officer.setId("officer");
    officer.addIdentifier(new Identifier().setSystem(FhirIdentifiers.CCCD).setValue(citizen.get("officer").get("cccd").asText()));
    officer.addName(new HumanName().setText(citizen.get("officer").get("fullName").asText()));
    request.addContained(officer);
    request.setEnterer(new Reference("#officer"));
    request.setProvider(new Reference().setIdentifier(new Identifier().setSystem(FhirIdentifiers.FACILITY_CODE).setValue(citizen.get("facilityCode").asText())));
    request.setInsurer(new Reference().setDisplay("Bảo hiểm xã hội Việt Nam"));
    return FHIR.newJsonParser().encodeResourceToString(request);
  }
}
