package io.copytrade.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Group commit: the followers of one leader event store their intents (and then their outcomes) at the same
 * moment, each from its own thread, and each write must be on disk before its caller goes on. Rather than each
 * waiting for the others' syncs one by one, writes that arrive while a commit is under way are committed
 * together by the next one: one sync for all of them. Each caller still returns only once its own write is
 * committed, and a failure of one write (each has its own savepoint) fails that caller alone.
 */
final class GroupCommit {
  /** One caller's write and what became of it. */
  static final class Pending {
    private final Supplier<?> write;
    private boolean done;
    private Object result;
    private RuntimeException failure;

    private Pending(Supplier<?> write) {
      this.write = write;
    }

    /** Makes the write; called inside the batch's transaction, under this write's own savepoint. */
    void run() {
      result = write.get();
    }

    void failed(RuntimeException e) {
      failure = e;
    }
  }

  private final Consumer<List<Pending>> commit;
  private final List<Pending> queue = new ArrayList<>();
  private boolean committing;

  /** @param commit runs a batch's writes in one transaction, each under a savepoint, telling each its failure */
  GroupCommit(Consumer<List<Pending>> commit) {
    this.commit = commit;
  }

  /** Makes {@code write} in a transaction shared with whatever other threads write at the same moment. */
  @SuppressWarnings("unchecked")
  <R> R write(Supplier<R> write) {
    Pending mine = new Pending(write);
    List<Pending> batch;
    synchronized (this) {
      queue.add(mine);
      awaitTurn(mine);
      if (mine.done) return (R) outcome(mine);
      committing = true;
      batch = List.copyOf(queue);
      queue.clear();
    }
    try {
      commit.accept(batch);
    } catch (RuntimeException whole) {
      batch.forEach(pending -> pending.failed(whole));
    } finally {
      synchronized (this) {
        batch.forEach(pending -> pending.done = true);
        committing = false;
        notifyAll();
      }
    }
    return (R) outcome(mine);
  }

  private static Object outcome(Pending pending) {
    if (pending.failure != null) throw pending.failure;
    return pending.result;
  }

  /**
   * Waits while another caller commits, until this write was committed with it or it is this caller's turn.
   * An interrupt is kept for later: leaving now would let an order be sent whose intent may not be stored.
   */
  private void awaitTurn(Pending mine) {
    boolean interrupted = false;
    while (committing && !mine.done) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }
}
