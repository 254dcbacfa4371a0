package io.copytrade.app;

import io.copytrade.ports.broker.AccountQueries;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.LeaderOrderUpdate;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

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
   * The book as events. On the first connection of a run only open orders are taken: orders that finished
   * before the engine started are the trader's history, not something to copy now.
   */
  List<LeaderOrderUpdate> events(boolean firstConnection) {
    return leader.orderBook().stream()
        .filter(order -> !firstConnection || order.status().isOpen())
        .map(this::event)
        .toList();
  }

  private LeaderOrderUpdate event(BrokerOrder order) {
    return new LeaderOrderUpdate(order.account(), order.orderId(), order.status(), order.side(),
        order.instrument(), order.product(), order.orderType(), order.validity(), order.quantity(),
        order.filledQuantity(), order.price(), order.triggerPrice(), order.averageTradedPrice(),
        Optional.empty(), Optional.empty(), order.correlationId(), clock.instant());
  }
}
