package vn.healthgate.gateway.eligibility;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import vn.healthgate.routes.eligibility.EligibilityQuery;
import vn.healthgate.routes.eligibility.EligibilityResult;
import vn.healthgate.routes.eligibility.EligibilityResultStore;
import vn.healthgate.gateway.persistence.GroupCommit;

/**
 * Appends each answered check to {@code eligibility_check} (the latest per person feeds check-in notices). Concurrent checks share
 * one commit ({@link GroupCommit}); each returns once its row is committed.
 */
@Repository
public class JdbcEligibilityResultStore implements EligibilityResultStore {
  private static final String INSERT = "insert into eligibility_check"
      + " (checked_at, facility_code, cccd, card_number, portal_code, outcome, registered_facility, valid_from, valid_to) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final GroupCommit<Object[]> commits = new GroupCommit<>(this::insert, 500);

  public JdbcEligibilityResultStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
  }

  @Override
  public void save(EligibilityQuery query, EligibilityResult result) {
    EligibilityResult.Card card = result.newCard() != null && result.eligible() ? result.newCard() : result.card();
    commits.write(new Object[] {
        Timestamp.from(result.checkedAt().toInstant()),
        query.facilityCode(),
        query.cccd() == null ? null : query.cccd().digits(),
        card == null ? query.cardNumber() : card.number(),
        result.portalCode(),
        result.outcome().name(),
        card == null ? null : card.registeredFacility(),
        card == null || card.validFrom() == null ? null : Date.valueOf(card.validFrom()),
        card == null || card.validTo() == null ? null : Date.valueOf(card.validTo())});
  }

  private void insert(List<Object[]> rows) {
    transactions.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, rows));
  }
}
