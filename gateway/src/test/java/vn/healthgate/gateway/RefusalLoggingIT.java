package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A refused request costs one WARN line with its code and correlation id, never a stack trace (the
 * attack found 2.9 KB of trace at ERROR per bad request: a log flood is a denial of service).
 */
class RefusalLoggingIT extends GatewayIT {
  @org.junit.jupiter.api.extension.RegisterExtension final LogCapture logs = new LogCapture();

  private static String withBody(String json) {
    return "Content-Length: " + json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
  }

  private record Refused(String correlationId, String code, String request) {}

  @Test
  void eachRefusedRequestLogsOneWarnLineWithItsCodeAndNoStackTrace() {
    List<Refused> refused = List.of(
        new Refused("log-json", "GW-JSON-MALFORMED", "POST /api/v1/check-ins HTTP/1.1\r\nX-Api-Key: dev-70001\r\nContent-Type: application/json\r\n"
            + "Content-Length: 4\r\n\r\n{bad"),
        new Refused("log-chunk", "GW-HTTP-MALFORMED", "POST /fhir/Encounter HTTP/1.1\r\nX-Api-Key: dev-70001\r\nContent-Type: application/fhir+json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"),
        new Refused("log-anonymous", "GW-AUTH-MISSING", "GET /api/v1/admin/overview HTTP/1.1\r\n\r\n"),
        new Refused("log-key", "GW-AUTH-INVALID", "GET /api/v1/submissions HTTP/1.1\r\nX-Api-Key: nope\r\n\r\n"),
        new Refused("log-path", "GW-REQUEST-REJECTED", "GET /api;x/v1/admin/overview HTTP/1.1\r\n\r\n"),
        new Refused("log-paging", "GW-PARAMETER-INVALID", "GET /api/v1/submissions?size=abc HTTP/1.1\r\nX-Api-Key: dev-70001\r\n\r\n"),
        new Refused("log-validation", "GW-OFFICER-MISSING", "POST /api/v1/eligibility-checks HTTP/1.1\r\nX-Api-Key: dev-70001\r\nContent-Type: application/json\r\n"
            + withBody("{\"facilityCode\":\"70001\",\"cccd\":\"07008986893\"}")));
    for (Refused r : refused) {
      String request = r.request().replaceFirst("\r\n", "\r\nHost: x\r\nConnection: close\r\nX-Correlation-Id: " + r.correlationId() + "\r\n");
      assertThat(RawRequests.sendBytes(port, request).status()).as(r.code()).isBetween(400, 499);
    }
    RawRequests.Answer tomcat = RawRequests.sendBytes(port, "GET /api/v1/submissions HTTP/1.1\r\nHost: x\r\nConnection: close\r\nBad Header\r\n\r\n");
    assertThat(tomcat.status()).isEqualTo(400);

    assertThat(logs.events()).as("no stack trace for any refusal").allMatch(e -> e.getThrowableProxy() == null);
    assertThat(logs.events()).as("nothing at ERROR").noneMatch(e -> e.getLevel() == Level.ERROR);
    for (Refused r : refused) {
      List<ILoggingEvent> lines = logs.events().stream().filter(e -> r.correlationId().equals(e.getMDCPropertyMap().get("cid"))).toList();
      assertThat(lines).as(r.correlationId()).hasSize(1);
      assertThat(lines.get(0).getLevel()).isEqualTo(Level.WARN);
      assertThat(lines.get(0).getFormattedMessage()).contains(r.code());
    }
    assertThat(logs.events().stream().filter(e -> e.getLoggerName().endsWith("ContainerErrorValve")).map(ILoggingEvent::getFormattedMessage))
        .singleElement().asString().contains("GW-HTTP-MALFORMED").contains("cid=");
  }
}
