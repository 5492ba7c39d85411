package vn.healthgate.gateway.eligibility;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.healthgate.routes.delivery.CardSnapshot;
import vn.healthgate.routes.delivery.LatestEligibility;

/** The card of the latest eligible check of a CCCD by the same facility, from {@code eligibility_check}. */
@Repository
public class JdbcLatestEligibility implements LatestEligibility {
  private final JdbcTemplate jdbc;

  public JdbcLatestEligibility(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<CardSnapshot> latestCard(String facilityCode, String cccd) {
    return jdbc.query("select card_number, registered_facility, valid_from, valid_to from eligibility_check"
            + " where cccd = ? and facility_code = ? and outcome = 'ELIGIBLE' and card_number is not null order by checked_at desc fetch first 1 rows only",
        (rs, n) -> new CardSnapshot(rs.getString(1), rs.getString(2),
            rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate()),
        cccd, facilityCode).stream().findFirst();
  }
}
