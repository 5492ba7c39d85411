package vn.healthgate.gateway.audit;

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
import java.util.List;
import java.util.UUID;
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

/** The audit trail under concurrency: one unbroken chain, every entry committed before its append returns, commits shared. */
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
    for (String migration : new String[] {"V4__audit_log.sql", "V6__audit_head.sql"}) {
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

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void concurrentAppendsFormOneUnbrokenChainAndEachIsStoredWhenAppendReturns() throws Exception {
    AuditLog audit = new AuditLog(jdbc, Clock.systemUTC());
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

    assertThat(audit.verify()).isEqualTo(new AuditLog.Verification(true, 1600, null));
    assertThat(jdbc.queryForObject("select count(distinct correlation_id) from audit_log", Integer.class)).isEqualTo(1600);
  }

  @Test
  void callersWaitingWhileAnotherCommitsShareOneCommit() throws Exception {
    AuditLog audit = new AuditLog(jdbc, Clock.systemUTC());
    firstCommitHeld = new CountDownLatch(1);
    releaseFirstCommit = new CountDownLatch(1);
    Future<?> first = threads.submit(() -> audit.append("system", null, "first", null, "ok", "c-0"));
    assertThat(firstCommitHeld.await(10, TimeUnit.SECONDS)).isTrue();

    List<Thread> waiting = new ArrayList<>();
    for (int i = 1; i <= 15; i++) {
      String correlation = "c-" + i;
      Thread thread = new Thread(() -> audit.append("system", null, "queued", null, "ok", correlation));
      thread.start();
      waiting.add(thread);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> waiting.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
    releaseFirstCommit.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (Thread thread : waiting) {
      thread.join(10_000);
    }

    assertThat(audit.verify()).isEqualTo(new AuditLog.Verification(true, 16, null));
    assertThat(commits.get()).as("the first entry's commit, then one for the fifteen that queued behind it").isEqualTo(2);
  }

  @Test
  void twoNodesAppendingToOneDatabaseKeepOneChain() throws Exception {
    AuditLog nodeA = new AuditLog(jdbc, Clock.systemUTC());
    AuditLog nodeB = new AuditLog(jdbc, Clock.systemUTC());
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

    assertThat(nodeA.verify()).isEqualTo(new AuditLog.Verification(true, 800, null));
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
