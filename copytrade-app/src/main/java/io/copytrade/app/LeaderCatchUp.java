package io.copytrade.app;

import io.copytrade.ports.broker.AccountQueries;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.LeaderOrderUpdate;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
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
   * The book as events; with {@code openOrdersOnly} (a first start of the day) finished orders are left out:
   * they are the trader's history from before the engine ran, not something to copy now.
   */
  List<LeaderOrderUpdate> events(boolean openOrdersOnly) {
    return leader.orderBook().stream()
        .filter(order -> !openOrdersOnly || order.status().isOpen())
        .map(order -> asEvent(order, clock.instant()))
        .toList();
  }

  /**
   * A leader order as the broker reports it, as the event that would have described it at {@code at}. The
   * time is cut to whole seconds, the precision of Dhan's own event times: a live frame from the same
   * second must not look older than this reconstruction, or it would be dropped as stale.
   */
  static LeaderOrderUpdate asEvent(BrokerOrder order, Instant at) {
    return new LeaderOrderUpdate(order.account(), order.orderId(), order.status(), order.side(),
        order.instrument(), order.product(), order.orderType(), order.validity(), order.quantity(),
        order.filledQuantity(), order.price(), order.triggerPrice(), order.averageTradedPrice(),
        Optional.empty(), Optional.empty(), order.correlationId(), at.truncatedTo(ChronoUnit.SECONDS));
  }
}
