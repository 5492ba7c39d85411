package vn.healthgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.OptionalIdentifiedDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.OnExceptionDefinition;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;

/**
 * The admin page in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed
 * by {@code .ci/run}) on a gateway with traffic: sign in, see the routes, the breakers and a dead
 * letter, replay it and see it ACCEPTED. Writes {@code target/admin-page.png}.
 */
class AdminPageBrowserIT extends GatewayIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @Autowired JdbcTemplate jdbc;
  @Autowired CamelContext camel;
  /** A time as the page writes it: in Vietnamese {@code 03/12/2026 23:39:04 (GMT+7)}, in English {@code 2026-12-03 23:39:04 (GMT+7)}. */
  private static final String VI_TIME = "\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2} \\(GMT\\+7\\)";
  private static final String EN_TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\(GMT\\+7\\)";
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private WebDriver browser;

  @BeforeEach
  void startBrowser() {
    assertThat(CHROMIUM).as("Debian package chromium (installed by .ci/run)").exists();
    assertThat(CHROMEDRIVER).as("Debian package chromium-driver (installed by .ci/run)").exists();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,2200", "--lang=en");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
    sim("DELETE", "/sim/faults", null);
  }

  private String deadLetter() throws Exception {
    sim("POST", "/sim/faults", "{\"endpoint\":\"certificate\",\"kind\":\"status\",\"value\":503,\"count\":1000}");
    String id = post("/api/v1/driver-health-certificates", "application/json", JSON.writeValueAsString(DocumentSamples.certificate("70003", TestIds.serial())), "dev-70003")
        .body().get("id").asText();
    await().atMost(Duration.ofSeconds(30)).until(() -> "DEAD_LETTER".equals(jdbc.queryForObject("select status from outbox where id = ?", String.class, id)));
    sim("DELETE", "/sim/faults", null);
    breakers.getAllCircuitBreakers().forEach(io.github.resilience4j.circuitbreaker.CircuitBreaker::reset);
    return id;
  }

  @Test
  void anAdminSeesRoutesAndADeadLetterReplaysItAndSeesItAccepted() throws Exception {
    for (String code : new String[] {"000", "010", "070"}) {
      postEligibility(requestFor(citizen(code)), apiKeyFor(citizen(code)));
    }
    String id = deadLetter();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

    browser.get("http://127.0.0.1:" + port + "/admin");
    wait.until(ExpectedConditions.urlContains("/admin/login"));
    browser.findElement(By.id("key")).sendKeys("dev-admin");
    browser.findElement(By.id("sign-in")).click();

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#routes tr[data-route='eligibility-check']"), "Đang chạy"));
    assertThat(browser.findElement(By.cssSelector("#routes tr[data-route='outbox-delivery']")).getText()).contains("Đang chạy");
    assertThat(browser.findElement(By.id("portal")).getText()).contains("card-lookup", "Đóng (bình thường)");
    assertThat(browser.findElements(By.cssSelector("#chart-eligibility-count rect.bar"))).as("this minute's checks drawn").isNotEmpty();
    assertThat(browser.findElement(By.id("certificates")).getText()).contains("70001");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dead-letters tr[data-id='" + id + "']")));
    assertThat(browser.findElement(By.cssSelector("#dead-letters tr[data-id='" + id + "']")).getText()).contains("70003", "Giấy khám SK lái xe")
        .as("the reason in words, not a class name").contains("Cổng giám định báo lỗi máy chủ (HTTP 5xx)").doesNotContain("Exception");

    browser.findElement(By.id("bulk-dry-run")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-result"), "1 hồ sơ sẽ được gửi lại"));
    assertThat(jdbc.queryForObject("select status from outbox where id = ?", String.class, id)).as("a dry run changes nothing").isEqualTo("DEAD_LETTER");

    // the page re-renders its tables every 5 s: a button found just before a refresh is gone when clicked, so find and click again
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
      d.findElement(By.cssSelector("#dead-letters button.replay[data-id='" + id + "']")).click();
      return true;
    });
    wait.withTimeout(Duration.ofSeconds(40))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#replayed tr[data-id='" + id + "'] .replay-status"), "Đã tiếp nhận"));
    assertThat(jdbc.queryForObject("select status from outbox where id = ?", String.class, id)).isEqualTo("ACCEPTED");

    Path screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.createDirectories(Path.of("target"));
    Files.copy(screenshot, Path.of("target", "admin-page.png"), StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(Path.of("target", "admin-page.png"))).isGreaterThan(10_000);

    // Hawtio in the same admin session: its Camel plugin lists our routes (read through Jolokia)
    browser.get("http://127.0.0.1:" + port + "/actuator/hawtio/camel/routes");
    wait.withTimeout(Duration.ofSeconds(60)).until(ExpectedConditions.titleContains("Hawtio"));
    wait.until(d -> d.getPageSource().contains("eligibility-check") && d.getPageSource().contains("outbox-delivery"));
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "hawtio.png"), StandardCopyOption.REPLACE_EXISTING);

    // The delivery route's diagram: every node named after its step (docs/images/hawtio-route-diagram.png comes from here)
    wait.withTimeout(Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[contains(@class,'tree-view__node-text')][normalize-space(.)='outbox-delivery']"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[self::a or self::button][normalize-space(.)='Route Diagram']"))).click();
    wait.until(d -> d.findElements(By.cssSelector(".react-flow__node")).size() >= 6);
    List<String> nodes = browser.findElements(By.cssSelector(".react-flow__node")).stream().map(WebElement::getText).toList();
    assertThat(String.join("\n", nodes)).contains("ID: read", "ID: sign", "ID: check-breaker", "ID: mark-sent", "ID: send", "ID: mark-accepted")
        .doesNotContainPattern("ID: (bean|process|to)\\d+");
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "hawtio-route-diagram.png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void withoutSigningInThePageIsNotServed() {
    browser.get("http://127.0.0.1:" + port + "/admin/login");
    browser.findElement(By.id("key")).sendKeys("wrong-key");
    browser.findElement(By.id("sign-in")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("failed"));
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("failed"), "Khóa quản trị không đúng."));
    assertThat(get("/api/v1/admin/overview").status()).isEqualTo(401);
    assertThat(get("/admin").status()).as("redirect to sign-in").isEqualTo(302);
  }

  private WebDriverWait signIn() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get("http://127.0.0.1:" + port + "/admin");
    wait.until(ExpectedConditions.urlContains("/admin/login"));
    browser.findElement(By.id("key")).sendKeys("dev-admin");
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#routes tr[data-route='eligibility-check']"), "Đang chạy"));
    return wait;
  }

  private List<WebElement> lookUp(WebDriverWait wait, String q) {
    String before = browser.findElement(By.id("lookup-summary")).getText();
    WebElement field = browser.findElement(By.id("lookup-q"));
    field.clear();
    field.sendKeys(q);
    browser.findElement(By.id("lookup-go")).click();
    wait.until(d -> {
      WebElement summary = d.findElement(By.id("lookup-summary"));
      return summary.isDisplayed() && summary.getText().contains(q) && !summary.getText().equals(before);
    });
    return browser.findElements(By.cssSelector("#lookup-result article.found"));
  }

  private String checkIn(String facility, String episode) throws Exception {
    Reply reply = post("/api/v1/check-ins", "application/json", JSON.writeValueAsString(DocumentSamples.checkIn(facility, episode)), "dev-" + facility);
    assertThat(reply.status()).as(reply.text()).isEqualTo(202);
    return reply.body().get("id").asText();
  }

  private String status(String id) {
    return jdbc.queryForObject("select status from outbox where id = ?", String.class, id);
  }

  private static String vietnamTime(Instant instant, String pattern) {
    return DateTimeFormatter.ofPattern(pattern).withZone(VIETNAM).format(instant) + " (GMT+7)";
  }

  @Test
  void anAdminLooksUpOneSubmissionByIdByEpisodeIdAndByNumberAndSeesItsEvidenceAndHistory() throws Exception {
    String episode = TestIds.episode("page");
    String first = checkIn("70001", episode);
    String second = checkIn("70002", episode);
    var certificate = DocumentSamples.certificate("70003", TestIds.serial());
    String number = (String) certificate.get("number");
    String certificateId = post("/api/v1/driver-health-certificates", "application/json", JSON.writeValueAsString(certificate), "dev-70003").body().get("id").asText();
    await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(status(first)) && "ACCEPTED".equals(status(second)) && "ACCEPTED".equals(status(certificateId)));
    Instant created = jdbc.queryForObject("select created_at from outbox where id = ?", java.time.OffsetDateTime.class, first).toInstant();
    WebDriverWait wait = signIn();

    List<WebElement> byId = lookUp(wait, first);
    assertThat(byId).hasSize(1);
    WebElement found = byId.get(0);
    assertThat(found.getAttribute("data-id")).isEqualTo(first);
    assertThat(found.findElement(By.cssSelector(".status")).getText()).isEqualTo("Đã tiếp nhận");
    assertThat(found.getText()).contains("Mã liên kết (MA_LK)", episode, "70001", "Mã giao dịch", "SHA-256 hồ sơ nhận được",
        "SHA-256 tài liệu đã ký", "Lịch sử");
    assertThat(found.findElement(By.cssSelector(".created-at")).getText()).as("local time with the zone")
        .isEqualTo(vietnamTime(created, "dd/MM/yyyy HH:mm:ss"));
    assertThat(found.findElement(By.cssSelector("a.signed-document")).getAttribute("href")).endsWith("/api/v1/submissions/" + first + "/signed-document");
    List<String> history = found.findElements(By.cssSelector("table.history tbody tr")).stream().map(WebElement::getText).toList();
    assertThat(history.get(0)).startsWith(vietnamTime(created, "dd/MM/yyyy HH:mm:ss")).contains("Lưu vào hàng đợi gửi", "Gửi mới");
    assertThat(history).anyMatch(row -> row.contains("Yêu cầu API") && row.contains("POST /api/v1/check-ins") && row.contains("202"))
        .anyMatch(row -> row.contains("Cổng giám định tiếp nhận"));
    history.forEach(row -> assertThat(row).as("every event has its local time").containsPattern("^" + VI_TIME));

    List<WebElement> byEpisode = lookUp(wait, episode);
    assertThat(byEpisode).as("the same MA_LK at two facilities: both listed").hasSize(2);
    assertThat(byEpisode.stream().map(a -> a.findElement(By.cssSelector(".facility")).getText()).toList()).containsExactly("70001", "70002");
    assertThat(byEpisode.get(1).getAttribute("data-id")).isEqualTo(second);

    List<WebElement> byNumber = lookUp(wait, number);
    assertThat(byNumber).hasSize(1);
    assertThat(byNumber.get(0).getAttribute("data-id")).isEqualTo(certificateId);
    assertThat(byNumber.get(0).getText()).contains("Số giấy khám (SO)", number, "Giấy khám SK lái xe", "UUID");

    assertThat(lookUp(wait, "KHONG-CO-" + episode)).isEmpty();
    assertThat(browser.findElement(By.id("lookup-summary")).getText()).isEqualTo("Không tìm thấy hồ sơ nào với “KHONG-CO-" + episode + "”.");
  }

  @Test
  void theLanguageSwitchChangesEveryTextKeepsTheZoneAndIsRemembered() throws Exception {
    String id = checkIn("70001", TestIds.episode("lang"));
    await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(status(id)));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get("http://127.0.0.1:" + port + "/admin/login");
    assertThat(browser.findElement(By.tagName("h1")).getText()).as("Vietnamese by default, whatever the browser's language (--lang=en)")
        .isEqualTo("Quản trị Healthgate");
    browser.findElement(By.id("lang-en")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Healthgate admin");
    assertThat(browser.findElement(By.id("sign-in")).getText()).isEqualTo("Sign in");
    assertThat(browser.getTitle()).isEqualTo("Healthgate admin: sign in");
    browser.findElement(By.id("lang-vi")).click();
    assertThat(browser.findElement(By.id("sign-in")).getText()).isEqualTo("Đăng nhập");
    signIn();
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
    wait.until(d -> d.findElement(By.id("generated-at")).getText().matches("cập nhật lúc " + VI_TIME));
    lookUp(wait, id);
    String createdVi = browser.findElement(By.cssSelector("#lookup-result .created-at")).getText();
    assertThat(createdVi).matches(VI_TIME);
    String vietnamese = browser.findElement(By.tagName("main")).getText();
    assertThat(vietnamese).contains("Tra cứu hồ sơ", "Hàng đợi lỗi", "Hồ sơ tồn theo cơ sở", "Chứng thư ký số", "Đã tiếp nhận", "Lưu vào hàng đợi gửi")
        .doesNotContain("Dead letters", "Backlog", "Accepted");

    browser.findElement(By.id("lang-en")).click();
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    String english = browser.findElement(By.tagName("main")).getText();
    assertThat(english).contains("Look up a submission", "Dead letters", "Backlog by facility", "Signing certificates", "Accepted", "Stored in the outbox",
        "Episode id (MA_LK)").doesNotContain("Hàng đợi lỗi", "Đã tiếp nhận", "Tra cứu hồ sơ");
    String createdEn = browser.findElement(By.cssSelector("#lookup-result .created-at")).getText();
    assertThat(createdEn).as("the same instant, the same zone, in an unambiguous form").matches(EN_TIME);
    assertThat(createdEn.substring(0, 10)).isEqualTo(createdVi.substring(6, 10) + "-" + createdVi.substring(3, 5) + "-" + createdVi.substring(0, 2));
    assertThat(createdEn.substring(11)).isEqualTo(createdVi.substring(11));
    assertThat(browser.findElement(By.id("generated-at")).getText()).matches("as of " + EN_TIME);
    assertThat(browser.findElement(By.cssSelector("#routes tr[data-route='eligibility-check']")).getText()).contains("Started");
    assertThat(browser.getTitle()).isEqualTo("Healthgate admin");

    browser.navigate().refresh();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#routes tr[data-route='eligibility-check']"), "Started"));
    assertThat(browser.findElement(By.tagName("h2")).getText()).as("remembered after a reload").isEqualTo("Look up a submission");
    wait.until(d -> d.findElement(By.id("generated-at")).getText().matches("as of " + EN_TIME));
    browser.findElement(By.id("lang-vi")).click();
    assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Tra cứu hồ sơ");
    assertThat(browser.findElement(By.id("generated-at")).getText()).matches("cập nhật lúc " + VI_TIME);
  }

  @Test
  void everyCamelRouteAndEveryStepCarriesAnIdSoHawtioShowsTheFlow() {
    ModelCamelContext model = (ModelCamelContext) camel;
    List<String> unnamed = new ArrayList<>();
    for (RouteDefinition route : model.getRouteDefinitions()) {
      if (!route.hasCustomIdAssigned()) {
        unnamed.add("route from " + route.getInput().getEndpointUri());
      }
      route.getOutputs().forEach(step -> collectUnnamed(route.getRouteId(), step, unnamed));
    }
    for (RouteConfigurationDefinition configuration : model.getRouteConfigurationDefinitions()) {
      for (OnExceptionDefinition onException : configuration.getOnExceptions()) {
        collectUnnamed(configuration.getId(), onException, unnamed);
      }
    }
    assertThat(model.getRouteDefinitions()).extracting(RouteDefinition::getRouteId)
        .contains("eligibility-check", "check-in-intake", "certificate-intake", "certificate-correction", "outbox-poll", "outbox-delivery");
    assertThat(unnamed).as("nodes Hawtio would show as 'bean5', 'process3'…").isEmpty();
  }

  private static void collectUnnamed(String where, ProcessorDefinition<?> step, List<String> unnamed) {
    if (!((OptionalIdentifiedDefinition<?>) step).hasCustomIdAssigned()) {
      unnamed.add(where + ": " + step.getShortName() + " " + step);
    }
    step.getOutputs().forEach(child -> collectUnnamed(where, (ProcessorDefinition<?>) child, unnamed));
  }
}
