package io.copytrade.domain.replication;

import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.OrderId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the newest event of each leader order, so that an older one arriving late (a socket frame
 * after the catch-up read the order book, say) cannot undo a newer one, such as a modify back to an old
 * price. An identical event is not older: walking it again changes nothing. Kept in memory: after a restart
 * the catch-up reads the order book, which holds only each order's newest state.
 */
final class EventOrder {
  private final Map<OrderId, LeaderOrderUpdate> newest = new ConcurrentHashMap<>();

  /** Whether {@code update} is older than an event already seen; if not, it becomes the newest. */
  boolean isStale(LeaderOrderUpdate update) {
    return newest.merge(update.orderId(), update, (known, next) -> olderThan(next, known) ? known : next)
        != update;
  }

  /** Fills only grow, a dead order does not come back, and Dhan stamps each change. */
  private static boolean olderThan(LeaderOrderUpdate next, LeaderOrderUpdate known) {
    return next.filledQuantity().compareTo(known.filledQuantity()) < 0
        || next.updatedAt().isBefore(known.updatedAt())
        || (known.status().isTerminal() && next.status().isOpen());
  }
}
