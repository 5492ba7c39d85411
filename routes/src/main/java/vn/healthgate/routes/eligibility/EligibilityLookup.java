package vn.healthgate.routes.eligibility;

import java.util.Optional;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.identity.TonePlacement;
import vn.healthgate.routes.portal.CardLookupReply;
import vn.healthgate.routes.portal.CardLookupRequest;
import vn.healthgate.routes.portal.PortalAccount;
import vn.healthgate.routes.portal.ResilientPortal;

/**
 * Looks a validated query up at the portal with the facility's account and maps the reply. A name the portal says
 * is wrong (060, 061) is asked once more spelled with the other tone-mark placement when it has a syllable that can
 * be spelled two ways ({@code HÒA}/{@code HOÀ}, {@link TonePlacement}; ADR 0013). The second answer counts only if
 * the portal got past the name with it (the birth date, 070, or the card's state): otherwise the first answer stands.
 */
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
    CardLookupRequest request = query.toPortalRequest();
    CardLookupReply reply = portal.lookupCard(account, request);
    if ("060".equals(reply.maKetQua()) || "061".equals(reply.maKetQua())) {
      Optional<String> otherSpelling = TonePlacement.otherPlacement(request.hoTen());
      if (otherSpelling.isPresent()) {
        CardLookupRequest respelled = new CardLookupRequest(request.maThe(), otherSpelling.get(), request.ngaySinh(), request.hoTenCb(), request.cccdCb());
        CardLookupReply again = portal.lookupCard(account, respelled);
        if (nameMatched(again.maKetQua())) {
          request = respelled;
          reply = again;
        }
      }
    }
    CardLookupReply history = null;
    if (query.includeHistory() && PortalResultCode.of(reply.maKetQua()).map(c -> c.category() == ResultCategory.CARD).orElse(false)) {
      history = portal.history(account, request);
    }
    return mapper.map(reply, history);
  }

  /** The portal checks the name after the card number and the record, and before the birth date and the card's state. */
  private static boolean nameMatched(String code) {
    return "070".equals(code) || (!"050".equals(code) && code != null && PortalResultCode.of(code).map(c -> c.category() == ResultCategory.CARD).orElse(false));
  }
}
