package io.copytrade.sqlite;

import io.copytrade.ports.store.AuditEntry;
import io.copytrade.ports.store.CopyMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Group commit of intents: the followers of one leader event store their intents at the same moment, each
 * from its own thread, and each must be on disk before its order is sent. Rather than each waiting for the
 * others' syncs one by one, intents that arrive while a commit is under way are committed together by the
 * next one: one sync for all of them. Each caller still returns only once its own intent is committed, and a
 * failure of one intent (each has its own savepoint) fails that caller alone.
 */
final class IntentBatch {
  /** One caller's intent and what became of it. */
  static final class Pending {
    final CopyMapping intent;
    final AuditEntry audit;
    private boolean done;
    private boolean recorded;
    private RuntimeException failure;

    Pending(CopyMapping intent, AuditEntry audit) {
      this.intent = intent;
      this.audit = audit;
    }

    void recorded(boolean inserted) {
      recorded = inserted;
    }

    void failed(RuntimeException e) {
      failure = e;
    }
  }

  private final Consumer<List<Pending>> commit;
  private final List<Pending> queue = new ArrayList<>();
  private boolean committing;

  /** @param commit stores a batch in one transaction, telling each pending intent what became of it */
  IntentBatch(Consumer<List<Pending>> commit) {
    this.commit = commit;
  }

  /** @return false when an intent with this correlation id was stored before */
  boolean record(CopyMapping intent, AuditEntry audit) {
    Pending mine = new Pending(intent, audit);
    List<Pending> batch;
    synchronized (this) {
      queue.add(mine);
      awaitTurn(mine);
      if (mine.done) return outcome(mine);
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
    return outcome(mine);
  }

  private static boolean outcome(Pending pending) {
    if (pending.failure != null) throw pending.failure;
    return pending.recorded;
  }

  /**
   * Waits while another caller commits, until this intent was committed with it or it is this caller's turn.
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
