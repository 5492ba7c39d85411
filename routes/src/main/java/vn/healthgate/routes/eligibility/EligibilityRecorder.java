package vn.healthgate.routes.eligibility;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stores each answered check; a storage failure is logged and does not fail the reception desk's answer. */
public class EligibilityRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(EligibilityRecorder.class);
  private final EligibilityResultStore store;

  public EligibilityRecorder(EligibilityResultStore store) {
    this.store = store;
  }

  public EligibilityResult record(EligibilityQuery query, EligibilityResult result) {
    try {
      store.save(query, result);
    } catch (RuntimeException e) {
      LOG.warn("could not store the eligibility result for {}: {}", query, e.toString());
    }
    return result;
  }
}
