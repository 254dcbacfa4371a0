package io.copytrade.app;

import io.copytrade.domain.replication.TrackFollowerOrders;
import io.copytrade.domain.replication.TrackFollowerOrders.Frame;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.store.CopyMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The followers' own order-update frames, applied on the event thread, between leader events, in batches:
 * every frame that came while the thread was busy is applied in one transaction, one sync to disk, in the order
 * they came. Each copy brings a follower several frames; one sync each queued a hundred followers' copies
 * behind hundreds of syncs.
 */
final class FollowerFrames {
  private static final Logger log = LoggerFactory.getLogger(FollowerFrames.class);

  private final Queue<Frame> queue = new ConcurrentLinkedQueue<>();
  /** Whether a drain is queued on the event thread and has not started taking frames yet. */
  private final AtomicBoolean drainQueued = new AtomicBoolean();
  private final TrackFollowerOrders tracking;
  private final Executor eventThread;
  private final Consumer<CopyMapping> changed;
  private final Consumer<AccountId> missed;

  /**
   * @param changed told of each copy whose state a frame moved
   * @param missed told of the follower of a frame that could not be applied: its book says what the frame did
   */
  FollowerFrames(TrackFollowerOrders tracking, Executor eventThread, Consumer<CopyMapping> changed,
      Consumer<AccountId> missed) {
    this.tracking = tracking;
    this.eventThread = eventThread;
    this.changed = changed;
    this.missed = missed;
  }

  /** From any socket's thread. */
  void add(Frame frame) {
    queue.add(frame);
    if (drainQueued.compareAndSet(false, true)) eventThread.execute(this::drain);
  }

  private void drain() {
    // Cleared before taking: a frame added from here on queues another drain, so none is left behind.
    drainQueued.set(false);
    List<Frame> frames = new ArrayList<>();
    for (Frame frame = queue.poll(); frame != null; frame = queue.poll()) frames.add(frame);
    if (frames.isEmpty()) return;
    try {
      tracking.onOrderUpdates(frames).forEach(changed);
    } catch (RuntimeException batchFailed) {
      // The batch was rolled back whole: one at a time, so a frame that cannot be applied loses no other.
      frames.forEach(this::applyAlone);
    }
  }

  private void applyAlone(Frame frame) {
    try {
      tracking.onOrderUpdates(List.of(frame)).forEach(changed);
    } catch (RuntimeException e) {
      missed.accept(frame.follower());
      log.atWarn().addKeyValue("follower", frame.follower()).setCause(e).log("follower_order_update_failed");
    }
  }
}
