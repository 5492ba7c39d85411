package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Hawtio and Jolokia for admins only; the development admin sign-in opens a session whose actions must come from the gateway's own pages. */
class AdminConsoleIT extends GatewayIT {

  private HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder at(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  @Test
  void hawtioAndJolokiaServeAdminsOnly() throws Exception {
    HttpResponse<String> console = send(HTTP, at("/actuator/hawtio/").header("X-Api-Key", "dev-admin"));
    assertThat(console.statusCode()).isEqualTo(200);
    assertThat(console.body()).contains("<title>Hawtio</title>");
    HttpResponse<String> camel = send(HTTP, at("/actuator/jolokia/read/org.apache.camel:context=healthgate,type=context,name=%22healthgate%22/State")
        .header("X-Api-Key", "dev-admin"));
    assertThat(camel.body()).contains("\"value\":\"Started\"");

    for (String path : new String[] {"/actuator/hawtio/", "/actuator/jolokia/version"}) {
      HttpResponse<String> facility = send(HTTP, at(path).header("X-Api-Key", "dev-70001"));
      assertThat(facility.statusCode()).as(path).isEqualTo(403);
      assertThat(facility.body()).contains("GW-ADMIN-ONLY");
      assertThat(send(HTTP, at(path)).statusCode()).as(path).isEqualTo(401);
    }
  }

  @Test
  void anAdminActionABrowserMarksAsCrossSiteIsRefusedWhateverTheCredential() throws Exception {
    HttpResponse<String> refused = send(HTTP, at("/api/v1/admin/dead-letters/replay").header("Content-Type", "application/json").header("X-Api-Key", "dev-admin")
        .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString("{\"dryRun\":true}")));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("GW-ADMIN-ACTION-HEADER");
    HttpResponse<String> script = send(HTTP, at("/api/v1/admin/dead-letters/replay").header("Content-Type", "application/json").header("X-Api-Key", "dev-admin")
        .POST(HttpRequest.BodyPublishers.ofString("{\"dryRun\":true}")));
    assertThat(script.statusCode()).as("a script or curl sends no Origin").isEqualTo(200);
  }

  @Test
  void theDevelopmentSignInOpensASessionWhoseActionsMustBeSameSite() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpRequest.Builder wrong = at("/admin/login").header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("key=nope"));
    assertThat(send(browser, wrong).headers().firstValue("Location")).hasValue("/admin/login?failed");
    assertThat(send(browser, at("/api/v1/admin/overview")).statusCode()).isEqualTo(401);

    HttpResponse<String> signIn = send(browser, at("/admin/login").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("key=dev-admin")));
    assertThat(signIn.statusCode()).isEqualTo(303);
    assertThat(signIn.headers().firstValue("Set-Cookie").orElse("")).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");

    HttpResponse<String> overview = send(browser, at("/api/v1/admin/overview"));
    assertThat(overview.statusCode()).isEqualTo(200);
    assertThat(overview.body()).contains("\"routes\"", "\"portal\"", "\"backlog\"", "\"certificates\"", "\"traffic\"");
    assertThat(send(browser, at("/admin")).body()).contains("Hàng đợi lỗi");

    HttpRequest.Builder crossSite = at("/api/v1/admin/dead-letters/replay").header("Content-Type", "application/json")
        .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString("{\"dryRun\":true}"));
    HttpResponse<String> refused = send(browser, crossSite);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("GW-ADMIN-ACTION-HEADER");

    HttpRequest.Builder fromThePage = at("/api/v1/admin/dead-letters/replay").header("Content-Type", "application/json")
        .header("X-Requested-By", "admin-page").POST(HttpRequest.BodyPublishers.ofString("{\"dryRun\":true}"));
    assertThat(send(browser, fromThePage).statusCode()).isEqualTo(200);

    HttpResponse<String> jolokiaExecByGet = send(browser, at("/actuator/jolokia/exec/java.lang:type=Memory/gc"));
    assertThat(jolokiaExecByGet.statusCode()).as("a Jolokia operation is an action even as a GET").isEqualTo(403);
    assertThat(jolokiaExecByGet.body()).contains("GW-ADMIN-ACTION-HEADER");
    assertThat(send(browser, at("/actuator/jolokia/exec/java.lang:type=Memory/gc").header("X-Requested-By", "admin-page")).statusCode()).isEqualTo(200);
    assertThat(send(browser, at("/actuator/jolokia/read/java.lang:type=Memory/HeapMemoryUsage")).statusCode()).as("a read stays a read").isEqualTo(200);

    send(browser, at("/admin/logout").POST(HttpRequest.BodyPublishers.noBody()).header("X-Requested-By", "admin-page"));
    assertThat(send(browser, at("/api/v1/admin/overview")).statusCode()).as("signed out").isEqualTo(401);
  }

  @Test
  void aCertificateOrKeyIdentifiesOneRequestAndLeavesNoSession() throws Exception {
    for (String path : new String[] {"/api/v1/submissions", "/api/v1/admin/overview", "/actuator/health"}) {
      HttpResponse<String> keyed = send(HTTP, at(path).header("X-Api-Key", "dev-70001"));
      assertThat(keyed.headers().firstValue("Set-Cookie")).as("%s by key (%d)", path, keyed.statusCode()).isEmpty();
      HttpResponse<String> admin = send(HTTP, at(path).header("X-Api-Key", "dev-admin"));
      assertThat(admin.headers().firstValue("Set-Cookie")).as("%s by the admin key", path).isEmpty();
    }
    HttpClient certificate = tlsClient(vn.healthgate.certs.testing.TestCertificates.get().credential(vn.healthgate.certs.testing.TestCertificates.Purpose.ADMIN_CLIENT_TLS));
    HttpResponse<String> overTls = certificate.send(HttpRequest.newBuilder(tlsUri("/api/v1/admin/overview")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(overTls.statusCode()).isEqualTo(200);
    assertThat(overTls.headers().firstValue("Set-Cookie")).as("the admin certificate's request").isEmpty();
    HttpResponse<String> forged = send(HTTP, at("/api/v1/admin/overview").header("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF"));
    assertThat(forged.statusCode()).as("an unknown session identifies nobody").isEqualTo(401);
  }
}
