package vn.healthgate.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Whole HTTP/1.1 requests written byte for byte to a socket (no client library to normalise or refuse
 * them): generated methods, request targets built from the gateway's own path segments mixed with
 * encodings, dot segments, {@code ;} parameters and odd characters, headers the gateway reads (keys,
 * content types, correlation and idempotency keys, origins, transfer codings, cookies) and bodies.
 * Answers are tallied by status for the campaign report.
 */
final class RawRequests {
  private static final List<String> SEGMENTS = List.of("api", "v1", "admin", "overview", "audit", "verify", "dead-letters", "replay", "submissions",
      "signed-document", "check-ins", "eligibility-checks", "driver-health-certificates", "fhir", "Encounter", "Bundle", "metadata",
      "CoverageEligibilityRequest", "$submit", "Patient", "actuator", "health", "readiness", "liveness", "prometheus", "jolokia", "version",
      "exec", "hawtio", "circuitbreakers", "info", "error", "login", "logout", "assets", "admin.js", "index.html", "favicon.ico",
      "..", ".", "", "%2e%2e", "%2E", "%2F", "%2f", "%5C", "%25", "%00", "%0d%0a", ";x", ";jsessionid=1", "%61pi", "%66hir", "%C3%A0", "~", "*",
      "00000000-0000-0000-0000-000000000000", "3fa85f64-5717-4562-b3fc-2c963f66afa6", "9".repeat(300));
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT", "PROPFIND",
      "FOO", "get", "M-SEARCH", "X".repeat(300), "POST ", "G\u00c9T");
  private static final Map<String, LongAdder> TALLY = new ConcurrentHashMap<>();

  private RawRequests() {}

  record Request(String method, String target, Map<String, String> headers, String body, boolean chunked) {
    @Override
    public String toString() {
      String shown = body.length() > 120 ? body.substring(0, 120) + "…" : body;
      return method + " " + target + " " + headers + (chunked ? " chunked " : " ") + shown;
    }
  }

  record Answer(int status, String head, String body) {}

  static Arbitrary<Request> arbitrary() {
    Arbitrary<String> target = Combinators.combine(
            Arbitraries.of(SEGMENTS).list().ofMinSize(0).ofMaxSize(6),
            Arbitraries.of("/", "/", "/", "//", "/./", "\\"),
            Arbitraries.of("", "?size=abc", "?page=-1", "?page=999999999&size=500", "?size=0", "?kind=foo", "?status=%ZZ", "?facilityCode=70002",
                "?since=yesterday", "?a=" + "b".repeat(2000), "?x=%00", "?_format=xml", "?identifier=a%7Cb"))
        .as((segments, separator, query) -> "/" + String.join(separator, segments) + query);
    Arbitrary<Map<String, String>> headers = Combinators.combine(
            Arbitraries.of("dev-70001", "dev-70002", "dev-admin", "nope", "", " dev-70001 ").injectNull(0.3),
            Arbitraries.of("application/json", "application/fhir+json", "application/fhir+xml", "application/xml", "text/plain", "",
                "application/json; charset=ISO-8859-1", "application/json; charset=nonsense", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "*/*").injectNull(0.2),
            Arbitraries.of("application/json", "application/fhir+xml", "text/html", "*/*", "application/xml;q=0.1, foo/bar", "\u00ff").injectNull(0.4),
            Arbitraries.of("abc", "x".repeat(65), "a b", "../../etc", "%00", "\u00e9").injectNull(0.6),
            Arbitraries.of("k-1", "k".repeat(201), "").injectNull(0.7),
            Arbitraries.of("http://evil.example", "null", "http://127.0.0.1").injectNull(0.7),
            Arbitraries.of("cross-site", "same-origin", "none", "bogus").injectNull(0.7),
            Arbitraries.of("JSESSIONID=ABC", "JSESSIONID=" + "A".repeat(500), "a=b; c").injectNull(0.8))
        .as((key, type, accept, cid, idem, origin, fetchSite, cookie) -> {
          Map<String, String> h = new LinkedHashMap<>();
          put(h, "X-Api-Key", key);
          put(h, "Content-Type", type);
          put(h, "Accept", accept);
          put(h, "X-Correlation-Id", cid);
          put(h, "Idempotency-Key", idem);
          put(h, "Origin", origin);
          put(h, "Sec-Fetch-Site", fetchSite);
          put(h, "Cookie", cookie);
          return h;
        });
    Arbitrary<String> body = Arbitraries.oneOf(
        Arbitraries.just(""),
        Arbitraries.of("{}", "[]", "null", "{\"facilityCode\":\"70001\"}", "{\"dryRun\":true}", "{\"resourceType\":\"Encounter\"}",
            "{\"resourceType\":\"Bundle\",\"type\":\"document\",\"entry\":[{\"resource\":\"NaN\"}]}",
            "{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"HeapMemoryUsage\"}", "<a/>", "key=dev-admin",
            "{\"facilityCode\":\"70001\",\"officer\":{\"fullName\":\"A\",\"fullName\":\"B\"}}", "{\"fullName\":\"\\ud800\"}"),
        Arbitraries.strings().all().ofMaxLength(200));
    return Combinators.combine(Arbitraries.of(METHODS), target, headers, body, Arbitraries.of(false, false, false, true))
        .as(Request::new);
  }

  private static void put(Map<String, String> headers, String name, String value) {
    if (value != null) {
      headers.put(name, value);
    }
  }

  /** Sends the request on its own connection and reads the whole answer ({@code Connection: close}). */
  static Answer send(int port, Request request) {
    byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n")
        .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
    request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (request.chunked()) {
      head.append("Transfer-Encoding: chunked\r\n\r\n");
      out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body.length > 0) {
        out.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    } else {
      head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(body);
    }
    return sendBytes(port, out.toByteArray());
  }

  /** Sends exactly these bytes (ISO-8859-1 text) on a new connection and reads the whole answer. */
  static Answer sendBytes(int port, String request) {
    return sendBytes(port, request.getBytes(StandardCharsets.ISO_8859_1));
  }

  static Answer sendBytes(int port, byte[] request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream to = socket.getOutputStream();
      to.write(request);
      to.flush();
      InputStream from = socket.getInputStream();
      String answer = new String(from.readAllBytes(), StandardCharsets.UTF_8);
      int end = answer.indexOf("\r\n\r\n");
      String statusLine = answer.lines().findFirst().orElse("");
      int status = statusLine.startsWith("HTTP/1.1 ") && statusLine.length() >= 12 ? Integer.parseInt(statusLine.substring(9, 12)) : -1;
      TALLY.computeIfAbsent(String.valueOf(status), s -> new LongAdder()).increment();
      return new Answer(status, end < 0 ? answer : answer.substring(0, end), end < 0 ? "" : answer.substring(end + 4));
    } catch (IOException e) {
      TALLY.computeIfAbsent("no answer", s -> new LongAdder()).increment();
      return new Answer(-1, e.toString(), "");
    }
  }

  /** Requests sent so far by answer status. */
  static String tally() {
    Map<String, Long> sorted = new TreeMap<>();
    TALLY.forEach((status, count) -> sorted.put(status, count.sum()));
    long total = sorted.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder text = new StringBuilder("raw requests: ").append(total).append('\n');
    sorted.forEach((status, count) -> text.append(status).append(": ").append(count).append('\n'));
    return text.toString();
  }
}
