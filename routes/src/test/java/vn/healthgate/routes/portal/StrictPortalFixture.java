package vn.healthgate.routes.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import vn.healthgate.certs.testing.TestCertificates;
import vn.healthgate.certs.testing.TestCertificates.Purpose;
import vn.healthgate.routes.delivery.CertificateRequest;
import vn.healthgate.routes.delivery.CertificateValidator;
import vn.healthgate.routes.delivery.CheckInRequest;
import vn.healthgate.routes.delivery.CheckInValidator;
import vn.healthgate.routes.delivery.DocumentSigner;
import vn.healthgate.routes.delivery.PortalDocument;
import vn.healthgate.routes.delivery.PortalSender;
import vn.healthgate.routes.eligibility.FacilityDirectory;
import vn.healthgate.simulator.PortalSimulator;
import vn.healthgate.simulator.SimulatorSettings;
import vn.healthgate.simulator.data.Facilities;

/**
 * The gateway's own delivery path (validators, {@link DocumentSigner}, {@link PortalSender} over {@link ResilientPortal}
 * and {@link PortalClient}) against one simulator for all the strict-portal tests, with facility 70001's accounts and a
 * signing certificate the simulator has registered for it. Time is the system clock, for both.
 */
final class StrictPortalFixture {
  static final String FACILITY = "70001";
  static final String FACILITY_NAME = "Bệnh viện Đa khoa tỉnh Bình Phước";
  /** The province the simulator expects as maTinh on its default (current) map: Đồng Nai. */
  static final String PROVINCE = "75";
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  static final ObjectMapper JSON = new ObjectMapper();
  static final PortalAccount BV = new PortalAccount(FACILITY + "_BV", PasswordHash.md5UpperHex(Facilities.devBvPassword(FACILITY)));
  static final PortalAccount HSSK = new PortalAccount(FACILITY + "_HSSK", PasswordHash.md5UpperHex(Facilities.devHsskPassword(FACILITY)));
  private static final AtomicInteger SERIAL = new AtomicInteger();
  private static PortalSimulator simulator;

  private StrictPortalFixture() {}

  static synchronized PortalSimulator simulator() {
    if (simulator == null) {
      simulator = PortalSimulator.start(SimulatorSettings.defaults().withPort(0));
      TestCertificates pki = TestCertificates.get();
      simulator.state().certificates().trust(pki.authority().rootCertificate(), pki.authority().issuingCertificate(), pki.authority().crl());
      simulator.state().certificates().register(FACILITY, pki.credential(Purpose.FACILITY_VALID).certificate());
      Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
    }
    return simulator;
  }

  static PortalClient client() {
    return new PortalClient(new PortalSettings(URI.create(simulator().baseUrl()), Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(60),
        Duration.ofMinutes(50), Duration.ofSeconds(10)), Clock.systemUTC());
  }

  /** The sender the delivery route uses, for a facility directory that gives 70001 the accounts {@code bv} and {@code hssk}. */
  static PortalSender sender(PortalClient client, PortalAccount bv, PortalAccount hssk) {
    ResilientPortal portal = new ResilientPortal(client, CircuitBreakerRegistry.ofDefaults(),
        TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(10)).build()));
    FacilityDirectory directory = new FacilityDirectory() {
      @Override
      public Optional<PortalAccount> lookupAccount(String facilityCode) {
        return Optional.of(bv);
      }

      @Override
      public Optional<PortalAccount> certificateAccount(String facilityCode) {
        return Optional.of(hssk);
      }

      @Override
      public String provinceCode(String facilityCode) {
        return PROVINCE;
      }

      @Override
      public String name(String facilityCode) {
        return FACILITY_NAME;
      }
    };
    return new PortalSender(portal, directory, new PortalAnswers(PortalAnswersTest.PHRASES));
  }

  static DocumentSigner signer() {
    return new DocumentSigner(facility -> Optional.of(TestCertificates.get().credential(Purpose.FACILITY_VALID)));
  }

  static CheckInValidator checkIns() {
    return new CheckInValidator(Clock.systemUTC(), (facility, cccd) -> Optional.empty());
  }

  static CertificateValidator certificates() {
    return new CertificateValidator(Clock.systemUTC(), code -> FACILITY_NAME);
  }

  static LocalDate today() {
    return LocalDate.now(VIETNAM);
  }

  /** A valid check-in request of 70001 (JSON shape), with an episode id of its own. */
  static Map<String, Object> checkIn() {
    LocalDate yesterday = today().minusDays(1);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("facilityCode", FACILITY);
    r.put("episodeId", "STRICT-" + SERIAL.incrementAndGet() + "-" + System.nanoTime());
    r.put("patientId", "BN-1");
    r.put("fullName", "NGUYỄN VĂN AN");
    r.put("cccd", "070090000123");
    r.put("birthDate", "1990-01-01");
    r.put("sex", "MALE");
    r.put("cardNumber", "HN4707014012731");
    r.put("registeredFacility", "70001");
    r.put("cardValidFrom", yesterday.withDayOfYear(1).toString());
    r.put("cardValidTo", yesterday.withDayOfYear(1).plusYears(1).minusDays(1).toString());
    r.put("visitCategory", "1.1");
    r.put("arrivedAt", yesterday + "T08:00:00+07:00");
    r.put("visitType", "01");
    r.put("firstService", Map.of("code", "02.1896", "name", "Khám Nội"));
    r.put("orderedAt", yesterday + "T08:15:00+07:00");
    return r;
  }

  /** A valid certificate request of 70001 (JSON shape), with a number of its own. */
  static Map<String, Object> certificate() {
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("fullName", "VÕ HỮU BÌNH");
    person.put("sex", "MALE");
    person.put("birthDate", "1989-11-10");
    person.put("idNumber", "070089868934");
    person.put("idIssuedOn", "2021-03-15");
    person.put("idIssuedBy", "Cục Cảnh sát QLHC về TTXH");
    person.put("address", new LinkedHashMap<>(Map.of("line", "Ấp 2, Đồng Phú, Bình Phước", "provinceCode", "70", "districtCode", "697", "communeCode", "25261")));
    Map<String, Object> conclusion = new LinkedHashMap<>();
    conclusion.put("code", "FIT");
    conclusion.put("doctor", "NGUYỄN THỊ LAN");
    conclusion.put("date", today().minusDays(1).toString());
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("number", String.format("%05d/GKSKLX/%s/%02d", SERIAL.incrementAndGet() % 100_000, FACILITY, today().getYear() % 100));
    r.put("facilityCode", FACILITY);
    r.put("person", person);
    r.put("licenceClass", "B");
    r.put("alcohol", new LinkedHashMap<>(Map.of("value", "0", "unit", "MG_PER_L_BREATH")));
    r.put("drugTest", "NEGATIVE");
    r.put("conclusion", conclusion);
    return r;
  }

  static PortalDocument validate(Map<String, Object> checkIn) {
    return checkIns().validate(JSON.convertValue(checkIn, CheckInRequest.class));
  }

  static PortalDocument validateCertificate(Map<String, Object> certificate) {
    return certificates().validate(JSON.convertValue(certificate, CertificateRequest.class), "ADD");
  }

  /** The same document with its portal fields changed. */
  static PortalDocument with(PortalDocument document, Consumer<Map<String, String>> change) {
    Map<String, String> fields = new LinkedHashMap<>(document.fields());
    change.accept(fields);
    return new PortalDocument(document.kind(), document.facilityCode(), document.businessKey(), document.operation(), fields, document.warnings());
  }

  // mutations of a request in its JSON shape

  static Consumer<Map<String, Object>> set(String field, Object value) {
    return body -> {
      if (value == null) {
        body.remove(field);
      } else {
        body.put(field, value);
      }
    };
  }

  @SuppressWarnings("unchecked")
  static Consumer<Map<String, Object>> nested(String path, Object value) {
    String[] parts = path.split("\\.");
    return body -> {
      Map<String, Object> parent = body;
      for (int i = 0; i < parts.length - 1; i++) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) parent.get(parts[i]));
        parent.put(parts[i], copy);
        parent = copy;
      }
      set(parts[parts.length - 1], value).accept(parent);
    };
  }

  // mutations of a document's portal fields

  static Consumer<Map<String, String>> field(String name, String value) {
    return fields -> fields.put(name, value);
  }
}
