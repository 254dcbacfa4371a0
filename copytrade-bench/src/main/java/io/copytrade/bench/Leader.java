package io.copytrade.bench;

import io.copytrade.ports.model.OrderId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** The leader trading on a fixed schedule, and bounded waits for what follows. */
final class Leader {
  private Leader() {}

  /**
   * Places the desk leader's orders {@code first} to {@code first + count - 1}, one every {@code every} from now
   * (a late one does not push the ones after it back), on this thread.
   */
  static List<OrderId> trade(Desk desk, int first, int count, Duration every) {
    List<OrderId> orders = new ArrayList<>(count);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      sleepUntil(start + i * every.toNanos());
      orders.add(desk.leaderPlaces(first + i));
    }
    return orders;
  }

  /** Waits until {@code done}, checking every 5 ms; false if {@code timeout} passed first. */
  static boolean await(BooleanSupplier done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) return false;
      LockSupport.parkNanos(5_000_000);
    }
    return true;
  }

  private static void sleepUntil(long due) {
    for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }
}
