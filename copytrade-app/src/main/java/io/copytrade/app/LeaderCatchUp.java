package io.copytrade.app;

import io.copytrade.ports.broker.AccountQueries;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.OrderId;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the leader's order book into order events, for what the socket may have missed: Dhan does not
 * replay updates sent while a client was disconnected. Handling is idempotent, so events already seen change
 * nothing.
 */
final class LeaderCatchUp {
  private final AccountQueries leader;
  private final InstantSource clock;

  LeaderCatchUp(AccountQueries leader, InstantSource clock) {
    this.leader = leader;
    this.clock = clock;
  }

  /**
   * What a catch-up handles, and what it leaves as history.
   *
   * @param events the orders to handle, as events, in the order their last changes happened
   * @param history finished orders left out as the trader's history from before the engine ran today; their
   *     fills are part of the leader's position all the same
   */
  record Catch(List<LeaderOrderUpdate> events, List<LeaderOrderUpdate> history) {
    Set<OrderId> historyIds() {
      return history.stream().map(LeaderOrderUpdate::orderId).collect(Collectors.toCollection(LinkedHashSet::new));
    }
  }

  /**
   * The book as events. On the first read of a first start of the day ({@code drawsHistory}) finished orders
   * are history, not something to copy now; later catch-ups leave out the day's {@code history} too, so a
   * restart does not copy hours late what the first start rightly left. Events come oldest change first, as
   * if they had arrived live: exits are sized from the position each one met (see the domain's
   * PositionLedger), so orders missed together must be met in the order they happened, whatever order the
   * book lists them in.
   */
  Catch read(boolean drawsHistory, Set<OrderId> history) {
    Instant now = clock.instant();
    List<LeaderOrderUpdate> events = new ArrayList<>();
    List<LeaderOrderUpdate> finished = new ArrayList<>();
    for (BrokerOrder order : leader.orderBook()) {
      if (history.contains(order.orderId())) continue;
      (drawsHistory && !order.status().isOpen() ? finished : events).add(asEvent(order, now));
    }
    Comparator<LeaderOrderUpdate> happened = Comparator.comparing(LeaderOrderUpdate::updatedAt);
    events.sort(happened);
    finished.sort(happened);
    return new Catch(List.copyOf(events), List.copyOf(finished));
  }

  /**
   * A leader order as the broker reports it, as the event that described its last change: stamped with the
   * broker's own time of that change, so that it is compared with live frames on Dhan's clock, never ours
   * (a clock ahead of Dhan's would make a live cancel look older than this and drop it). Where the broker
   * gives no time, {@code at} cut to whole seconds, the precision of Dhan's stamps.
   */
  static LeaderOrderUpdate asEvent(BrokerOrder order, Instant at) {
    return new LeaderOrderUpdate(order.account(), order.orderId(), order.status(), order.side(),
        order.instrument(), order.product(), order.orderType(), order.validity(), order.quantity(),
        order.filledQuantity(), order.price(), order.triggerPrice(), order.averageTradedPrice(),
        Optional.empty(), Optional.empty(), order.correlationId(),
        order.updatedAt().orElse(at.truncatedTo(ChronoUnit.SECONDS)));
  }
}
