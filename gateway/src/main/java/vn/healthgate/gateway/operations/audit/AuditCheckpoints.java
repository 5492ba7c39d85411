package vn.healthgate.gateway.operations.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes checkpoints of the chain head outside the database: at start-up, every {@code gateway.audit.checkpoint-interval} when the
 * head moved, and at shutdown. Each is one line appended to this node's checkpoint file and the same line logged at INFO by the
 * logger {@value #LOGGER} (ship it off the host). Rewriting the chain after a checkpoint, or cutting it short, then shows.
 */
public class AuditCheckpoints implements SmartLifecycle {
  /** The logger name of checkpoint lines: route it to a log store the database's admins cannot rewrite. */
  public static final String LOGGER = "healthgate.audit.checkpoint";
  private static final Logger SHIPPED = LoggerFactory.getLogger(LOGGER);
  private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpoints.class);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final AuditKey key;
  private final Path file;
  private final Duration interval;
  private final String node;
  private ScheduledExecutorService scheduler;
  private AuditCheckpoint last;

  public AuditCheckpoints(JdbcTemplate jdbc, Clock clock, AuditKey key, Path file, Duration interval, String node) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.key = key;
    this.file = file;
    this.interval = interval;
    this.node = node;
  }

  /** Writes a checkpoint of the chain head as it is now, moved or not; returns its line. */
  public synchronized String write() {
    Map<String, Object> head = jdbc.queryForMap("select seq, hash from audit_head where id = 1");
    AuditCheckpoint checkpoint = AuditCheckpoint.sign(key, clock.instant().truncatedTo(ChronoUnit.MILLIS), ((Number) head.get("seq")).longValue(),
        (String) head.get("hash"), node);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, checkpoint.line() + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
          StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the audit checkpoint file " + file, e);
    }
    SHIPPED.info(AuditCheckpoint.LOG_MARKER + "{}", checkpoint.line());
    last = checkpoint;
    return checkpoint.line();
  }

  /** Writes a checkpoint if the head moved since the last one. */
  synchronized void writeIfMoved() {
    Map<String, Object> head = jdbc.queryForMap("select seq, hash from audit_head where id = 1");
    if (last == null || last.seq() != ((Number) head.get("seq")).longValue() || !last.hash().equals(head.get("hash"))) {
      write();
    }
  }

  @Override
  public synchronized void start() {
    write();
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "audit-checkpoint");
      thread.setDaemon(true);
      return thread;
    });
    long every = interval.toMillis();
    scheduler.scheduleWithFixedDelay(this::runSafely, every, every, TimeUnit.MILLISECONDS);
  }

  private void runSafely() {
    try {
      writeIfMoved();
    } catch (RuntimeException e) {
      LOG.error("Audit checkpoint failed ({}); next try in {}", e.getClass().getSimpleName(), interval, e);
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService stopping;
    synchronized (this) {
      stopping = scheduler;
      scheduler = null;
    }
    if (stopping != null) {
      stopping.shutdownNow();
      try {
        stopping.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      runFinal();
    }
  }

  private void runFinal() {
    try {
      write();
    } catch (RuntimeException e) {
      LOG.error("The shutdown audit checkpoint failed ({})", e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  /** Starts before and stops after the web server and the jobs that append entries, so the first and last checkpoints cover them all. */
  @Override
  public int getPhase() {
    return 0;
  }
}
