package vn.healthgate.gateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Concurrent callers share batches, in the order they handed their items over; a failed batch is written again one item at a time,
 * so only a caller whose own item fails gets the failure (unless the database could not be reached at all).
 */
class GroupCommitTest {
  private final List<List<String>> batches = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstBatchStarted = new CountDownLatch(1);
  private final CountDownLatch releaseFirstBatch = new CountDownLatch(1);

  private void writeHoldingTheFirst(List<String> batch) {
    batches.add(batch);
    if (batches.size() == 1) {
      firstBatchStarted.countDown();
      try {
        releaseFirstBatch.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (batch.contains("bad")) {
      throw new IllegalStateException("batch refused");
    }
  }

  @Test
  void aCallerAloneWritesItsOwnItemBeforeReturning() {
    GroupCommit<String> commits = new GroupCommit<>(batches::add, 10);

    commits.write("a");
    commits.write("b");

    assertThat(batches).containsExactly(List.of("a"), List.of("b"));
  }

  @Test
  void itemsHandedOverWhileABatchIsWrittenShareTheNextBatchesInOrderUpToTheBound() throws Exception {
    GroupCommit<String> commits = new GroupCommit<>(this::writeHoldingTheFirst, 3);
    Thread first = new Thread(() -> commits.write("0"));
    first.start();
    assertThat(firstBatchStarted.await(10, TimeUnit.SECONDS)).isTrue();

    List<Thread> waiting = startOneAfterAnother(commits, "1", "2", "3", "4", "5");
    releaseFirstBatch.countDown();
    first.join(10_000);
    for (Thread t : waiting) {
      t.join(10_000);
    }

    assertThat(batches).containsExactly(List.of("0"), List.of("1", "2", "3"), List.of("4", "5"));
    assertThat(waiting).noneMatch(Thread::isAlive);
  }

  @Test
  void aFailedBatchIsWrittenAgainOneItemAtATimeInOrderSoOnlyTheFailingCallerFails() throws Exception {
    GroupCommit<String> commits = new GroupCommit<>(this::writeHoldingTheFirst, 10);
    Thread first = new Thread(() -> commits.write("0"));
    first.start();
    assertThat(firstBatchStarted.await(10, TimeUnit.SECONDS)).isTrue();
    AtomicReference<Throwable> goodOne = new AtomicReference<>();
    AtomicReference<Throwable> badOne = new AtomicReference<>();
    AtomicReference<Throwable> lastOne = new AtomicReference<>();
    Thread good = caller(commits, "good", goodOne);
    awaitWaiting(good);
    Thread bad = caller(commits, "bad", badOne);
    awaitWaiting(bad);
    Thread last = caller(commits, "last", lastOne);
    awaitWaiting(last);

    releaseFirstBatch.countDown();
    for (Thread t : List.of(first, good, bad, last)) {
      t.join(10_000);
    }

    assertThat(batches).containsExactly(List.of("0"), List.of("good", "bad", "last"), List.of("good"), List.of("bad"), List.of("last"));
    assertThat(goodOne.get()).isNull();
    assertThat(badOne.get()).isInstanceOf(IllegalStateException.class).hasMessage("batch refused");
    assertThat(lastOne.get()).isNull();
    commits.write("later");
    assertThat(batches).last().isEqualTo(List.of("later"));
    assertThatThrownBy(() -> commits.write("bad")).hasMessage("batch refused");
  }

  @Test
  void aBatchThatCannotReachTheDatabaseFailsEveryCallerWithoutTryingEachItemAgain() throws Exception {
    GroupCommit<String> commits = new GroupCommit<>(batch -> {
      writeHoldingTheFirst(batch);
      if (batches.size() > 1) {
        throw new CannotGetJdbcConnectionException("no connection");
      }
    }, 10);
    Thread first = new Thread(() -> commits.write("0"));
    first.start();
    assertThat(firstBatchStarted.await(10, TimeUnit.SECONDS)).isTrue();
    AtomicReference<Throwable> one = new AtomicReference<>();
    AtomicReference<Throwable> two = new AtomicReference<>();
    Thread a = caller(commits, "a", one);
    awaitWaiting(a);
    Thread b = caller(commits, "b", two);
    awaitWaiting(b);

    releaseFirstBatch.countDown();
    for (Thread t : List.of(first, a, b)) {
      t.join(10_000);
    }

    assertThat(batches).as("no item-by-item retry: each would wait for a connection again").containsExactly(List.of("0"), List.of("a", "b"));
    assertThat(one.get()).isInstanceOf(CannotGetJdbcConnectionException.class);
    assertThat(two.get()).isInstanceOf(CannotGetJdbcConnectionException.class);
  }

  private List<Thread> startOneAfterAnother(GroupCommit<String> commits, String... items) {
    List<Thread> threads = new ArrayList<>();
    for (String item : items) {
      Thread thread = new Thread(() -> commits.write(item));
      thread.start();
      awaitWaiting(thread);
      threads.add(thread);
    }
    return threads;
  }

  private static Thread caller(GroupCommit<String> commits, String item, AtomicReference<Throwable> failure) {
    Thread thread = new Thread(() -> {
      try {
        commits.write(item);
      } catch (RuntimeException e) {
        failure.set(e);
      }
    });
    thread.start();
    return thread;
  }

  /** A caller parked on the writer lock has already queued its item. */
  private static void awaitWaiting(Thread thread) {
    await().atMost(Duration.ofSeconds(10)).until(() -> thread.getState() == Thread.State.WAITING);
  }
}
