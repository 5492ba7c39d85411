package vn.healthgate.gateway.operations.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The audit trail under concurrency: one unbroken chain, every entry committed before its append returns, commits shared; a row
 * that cannot be stored fails its own caller only.
 */
class AuditLogTest {
  private final AtomicInteger commits = new AtomicInteger();
  private volatile CountDownLatch firstCommitHeld;
  private volatile CountDownLatch releaseFirstCommit;
  private JdbcTemplate jdbc;
  private ExecutorService threads;

  /** A fresh, empty database (here H2 in memory) for each test. */
  DataSource freshDatabase() {
    return new DriverManagerDataSource("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }

  @BeforeEach
  void database() throws IOException {
    jdbc = new JdbcTemplate(new CommitCounting(freshDatabase()));
    for (String migration : new String[] {"V4__audit_log.sql", "V6__audit_head.sql", "V7__audit_key_id.sql"}) {
      try (InputStream ddl = getClass().getResourceAsStream("/db/migration/" + migration)) {
        for (String statement : new String(ddl.readAllBytes(), StandardCharsets.UTF_8).split(";")) {
          if (!statement.isBlank()) {
            jdbc.execute(statement);
          }
        }
      }
    }
    threads = Executors.newFixedThreadPool(16);
  }

  /** An audit log over the test database, with a fixed key. */
  AuditLog newAuditLog() {
    return new AuditLog(jdbc, Clock.systemUTC(), AuditKeys.of(AuditKey.of("a test key of thirty-two bytes!!".getBytes(StandardCharsets.US_ASCII))), null);
  }

  private static void assertValid(AuditLog.Verification verification, long entries) {
    assertThat(verification.findings()).isEmpty();
    assertThat(verification.valid()).isTrue();
    assertThat(verification.entries()).isEqualTo(entries);
    assertThat(verification.legacyEntries()).isZero();
  }

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void concurrentAppendsFormOneUnbrokenChainAndEachIsStoredWhenAppendReturns() throws Exception {
    AuditLog audit = newAuditLog();
    List<Future<Integer>> missing = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      int thread = t;
      missing.add(threads.submit(() -> {
        int notYetStored = 0;
        for (int i = 0; i < 100; i++) {
          String correlation = thread + "-" + i;
          audit.append("facility:70001", "70001", "POST /api/v1/eligibility-checks", null, "200", correlation);
          notYetStored += jdbc.queryForObject("select count(*) from audit_log where correlation_id = ?", Integer.class, correlation) == 1 ? 0 : 1;
        }
        return notYetStored;
      }));
    }
    for (Future<Integer> f : missing) {
      assertThat(f.get(60, TimeUnit.SECONDS)).isZero();
    }

    assertValid(audit.verify(), 1600);
    assertThat(jdbc.queryForObject("select count(distinct correlation_id) from audit_log", Integer.class)).isEqualTo(1600);
  }

  @Test
  void callersWaitingWhileAnotherCommitsShareOneCommit() throws Exception {
    AuditLog audit = newAuditLog();
    List<Callable<Void>> queued = new ArrayList<>();
    for (int i = 1; i <= 15; i++) {
      queued.add(appending(audit, "system", "queued", "c-" + i));
    }

    List<Throwable> failures = appendBehindAHeldCommit(audit, queued);

    assertThat(failures).containsOnlyNulls();
    assertThat(commits.get()).as("the first entry's commit, then one for the fifteen that queued behind it").isEqualTo(2);
    assertValid(audit.verify(), 16);
  }

  @Test
  void aTooLongFieldInOneRequestOfABatchIsStoredTruncatedAndEveryOtherEntryIsPresent() throws Exception {
    AuditLog audit = newAuditLog();
    List<Callable<Void>> queued = new ArrayList<>();
    for (int i = 1; i <= 15; i++) {
      queued.add(i == 7
          ? appending(audit, "robot\u0000\n" + "a".repeat(100), "X".repeat(300) + " /api/v1/eligibility-checks", "c-long")
          : appending(audit, "facility:70001", "POST /api/v1/eligibility-checks", "c-" + i));
    }

    List<Throwable> failures = appendBehindAHeldCommit(audit, queued);

    assertThat(failures).containsOnlyNulls();
    assertThat(jdbc.queryForList("select correlation_id from audit_log order by seq", String.class))
        .containsExactlyInAnyOrder("c-0", "c-1", "c-2", "c-3", "c-4", "c-5", "c-6", "c-long", "c-8", "c-9", "c-10", "c-11", "c-12", "c-13", "c-14", "c-15");
    Map<String, Object> stored = jdbc.queryForMap("select actor, action from audit_log where correlation_id = 'c-long'");
    assertThat((String) stored.get("actor")).as("control characters stripped, cut to varchar(40)").isEqualTo("robot" + "a".repeat(35));
    assertThat((String) stored.get("action")).as("cut to varchar(200)").isEqualTo("X".repeat(200));
    assertValid(audit.verify(), 16);
  }

  @Test
  void aRowTheDatabaseRefusesFailsOnlyItsOwnCallerAndTheRestOfItsBatchIsCommitted() throws Exception {
    jdbc.execute("alter table audit_log add constraint test_refuses_one_action check (action <> 'REFUSED BY THE DATABASE')");
    AuditLog audit = newAuditLog();
    List<Callable<Void>> queued = new ArrayList<>();
    for (int i = 1; i <= 15; i++) {
      queued.add(appending(audit, "facility:70001", i == 9 ? "REFUSED BY THE DATABASE" : "POST /api/v1/check-ins", "c-" + i));
    }

    List<Throwable> failures = appendBehindAHeldCommit(audit, queued);

    for (int i = 1; i <= 15; i++) {
      if (i == 9) {
        assertThat(failures.get(i - 1)).as("the refused row's caller").isInstanceOf(AuditUnavailableException.class);
      } else {
        assertThat(failures.get(i - 1)).as("caller c-" + i).isNull();
      }
    }
    assertThat(jdbc.queryForList("select correlation_id from audit_log order by seq", String.class)).hasSize(15).doesNotContain("c-9")
        .contains("c-0", "c-1", "c-8", "c-10", "c-15");
    assertValid(audit.verify(), 15);
  }

  private static Callable<Void> appending(AuditLog audit, String actor, String action, String correlation) {
    return () -> {
      audit.append(actor, null, action, null, "ok", correlation);
      return null;
    };
  }

  /**
   * Holds the commit of a first entry ({@code c-0}) while {@code queued} appends queue up behind it, so that they form one batch;
   * then lets it go. Returns what each queued append threw, in order (null: it returned normally).
   */
  private List<Throwable> appendBehindAHeldCommit(AuditLog audit, List<Callable<Void>> queued) throws Exception {
    firstCommitHeld = new CountDownLatch(1);
    releaseFirstCommit = new CountDownLatch(1);
    Future<?> first = threads.submit(() -> audit.append("system", null, "first", null, "ok", "c-0"));
    assertThat(firstCommitHeld.await(10, TimeUnit.SECONDS)).isTrue();

    List<Thread> waiting = new ArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>(Collections.nCopies(queued.size(), (Throwable) null));
    for (int i = 0; i < queued.size(); i++) {
      int index = i;
      Thread thread = new Thread(() -> {
        try {
          queued.get(index).call();
        } catch (Throwable e) {
          failures.set(index, e);
        }
      });
      thread.start();
      waiting.add(thread);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> waiting.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
    releaseFirstCommit.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (Thread thread : waiting) {
      thread.join(10_000);
    }
    assertThat(waiting).noneMatch(Thread::isAlive);
    return failures;
  }

  @Test
  void twoNodesAppendingToOneDatabaseKeepOneChain() throws Exception {
    AuditLog nodeA = newAuditLog();
    AuditLog nodeB = newAuditLog();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      AuditLog node = t % 2 == 0 ? nodeA : nodeB;
      int thread = t;
      done.add(threads.submit(() -> {
        for (int i = 0; i < 50; i++) {
          node.append("system", null, "node", null, "ok", thread + "-" + i);
        }
      }));
    }
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }

    assertValid(nodeA.verify(), 800);
  }

  /** Counts commits; the first one can be held until the test lets it go. */
  private final class CommitCounting extends DelegatingDataSource {
    CommitCounting(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws java.sql.SQLException {
      Connection connection = super.getConnection();
      return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
        if (method.getName().equals("commit")) {
          if (commits.incrementAndGet() == 1 && firstCommitHeld != null) {
            firstCommitHeld.countDown();
            releaseFirstCommit.await(10, TimeUnit.SECONDS);
          }
        }
        try {
          return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      });
    }
  }
}
