package vn.healthgate.routes.delivery;

import java.util.Optional;

/** The latest eligibility result for a person (by CCCD), implemented over the eligibility store. */
public interface LatestEligibility {
  Optional<CardSnapshot> latestCard(String cccd);
}
