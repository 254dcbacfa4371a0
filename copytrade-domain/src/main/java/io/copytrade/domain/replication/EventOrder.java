package io.copytrade.domain.replication;

import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.OrderId;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Remembers the newest event of each leader order, so that an older one arriving late (a socket frame
 * after the catch-up read the order book, say) cannot undo a newer one, such as a modify back to an old
 * price. The same order again is not older: walking it again changes nothing. Kept in memory: after a
 * restart the catch-up reads the order book, which holds only each order's newest state.
 */
final class EventOrder {
  /** The newest event seen, and the latest stamp seen for it (the same order may come stamped twice). */
  private record Seen(LeaderOrderUpdate update, Instant stamp) {}

  private final Map<OrderId, Seen> newest = new ConcurrentHashMap<>();

  /** Whether {@code update} is older than an event already seen; if not, it becomes the newest. */
  boolean isStale(LeaderOrderUpdate update) {
    AtomicBoolean stale = new AtomicBoolean();
    newest.merge(update.orderId(), new Seen(update, update.updatedAt()), (known, next) -> {
      if (olderThan(update, known)) {
        stale.set(true);
        return known;
      }
      return new Seen(update, update.updatedAt().isAfter(known.stamp()) ? update.updatedAt() : known.stamp());
    });
    return stale.get();
  }

  /**
   * Fills only grow, a dead order does not come back, and Dhan stamps each change. Stamps come from two
   * sources (live frames, and the order book a catch-up or replay reads), so they decide only where the
   * facts do not: more fills, or an open order now dead, is newer whatever its stamp; the same order again
   * is walked again; only a different order stamped earlier is an older change.
   */
  private static boolean olderThan(LeaderOrderUpdate next, Seen seen) {
    LeaderOrderUpdate known = seen.update();
    int fills = next.filledQuantity().compareTo(known.filledQuantity());
    if (fills < 0 || (known.status().isTerminal() && next.status().isOpen())) return true;
    boolean progressed = fills > 0 || (next.status().isTerminal() && known.status().isOpen());
    return !progressed && !sameTerms(next, known) && next.updatedAt().isBefore(seen.stamp());
  }

  private static boolean sameTerms(LeaderOrderUpdate a, LeaderOrderUpdate b) {
    return a.status() == b.status() && a.orderType() == b.orderType() && a.validity() == b.validity()
        && a.quantity().equals(b.quantity()) && a.price().equals(b.price())
        && a.triggerPrice().equals(b.triggerPrice());
  }
}
