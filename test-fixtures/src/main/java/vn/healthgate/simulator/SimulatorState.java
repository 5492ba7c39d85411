package vn.healthgate.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.healthgate.simulator.data.Facilities;
import vn.healthgate.simulator.data.Population;
import vn.healthgate.simulator.portal.CardLookup;
import vn.healthgate.simulator.portal.LookupLog;
import vn.healthgate.simulator.portal.ReceivedDocuments;
import vn.healthgate.simulator.portal.RegisteredCertificates;
import vn.healthgate.simulator.portal.SignedDocumentEndpoints;
import vn.healthgate.simulator.portal.TokenStore;

/** Everything the simulated portal remembers; {@link #reset()} returns it to the seeded state. */
public final class SimulatorState {
  private final SimulatorSettings settings;
  private final Facilities facilities;
  private final Population population;
  private final TokenStore tokens;
  private final Faults faults;
  private final LookupLog lookupLog;
  private final CardLookup cardLookup;
  private final RegisteredCertificates certificates;
  private final ReceivedDocuments received = new ReceivedDocuments();
  private final SignedDocumentEndpoints signedDocuments;
  private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();

  SimulatorState(SimulatorSettings settings, Facilities facilities, Population population) {
    this.settings = settings;
    this.facilities = facilities;
    this.population = population;
    this.tokens = new TokenStore(settings.clock(), settings.tokenLifetime());
    this.faults = new Faults(settings.clock());
    this.lookupLog = new LookupLog(settings.clock());
    this.cardLookup = new CardLookup(population, facilities, lookupLog);
    this.certificates = new RegisteredCertificates(settings.clock());
    this.signedDocuments = new SignedDocumentEndpoints(facilities, tokens, certificates, received, settings.clock());
  }

  public void reset() {
    faults.clear();
    tokens.reset();
    tokens.lifetime(settings.tokenLifetime());
    lookupLog.clear();
    requests.clear();
    received.clear();
  }

  void countRequest(String endpoint) {
    requests.computeIfAbsent(endpoint, k -> new AtomicLong()).incrementAndGet();
  }

  public long requestCount(String endpoint) {
    AtomicLong count = requests.get(endpoint);
    return count == null ? 0 : count.get();
  }

  public Map<String, AtomicLong> requestCounts() {
    return requests;
  }

  public Facilities facilities() {
    return facilities;
  }

  public Population population() {
    return population;
  }

  public TokenStore tokens() {
    return tokens;
  }

  public Faults faults() {
    return faults;
  }

  /** Certificates registered per facility and the trusted CAs (kept across {@link #reset()}: they are configuration). */
  public RegisteredCertificates certificates() {
    return certificates;
  }

  public ReceivedDocuments received() {
    return received;
  }

  public SignedDocumentEndpoints signedDocuments() {
    return signedDocuments;
  }

  public CardLookup cardLookup() {
    return cardLookup;
  }

  public SimulatorSettings settings() {
    return settings;
  }
}
