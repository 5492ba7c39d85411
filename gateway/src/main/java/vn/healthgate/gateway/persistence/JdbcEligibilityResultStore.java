package vn.healthgate.gateway.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.healthgate.routes.eligibility.EligibilityQuery;
import vn.healthgate.routes.eligibility.EligibilityResult;
import vn.healthgate.routes.eligibility.EligibilityResultStore;

/** Appends each answered check to {@code eligibility_check} (the latest per person feeds check-in notices). */
@Repository
public class JdbcEligibilityResultStore implements EligibilityResultStore {
  private final JdbcTemplate jdbc;

  public JdbcEligibilityResultStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void save(EligibilityQuery query, EligibilityResult result) {
    EligibilityResult.Card card = result.newCard() != null && result.eligible() ? result.newCard() : result.card();
    jdbc.update(
        "insert into eligibility_check (checked_at, facility_code, cccd, card_number, portal_code, outcome, registered_facility, valid_from, valid_to)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        Timestamp.from(result.checkedAt().toInstant()),
        query.facilityCode(),
        query.cccd() == null ? null : query.cccd().digits(),
        card == null ? query.cardNumber() : card.number(),
        result.portalCode(),
        result.outcome().name(),
        card == null ? null : card.registeredFacility(),
        card == null || card.validFrom() == null ? null : Date.valueOf(card.validFrom()),
        card == null || card.validTo() == null ? null : Date.valueOf(card.validTo()));
  }
}
