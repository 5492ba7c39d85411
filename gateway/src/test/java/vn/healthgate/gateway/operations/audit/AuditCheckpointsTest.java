package vn.healthgate.gateway.operations.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Checkpoints are written at start, after an interval in which the head moved (only then), and at stop; each line is also logged. */
class AuditCheckpointsTest {
  private static final AuditKey KEY = AuditKey.of("the key of the checkpoint tests!".getBytes(StandardCharsets.US_ASCII));
  private static final Instant NOW = Instant.parse("2025-06-01T08:00:00.250Z");

  @TempDir Path dir;
  private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:checkpoints-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger shippedLogger = (Logger) LoggerFactory.getLogger(AuditCheckpoints.LOGGER);

  @BeforeEach
  void schema() throws IOException {
    for (String migration : new String[] {"V4__audit_log.sql", "V6__audit_head.sql", "V7__audit_key_id.sql"}) {
      try (InputStream ddl = getClass().getResourceAsStream("/db/migration/" + migration)) {
        for (String statement : new String(ddl.readAllBytes(), StandardCharsets.UTF_8).split(";")) {
          if (!statement.isBlank()) {
            jdbc.execute(statement);
          }
        }
      }
    }
    logged.start();
    shippedLogger.addAppender(logged);
  }

  @AfterEach
  void detach() {
    shippedLogger.detachAppender(logged);
  }

  @Test
  void aCheckpointIsWrittenAtStartAfterAnIntervalInWhichTheHeadMovedOnlyThenAndAtStop() throws IOException {
    Path file = dir.resolve("checkpoints").resolve("audit-checkpoints.log");
    AuditLog audit = new AuditLog(jdbc, Clock.systemUTC(), AuditKeys.of(KEY), file);
    AuditCheckpoints checkpoints = new AuditCheckpoints(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), KEY, file, Duration.ofMillis(50), "gw 1\n");

    checkpoints.start();
    assertThat(Files.readAllLines(file)).singleElement().asString().startsWith("2025-06-01T08:00:00.250Z seq=0 hash=" + AuditLog.GENESIS + " node=gw_1_ key="
        + KEY.id() + " mac=");
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> Files.readAllLines(file).size() == 1);

    audit.append("system", null, "moved", null, "ok", null);
    await().atMost(Duration.ofSeconds(5)).until(() -> Files.readAllLines(file).size() == 2);
    assertThat(Files.readAllLines(file).get(1)).contains(" seq=1 ");
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> Files.readAllLines(file).size() == 2);

    checkpoints.stop();
    assertThat(checkpoints.isRunning()).isFalse();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(2)).contains(" seq=1 ");
    assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).containsExactlyElementsOf(lines.stream().map(l -> "audit checkpoint " + l).toList());
    assertThat(audit.verify().checkpoints()).isEqualTo(3);
  }
}
