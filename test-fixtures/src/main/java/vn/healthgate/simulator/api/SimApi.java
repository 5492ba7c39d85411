package vn.healthgate.simulator.api;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.healthgate.simulator.Faults;
import vn.healthgate.simulator.SimRequest;
import vn.healthgate.simulator.SimResponse;
import vn.healthgate.simulator.SimulatorState;
import vn.healthgate.simulator.data.Citizen;
import vn.healthgate.simulator.data.Facility;
import vn.healthgate.simulator.data.Population;

/** The simulator's test API under {@code /sim} ({@code docs/api.md}, "Portal simulator test API"). */
public final class SimApi {

  private static final DateTimeFormatter DDMMYYYY = DateTimeFormatter.ofPattern("ddMMyyyy");
  private final SimulatorState state;

  public SimApi(SimulatorState state) {
    this.state = state;
  }

  public SimResponse handle(SimRequest request) {
    String route = request.method() + " " + request.path();
    return switch (route) {
      case "GET /sim/citizens" -> citizens(request);
      case "GET /sim/facilities" -> SimResponse.ok(state.facilities().all().stream().map(SimApi::facility).toList());
      case "POST /sim/faults" -> addFault(request);
      case "DELETE /sim/faults" -> {
        state.faults().clear();
        yield new SimResponse(204, null);
      }
      case "POST /sim/reset" -> {
        state.reset();
        yield new SimResponse(204, null);
      }
      case "POST /sim/tokens/expire" -> {
        state.tokens().expireAll();
        yield new SimResponse(204, null);
      }
      case "PUT /sim/config" -> config(request);
      case "GET /sim/stats" -> SimResponse.ok(stats());
      case "GET /sim/received" -> received(request);
      case "POST /sim/certificates" -> registerCertificate(request);
      case "DELETE /sim/certificates" -> {
        state.certificates().unregister(request.queryParam("facilityCode"));
        yield new SimResponse(204, null);
      }
      default -> new SimResponse(404, Map.of("error", "no such simulator endpoint: " + route));
    };
  }

  private SimResponse citizens(SimRequest request) {
    String code = request.queryParam("expectedCode");
    int limit = parseInt(request.queryParam("limit")).orElse(20);
    if (code != null && !Population.ALL_CODES.contains(code)) {
      return new SimResponse(400, Map.of("error", "expectedCode must be one of " + Population.ALL_CODES));
    }
    List<Citizen> citizens = code == null
        ? state.population().all().stream().limit(limit).toList()
        : state.population().withExpectedCode(code, limit);
    return SimResponse.ok(citizens.stream().map(SimApi::citizen).toList());
  }

  static Map<String, Object> citizen(Citizen c) {
    Citizen.Presented p = c.presented();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("cccd", c.registry().cccd());
    view.put("fullName", p.fullName());
    view.put("birthDate", p.birthDate());
    view.put("sex", c.registry().female() ? "FEMALE" : "MALE");
    view.put("cardNumber", p.cardNumber());
    view.put("socialInsuranceNumber", c.card() == null ? null : c.card().socialInsuranceNumber());
    view.put("expectedCode", c.expectedCode());
    view.put("lookupBy", p.lookupBy().name());
    view.put("facilityCode", p.facilityCode());
    view.put("officer", Map.of("fullName", p.officer().fullName(), "cccd", p.officer().cccd()));
    view.put("qr", qr(c));
    return view;
  }

  /** The text of the citizen's CCCD QR code, seven fields separated by {@code |}. */
  static String qr(Citizen c) {
    String birth = c.registry().birthYearOnly()
        ? "0101" + c.registry().birthDate().getYear()
        : c.registry().birthDate().format(DDMMYYYY);
    return String.join("|", c.registry().cccd(), "", c.presented().fullName(), birth, c.sexWord(), c.registry().address(), "15032021");
  }

  private static Map<String, Object> facility(Facility f) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("code", f.code());
    view.put("name", f.name());
    view.put("level", f.level().name());
    view.put("district", f.district());
    view.put("provinceCode", f.provinceCode());
    view.put("lookupAccount", f.lookupAccount());
    view.put("certificateAccount", f.certificateAccount());
    view.put("officers", f.officers().stream().map(o -> Map.of("fullName", o.fullName(), "cccd", o.cccd())).toList());
    return view;
  }

  private SimResponse addFault(SimRequest request) {
    String endpoint = Optional.ofNullable(request.field("endpoint")).orElse("*");
    Optional<Faults.Kind> kind = Faults.Kind.parse(request.field("kind"));
    if (!Faults.ENDPOINTS.contains(endpoint) || kind.isEmpty()) {
      return new SimResponse(400, Map.of("error", "endpoint must be one of " + Faults.ENDPOINTS
          + " and kind one of latency, status, reset, timeout, refuse-token"));
    }
    long value = parseLong(request.field("value")).orElse(kind.get() == Faults.Kind.STATUS ? 503L : 0L);
    Integer count = parseInt(request.field("count")).orElse(null);
    Long seconds = parseLong(request.field("seconds")).orElse(null);
    state.faults().add(endpoint, kind.get(), value, count, seconds);
    return new SimResponse(201, Map.of("active", state.faults().activeCount()));
  }

  private SimResponse received(SimRequest request) {
    String kind = request.queryParam("kind");
    if (!"check-in".equals(kind) && !"certificate".equals(kind)) {
      return new SimResponse(400, Map.of("error", "kind must be check-in or certificate"));
    }
    return SimResponse.ok(state.received().list(kind));
  }

  /** {@code {"facilityCode": "70001", "certificatePem": "...", "rootPem": "...", "issuingPem": "...", "crlPem": "..."}}: register a facility's signing certificate and trust its CA. */
  private SimResponse registerCertificate(SimRequest request) {
    try {
      String facility = request.field("facilityCode");
      if (facility == null || state.facilities().byCode(facility).isEmpty()) {
        return new SimResponse(400, Map.of("error", "facilityCode must be one of the simulator's facilities"));
      }
      java.security.cert.CertificateFactory factory = java.security.cert.CertificateFactory.getInstance("X.509");
      if (request.field("rootPem") != null) {
        state.certificates().trust(
            (java.security.cert.X509Certificate) factory.generateCertificate(stream(request.field("rootPem"))),
            (java.security.cert.X509Certificate) factory.generateCertificate(stream(request.field("issuingPem"))),
            (java.security.cert.X509CRL) factory.generateCRL(stream(request.field("crlPem"))));
      }
      state.certificates().register(facility, (java.security.cert.X509Certificate) factory.generateCertificate(stream(request.field("certificatePem"))));
      return new SimResponse(201, Map.of("facilityCode", facility, "registered", state.certificates().registered(facility).size()));
    } catch (java.security.GeneralSecurityException | RuntimeException e) {
      return new SimResponse(400, Map.of("error", "certificatePem (and rootPem, issuingPem, crlPem) must be PEM: " + e.getClass().getSimpleName()));
    }
  }

  private static java.io.InputStream stream(String pem) {
    return new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private SimResponse config(SimRequest request) {
    parseLong(request.field("tokenLifetimeSeconds")).ifPresent(s -> state.tokens().lifetime(Duration.ofSeconds(s)));
    return SimResponse.ok(Map.of("tokenLifetimeSeconds", state.tokens().lifetime().toSeconds()));
  }

  private Map<String, Object> stats() {
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("tokensIssued", state.tokens().issuedCount());
    stats.put("activeFaults", state.faults().activeCount());
    Map<String, Long> requests = new LinkedHashMap<>();
    state.requestCounts().forEach((k, v) -> requests.put(k, v.get()));
    stats.put("requests", requests);
    stats.put("citizensByExpectedCode", state.population().countsByExpectedCode());
    return stats;
  }

  private static Optional<Integer> parseInt(String text) {
    return parseLong(text).map(Long::intValue);
  }

  private static Optional<Long> parseLong(String text) {
    try {
      return text == null || text.isBlank() ? Optional.empty() : Optional.of(Long.parseLong(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
