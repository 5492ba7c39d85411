package vn.healthgate.routes.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.portal.PasswordHash;
import vn.healthgate.routes.portal.PortalAccount;
import vn.healthgate.routes.portal.PortalClient;
import vn.healthgate.routes.portal.PortalSettings;
import vn.healthgate.routes.portal.ResilientPortal;
import vn.healthgate.simulator.PortalSimulator;
import vn.healthgate.simulator.SimulatorSettings;
import vn.healthgate.simulator.data.Citizen;
import vn.healthgate.simulator.data.Facilities;

/**
 * ADR 0013 against the simulated portal, which, like the portal, tells {@code HÒA} from {@code HOÀ}: a name that fails
 * only by where its tone mark sits is asked once more in the other spelling; any other wrong name keeps its answer.
 */
class EligibilityLookupIT {
  private static final Clock CLOCK = Clock.systemUTC();
  private static PortalSimulator simulator;
  private static ResilientPortal portal;
  private static EligibilityLookup lookup;
  private final EligibilityValidator validator = new EligibilityValidator(CLOCK);

  @BeforeAll
  static void start() {
    simulator = PortalSimulator.start(SimulatorSettings.defaults().withPort(0).withClock(CLOCK));
    PortalClient client = new PortalClient(new PortalSettings(URI.create(simulator.baseUrl()), Duration.ofSeconds(1), Duration.ofSeconds(3),
        Duration.ofSeconds(60), Duration.ofMinutes(50), Duration.ofSeconds(20)), CLOCK);
    portal = new ResilientPortal(client, CircuitBreakerRegistry.ofDefaults(),
        TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(10)).build()));
    FacilityDirectory facilities = new FacilityDirectory() {
      @Override
      public Optional<PortalAccount> lookupAccount(String code) {
        return Optional.of(new PortalAccount(code + "_BV", PasswordHash.md5UpperHex(Facilities.devBvPassword(code))));
      }

      @Override
      public Optional<PortalAccount> certificateAccount(String code) {
        return Optional.empty();
      }

      @Override
      public String provinceCode(String code) {
        return "75";
      }

      @Override
      public String name(String code) {
        return code;
      }
    };
    lookup = new EligibilityLookup(facilities, portal, new EligibilityMapper(CLOCK));
  }

  @AfterAll
  static void stop() {
    portal.close();
    simulator.close();
  }

  /** Lookups before the test (the session token stays valid across tests, so each lookup is one request). */
  private long lookupsBefore;

  @BeforeEach
  void countFromHere() {
    lookupsBefore = simulator.state().requestCount("card-lookup");
  }

  /** A citizen answering 000 by CCCD whose registered name ends with {@code given}. */
  private static Citizen registeredAs(String given) {
    return simulator.state().population().withExpectedCode("000", 10_000).stream()
        .filter(c -> c.presented().lookupBy() == Citizen.LookupBy.CCCD && c.registry().fullName().endsWith(" " + given))
        .findFirst().orElseThrow();
  }

  private EligibilityResult lookUp(Citizen citizen, String name) {
    EligibilityRequest request = new EligibilityRequest(citizen.presented().facilityCode(), citizen.registry().cccd(), null, null, name,
        citizen.presented().birthDate(), null, new EligibilityRequest.Officer(citizen.presented().officer().fullName(), citizen.presented().officer().cccd()),
        false);
    return lookup.lookup(validator.validate(request));
  }

  private static String withGiven(Citizen citizen, String given) {
    String name = citizen.registry().fullName();
    return name.substring(0, name.lastIndexOf(' ') + 1) + given;
  }

  private long portalLookups() {
    return simulator.state().requestCount("card-lookup") - lookupsBefore;
  }

  @Test
  void aNameRegisteredWithTheMarkOnTheSecondVowelIsFoundWhenTypedWithItOnTheFirst() {
    Citizen citizen = registeredAs("HOÀ");

    EligibilityResult result = lookUp(citizen, withGiven(citizen, "HÒA"));

    assertThat(result.portalCode()).isEqualTo("000");
    assertThat(result.patient().fullName()).isEqualTo(citizen.registry().fullName());
    assertThat(portalLookups()).isEqualTo(2);
  }

  @Test
  void aNameRegisteredWithTheMarkOnTheFirstVowelIsFoundWhenTypedWithItOnTheSecond() {
    Citizen citizen = registeredAs("HÒA");

    assertThat(lookUp(citizen, withGiven(citizen, "HOÀ")).portalCode()).isEqualTo("000");
    assertThat(portalLookups()).isEqualTo(2);
  }

  @Test
  void aNameTypedAsRegisteredIsAskedOnce() {
    Citizen citizen = registeredAs("HOÀ");

    assertThat(lookUp(citizen, citizen.registry().fullName()).portalCode()).isEqualTo("000");
    assertThat(portalLookups()).isEqualTo(1);
  }

  @Test
  void anotherNameKeepsThePortalsFirstAnswerAfterTheOneRetry() {
    Citizen citizen = registeredAs("HOÀ");

    assertThat(lookUp(citizen, withGiven(citizen, "THỦY")).portalCode()).isEqualTo("061");
    assertThat(portalLookups()).isEqualTo(2);
  }

  @Test
  void aWrongNameWithNoSyllableSpelledTwoWaysIsNotRetried() {
    Citizen citizen = registeredAs("HOÀ");

    assertThat(lookUp(citizen, withGiven(citizen, "LAN")).portalCode()).isEqualTo("061");
    assertThat(portalLookups()).isEqualTo(1);
  }
}
