package vn.healthgate.routes.delivery;

import java.util.Optional;

/**
 * The latest eligibility result for a person (by CCCD) that the same facility checked, implemented over the eligibility
 * store. Another facility's checks are never used: a facility key must not read someone's card by a CCCD alone.
 */
public interface LatestEligibility {
  Optional<CardSnapshot> latestCard(String facilityCode, String cccd);
}
