package io.copytrade.domain.replication;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resting leader orders whose last event every follower was brought to with nothing left over: no write to
 * retry, no failure, no pause, no refusal, and no copy in flight (one resolved later has its leader order
 * handled again, and that must walk: {@link ResolutionPass#leaderOrdersToReplay()}). The next event of such an
 * order that changes nothing a copy follows (Dhan's PENDING after TRANSIT, or the same frame again), with the
 * followers standing as they did, needs no walk: each follower's would read the order of each of its copies
 * only to find nothing to do, a hundred followers' reads for every order a leader places. A copy is not
 * re-sized by such an event either (a capital figure refreshed in between waits for the leader's next change).
 * Kept in memory, so after a restart every event is walked again, which is how a walk cut short by a crash
 * reaches the followers it had not.
 */
final class SettledOrders {
  private static final Set<OrderStatus> RESTING = EnumSet.of(OrderStatus.TRANSIT, OrderStatus.PENDING);

  /** What a walk depended on besides the event. */
  record Standing(List<Follower> followers, Map<AccountId, Optional<String>> stopped, boolean copyingEnabled) {}

  private record Settled(LeaderOrderUpdate update, Standing standing) {}

  private final Map<OrderId, Settled> settled = new ConcurrentHashMap<>();

  /** Whether walking {@code update} would change nothing, as its order's last walk settled every follower. */
  boolean unchanged(LeaderOrderUpdate update, Standing standing) {
    Settled last = settled.get(update.orderId());
    return last != null && RESTING.contains(update.status()) && last.standing().equals(standing)
        && sameButStatusAndTime(last.update(), update);
  }

  /** Remembers a walk that left nothing over of a resting order; anything else forgets the order. */
  void walked(LeaderOrderUpdate update, Standing standing, ReplicationResult result) {
    boolean inFlight = result.copies().stream()
        .anyMatch(copy -> ResolveInFlightCopies.IN_FLIGHT.contains(copy.state()));
    if (RESTING.contains(update.status()) && result.leftNothing() && !inFlight) {
      settled.put(update.orderId(), new Settled(update, standing));
    } else {
      settled.remove(update.orderId());
    }
  }

  private static boolean sameButStatusAndTime(LeaderOrderUpdate a, LeaderOrderUpdate b) {
    return a.equals(new LeaderOrderUpdate(b.account(), b.orderId(), a.status(), b.side(), b.instrument(),
        b.product(), b.orderType(), b.validity(), b.quantity(), b.filledQuantity(), b.price(), b.triggerPrice(),
        b.averageTradedPrice(), b.instrumentType(), b.lotSize(), b.correlationId(), a.updatedAt()));
  }
}
