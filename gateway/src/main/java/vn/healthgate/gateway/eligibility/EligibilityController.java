package vn.healthgate.gateway.eligibility;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.healthgate.gateway.security.Caller;
import vn.healthgate.routes.eligibility.EligibilityRequest;
import vn.healthgate.routes.eligibility.EligibilityResult;

/** {@code POST /api/v1/eligibility-checks}: CCCD, QR text or card number in, insurance eligibility out. */
@RestController
class EligibilityController {
  private final EligibilityGateway gateway;

  EligibilityController(EligibilityGateway gateway) {
    this.gateway = gateway;
  }

  @PostMapping(path = "/api/v1/eligibility-checks", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  EligibilityResult check(@RequestBody EligibilityRequest request, HttpServletRequest http) {
    return gateway.check(request, Caller.facilityOf(http));
  }
}
