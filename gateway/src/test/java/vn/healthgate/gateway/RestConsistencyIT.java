package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One style for every REST body and query (docs/api.md, "Conventions"): timestamps with the offset
 * {@code +07:00}, enumerations spelled as the Java names, paging with {@code total} and {@code links},
 * unknown query parameters refused by name, {@code Allow} on every 405.
 */
class RestConsistencyIT extends GatewayIT {
  private static final String VIETNAM_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?\\+07:00";

  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  private Reply getWithKey(String path, String key) {
    return request("GET", path, key);
  }

  private String checkIn(String episode) throws IOException {
    Reply reply = post("/api/v1/check-ins", "application/json", JSON.writeValueAsString(DocumentSamples.checkIn("70001", episode)), "dev-70001");
    assertThat(reply.status()).as(reply.text()).isEqualTo(202);
    return reply.body().get("id").asText();
  }

  @Test
  void timestampsOfASubmissionCarryTheVietnamOffset() throws IOException {
    String id = checkIn(TestIds.episode("ts"));

    JsonNode view = getWithKey("/api/v1/submissions/" + id, "dev-70001").body();

    assertThat(view.get("createdAt").asText()).matches(VIETNAM_TIME);
    assertThat(view.get("updatedAt").asText()).matches(VIETNAM_TIME);
  }

  @Test
  void timestampsOfTheAdminOverviewCarryTheVietnamOffset() {
    JsonNode overview = getAsAdmin("/api/v1/admin/overview").body();

    assertThat(overview.get("generatedAt").asText()).matches(VIETNAM_TIME);
    overview.get("certificates").forEach(c -> assertThat(c.get("notAfter").asText()).matches(VIETNAM_TIME));
  }

  @Test
  void theSubmissionListCarriesTotalAndLinks() throws IOException {
    checkIn(TestIds.episode("page-a"));
    checkIn(TestIds.episode("page-b"));
    checkIn(TestIds.episode("page-c"));

    JsonNode page = getWithKey("/api/v1/submissions?kind=CHECK_IN&page=1&size=1", "dev-70001").body();

    long total = page.get("total").asLong();
    assertThat(total).isGreaterThanOrEqualTo(3);
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("page").asInt()).isEqualTo(1);
    assertThat(page.get("size").asInt()).isEqualTo(1);
    assertThat(page.at("/links/self").asText()).isEqualTo("/api/v1/submissions?kind=CHECK_IN&page=1&size=1");
    assertThat(page.at("/links/prev").asText()).isEqualTo("/api/v1/submissions?kind=CHECK_IN&page=0&size=1");
    assertThat(page.at("/links/next").asText()).isEqualTo("/api/v1/submissions?kind=CHECK_IN&page=2&size=1");
    JsonNode last = getWithKey("/api/v1/submissions?kind=CHECK_IN&page=" + (total - 1) + "&size=1", "dev-70001").body();
    assertThat(last.get("links").has("next")).as("no next on the last page").isFalse();
    assertThat(getWithKey("/api/v1/submissions?kind=CHECK_IN&size=1", "dev-70001").body().get("links").has("prev")).as("no prev on the first page").isFalse();
  }

  @Test
  void theDeadLetterListCarriesTotalAndLinks() {
    JsonNode page = getAsAdmin("/api/v1/admin/dead-letters?size=5").body();

    assertThat(page.has("total")).isTrue();
    assertThat(page.get("page").asInt()).isZero();
    assertThat(page.get("size").asInt()).isEqualTo(5);
    assertThat(page.at("/links/self").asText()).isEqualTo("/api/v1/admin/dead-letters?page=0&size=5");
  }

  @Test
  void episodeIdAndNumberFindOneSubmission() throws IOException {
    String episode = TestIds.episode("find");
    String id = checkIn(episode);
    Map<String, Object> certificate = DocumentSamples.certificate("70001", TestIds.serial());
    Reply stored = post("/api/v1/driver-health-certificates", "application/json", JSON.writeValueAsString(certificate), "dev-70001");
    assertThat(stored.status()).as(stored.text()).isEqualTo(202);

    JsonNode byEpisode = getWithKey("/api/v1/submissions?episodeId=" + episode, "dev-70001").body();
    JsonNode byNumber = getWithKey("/api/v1/submissions?number=" + certificate.get("number"), "dev-70001").body();

    assertThat(byEpisode.get("total").asLong()).isEqualTo(1);
    assertThat(byEpisode.at("/items/0/id").asText()).isEqualTo(id);
    assertThat(byNumber.get("total").asLong()).isEqualTo(1);
    assertThat(byNumber.at("/items/0/id").asText()).isEqualTo(stored.body().get("id").asText());
    assertThat(getWithKey("/api/v1/submissions?episodeId=" + episode, "dev-70002").body().get("total").asLong())
        .as("another facility's episode is not listed").isZero();
  }

  @Test
  void enumerationsOfAnotherSpellingAreRefusedListingTheAllowedValues() {
    for (String query : List.of("kind=check-in", "kind=certificate", "kind=foo", "status=accepted", "status=dead-letter")) {
      String parameter = query.substring(0, query.indexOf('='));
      Reply reply = getWithKey("/api/v1/submissions?" + query, "dev-70001");
      assertThat(reply.status()).as(query).isEqualTo(400);
      assertThat(reply.body().get("code").asText()).as(query).isEqualTo("GW-PARAMETER-INVALID");
      assertThat(reply.body().get("field").asText()).as(query).isEqualTo(parameter);
      assertThat(reply.body().get("detail").asText()).as(query).contains(parameter.equals("kind") ? "CHECK_IN, CERTIFICATE" : "RECEIVED, SIGNED");
    }
    assertThat(getAsAdmin("/api/v1/admin/dead-letters?kind=check-in").body().get("field").asText()).isEqualTo("kind");
  }

  @Test
  void unknownQueryParametersAreRefusedByName() throws IOException {
    String id = checkIn(TestIds.episode("unknown"));
    Map<String, String> facilityGets = Map.of(
        "/api/v1/submissions?facility=70001", "facility",
        "/api/v1/submissions/" + id + "?verbose=true", "verbose",
        "/api/v1/submissions/" + id + "/signed-document?format=pem", "format");
    facilityGets.forEach((path, name) -> assertRefusedNaming(getWithKey(path, "dev-70001"), name, path));
    Map<String, String> adminGets = Map.of(
        "/api/v1/admin/dead-letters?facility=70001", "facility",
        "/api/v1/admin/overview?x=1", "x",
        "/api/v1/admin/audit/verify?full=true", "full");
    adminGets.forEach((path, name) -> assertRefusedNaming(getAsAdmin(path), name, path));
    assertRefusedNaming(post("/api/v1/check-ins?dryRun=true", "application/json",
        JSON.writeValueAsString(DocumentSamples.checkIn("70001", TestIds.episode("unknown-post"))), "dev-70001"), "dryRun", "POST check-ins");
    assertRefusedNaming(post("/api/v1/eligibility-checks?debug=1", "application/json", "{}", "dev-70001"), "debug", "POST eligibility");
    assertRefusedNaming(post("/api/v1/admin/dead-letters/replay?all=1", "application/json", "{}", "dev-admin",
        Map.of("X-Requested-By", "test")), "all", "POST replay");
  }

  private static void assertRefusedNaming(Reply reply, String name, String what) {
    assertThat(reply.status()).as(what + ": " + reply.text()).isEqualTo(400);
    assertThat(reply.body().get("code").asText()).as(what).isEqualTo("GW-PARAMETER-INVALID");
    assertThat(reply.body().get("field").asText()).as(what).isEqualTo(name);
  }

  @Test
  void badPagingIsNeverA500() {
    for (String query : List.of("page=", "size=", "page=2147483648", "size=1e3", "page=1.5", "page=%2B1", "size=-0", "page=0x10", "page=100000&size=500")) {
      for (String path : List.of("/api/v1/submissions?", "/api/v1/admin/dead-letters?")) {
        Reply reply = getAsAdmin(path + query);
        assertThat(reply.status()).as(path + query + ": " + reply.text()).isIn(200, 400);
      }
    }
  }

  @Test
  void everyRestPathAnswersAWrongMethodWith405AndAllow() {
    List<String> checked = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<String> methods = info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).collect(Collectors.toSet());
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/v1/")) {
          continue;
        }
        String path = pattern.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
        String key = path.startsWith("/api/v1/admin/") ? "dev-admin" : "dev-70001";
        Reply reply = request("DELETE", path, key);
        assertThat(reply.status()).as("DELETE " + path).isEqualTo(405);
        assertThat(reply.body().get("code").asText()).as(path).isEqualTo("GW-METHOD-NOT-ALLOWED");
        assertThat(reply.header("Allow")).as(path).isNotNull();
        assertThat(Set.of(reply.header("Allow").split(",\\s*"))).as(path).containsAll(methods);
        checked.add(path);
      }
    }
    assertThat(checked).as("every REST path").hasSizeGreaterThanOrEqualTo(12);
  }
}
