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

/**
 * The admin page in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed
 * by {@code .ci/run}) on a gateway with traffic: sign in, see the routes, the breakers and a dead
 * letter, replay it and see it ACCEPTED. Writes {@code target/admin-page.png}.
 */
class AdminPageBrowserIT extends GatewayIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @Autowired JdbcTemplate jdbc;
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

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#routes tr[data-route='eligibility-check']"), "Started"));
    assertThat(browser.findElement(By.cssSelector("#routes tr[data-route='outbox-delivery']")).getText()).contains("Started");
    assertThat(browser.findElement(By.id("portal")).getText()).contains("card-lookup", "CLOSED");
    assertThat(browser.findElements(By.cssSelector("#chart-eligibility-count rect.bar"))).as("this minute's checks drawn").isNotEmpty();
    assertThat(browser.findElement(By.id("certificates")).getText()).contains("70001");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dead-letters tr[data-id='" + id + "']")));
    assertThat(browser.findElement(By.cssSelector("#dead-letters tr[data-id='" + id + "']")).getText()).contains("70003", "CERTIFICATE");

    browser.findElement(By.id("bulk-dry-run")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-result"), "1 dead letter(s) would be replayed"));
    assertThat(jdbc.queryForObject("select status from outbox where id = ?", String.class, id)).as("a dry run changes nothing").isEqualTo("DEAD_LETTER");

    // the page re-renders its tables every 5 s: a button found just before a refresh is gone when clicked, so find and click again
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
      d.findElement(By.cssSelector("#dead-letters button.replay[data-id='" + id + "']")).click();
      return true;
    });
    wait.withTimeout(Duration.ofSeconds(40))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#replayed tr[data-id='" + id + "'] .replay-status"), "ACCEPTED"));
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
    assertThat(get("/api/v1/admin/overview").status()).isEqualTo(401);
    assertThat(get("/admin").status()).as("redirect to sign-in").isEqualTo(302);
  }
}
