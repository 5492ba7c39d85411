package vn.healthgate.gateway.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Group commit: concurrent callers each hand over one item and return once it is written, while whoever holds the writer lock
 * writes every item queued so far in one batch (the batch writer commits it in one transaction). One caller alone pays one
 * commit as before; under load, callers share commits instead of queueing one commit each behind the database's commit lock.
 * Items are written in the order they were handed over. A batch that fails is written again one item at a time, in order, each
 * in its own transaction, so one bad item fails only its own caller; when the database cannot be reached at all, every caller of
 * the batch gets that failure at once instead of waiting for a connection once per item.
 */
public final class GroupCommit<T> {
  private final Queue<Pending<T>> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writer = new ReentrantLock();
  private final Consumer<List<T>> writeBatch;
  private final int maxBatch;

  /** {@code writeBatch} writes and commits its items in order, all or none; {@code maxBatch} bounds one transaction. */
  public GroupCommit(Consumer<List<T>> writeBatch, int maxBatch) {
    this.writeBatch = writeBatch;
    this.maxBatch = maxBatch;
  }

  /** Writes {@code item} together with whatever else is waiting; returns once it is committed, or throws what writing it threw. */
  public void write(T item) {
    Pending<T> pending = new Pending<>(item);
    queue.add(pending);
    writer.lock();
    try {
      while (!pending.done) {
        writeQueued();
      }
    } finally {
      writer.unlock();
    }
    if (pending.failure != null) {
      throw pending.failure;
    }
  }

  private void writeQueued() {
    List<Pending<T>> batch = new ArrayList<>();
    for (Pending<T> p; batch.size() < maxBatch && (p = queue.poll()) != null; ) {
      batch.add(p);
    }
    RuntimeException failure = write(batch.stream().map(p -> p.item).toList());
    if (failure == null || batch.size() == 1 || unreachable(failure)) {
      for (Pending<T> p : batch) {
        p.failure = failure;
        p.done = true;
      }
      return;
    }
    RuntimeException unreachable = null;
    for (Pending<T> p : batch) {
      p.failure = unreachable != null ? unreachable : write(List.of(p.item));
      if (p.failure != null && unreachable(p.failure)) {
        unreachable = p.failure;
      }
      p.done = true;
    }
  }

  private RuntimeException write(List<T> items) {
    try {
      writeBatch.accept(items);
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  /** A failure to reach the database says nothing about one item: trying the others one by one would only wait again for each. */
  private static boolean unreachable(RuntimeException failure) {
    return failure instanceof DataAccessResourceFailureException || failure instanceof TransientDataAccessResourceException
        || failure instanceof CannotCreateTransactionException;
  }

  /** An item waiting for its commit; {@code done} and {@code failure} are written and read under the writer lock. */
  private static final class Pending<T> {
    final T item;
    boolean done;
    RuntimeException failure;

    Pending(T item) {
      this.item = item;
    }
  }
}
