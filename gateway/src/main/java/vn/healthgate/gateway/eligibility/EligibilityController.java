package vn.healthgate.gateway.eligibility;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.healthgate.gateway.security.Caller;
import vn.healthgate.gateway.web.ProblemCodes;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.eligibility.EligibilityRequest;
import vn.healthgate.routes.eligibility.EligibilityResult;

/** {@code POST /api/v1/eligibility-checks}: CCCD, QR text or card number in, insurance eligibility out. */
@RestController
@Tag(name = "Eligibility", description = "Is this person insured today? Synchronous, for the reception desk")
class EligibilityController {
  private final EligibilityGateway gateway;

  EligibilityController(EligibilityGateway gateway) {
    this.gateway = gateway;
  }

  @PostMapping(path = "/api/v1/eligibility-checks", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Check a person's health-insurance eligibility at the portal")
  @ProblemCodes({ErrorCode.FACILITY_ONLY, ErrorCode.FACILITY_FORBIDDEN, ErrorCode.RATE_LIMITED, ErrorCode.FACILITY_MISSING, ErrorCode.FACILITY_UNKNOWN,
      ErrorCode.TEXT_CHARACTERS, ErrorCode.PATIENT_ID_MISSING, ErrorCode.PATIENT_ID_AMBIGUOUS, ErrorCode.CCCD_FORMAT, ErrorCode.CCCD_PROVINCE,
      ErrorCode.CCCD_CENTURY, ErrorCode.CCCD_BIRTHYEAR, ErrorCode.CCCD_SEX, ErrorCode.QR_FIELDS, ErrorCode.QR_FORMAT, ErrorCode.QR_ISSUE_DATE,
      ErrorCode.CARD_FORMAT, ErrorCode.NAME_MISSING, ErrorCode.NAME_FORMAT, ErrorCode.BIRTHDATE_MISSING, ErrorCode.BIRTHDATE_FORMAT,
      ErrorCode.BIRTHDATE_FUTURE, ErrorCode.SEX_INVALID, ErrorCode.OFFICER_MISSING, ErrorCode.OFFICER_INVALID, ErrorCode.OFFICER_CCCD_FORMAT,
      ErrorCode.OFFICER_CCCD_PROVINCE, ErrorCode.PORTAL_UNAVAILABLE, ErrorCode.PORTAL_TIMEOUT, ErrorCode.PORTAL_CIRCUIT_OPEN,
      ErrorCode.PORTAL_LOGIN_REFUSED, ErrorCode.AUDIT_UNAVAILABLE})
  EligibilityResult check(@RequestBody EligibilityRequest request, HttpServletRequest http) {
    return gateway.check(request, Caller.facilityOf(http));
  }
}
