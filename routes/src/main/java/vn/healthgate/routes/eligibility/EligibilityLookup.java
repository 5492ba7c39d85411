package vn.healthgate.routes.eligibility;

import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.portal.CardLookupReply;
import vn.healthgate.routes.portal.PortalAccount;
import vn.healthgate.routes.portal.ResilientPortal;

/** Looks a validated query up at the portal with the facility's account and maps the reply. */
public class EligibilityLookup {
  private final FacilityDirectory facilities;
  private final ResilientPortal portal;
  private final EligibilityMapper mapper;

  public EligibilityLookup(FacilityDirectory facilities, ResilientPortal portal, EligibilityMapper mapper) {
    this.facilities = facilities;
    this.portal = portal;
    this.mapper = mapper;
  }

  public EligibilityResult lookup(EligibilityQuery query) {
    PortalAccount account = facilities.lookupAccount(query.facilityCode())
        .orElseThrow(() -> new GatewayException(ErrorCode.FACILITY_UNKNOWN, "facilityCode"));
    CardLookupReply reply = portal.lookupCard(account, query.toPortalRequest());
    CardLookupReply history = null;
    if (query.includeHistory() && PortalResultCode.of(reply.maKetQua()).map(c -> c.category() == ResultCategory.CARD).orElse(false)) {
      history = portal.history(account, query.toPortalRequest());
    }
    return mapper.map(reply, history);
  }
}
