package io.copytrade.domain.replication;

import io.copytrade.ports.broker.AccountQueries;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.Position;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import java.util.List;
import java.util.Optional;

/**
 * How a leader order stands to the leader's position in its instrument and product: how much of it closes
 * that position and how much opens a new one (beyond flat, on the other side).
 *
 * @param positionBefore the leader's signed net quantity before this order: positive long, negative short
 */
record LeaderShape(Quantity closes, Quantity opens, int positionBefore) {

  /** How many times the leader's positions are read again when its order filled while they were read. */
  static final int SNAPSHOT_ATTEMPTS = 3;

  /**
   * The shape of {@code order} against the leader's positions as they are now. Positions are read after the
   * event, so they may include fills the event does not report yet (a market order fills in milliseconds):
   * the leader's order is read before and after the positions, and when its filled quantity did not move
   * between the two, the positions include exactly that fill. This assumes positions update with fills: a
   * fill shows in the positions no later than in the order. A broker that does not know the order leaves
   * the event's own filled quantity as the only measure.
   *
   * @throws IllegalStateException when the order kept filling through every attempt: no exit is sized from
   *     a position that cannot be told apart from the order's own fills, and the next event tries again
   */
  static LeaderShape read(AccountQueries leader, LeaderOrderUpdate order) {
    for (int attempt = 0; attempt < SNAPSHOT_ATTEMPTS; attempt++) {
      Optional<Quantity> before = leader.order(order.orderId()).map(BrokerOrder::filledQuantity);
      List<Position> positions = leader.positions();
      Optional<Quantity> after = leader.order(order.orderId()).map(BrokerOrder::filledQuantity);
      if (before.isEmpty() && after.isEmpty()) return of(order, order.filledQuantity(), positions);
      if (before.equals(after)) return of(order, after.get(), positions);
    }
    throw new IllegalStateException("leader order " + order.orderId() + " kept filling while the leader's "
        + "positions were read " + SNAPSHOT_ATTEMPTS + " times; its position before it is not known");
  }

  /** {@code leaderPositions} already include {@code filled} of this order: taken back out, the position it met. */
  static LeaderShape of(LeaderOrderUpdate order, Quantity filled, List<Position> leaderPositions) {
    int units = filled.units();
    int before = netOf(leaderPositions, order.instrument(), order.product())
        - (order.side() == Side.BUY ? units : -units);
    boolean reduces = order.side() == Side.BUY ? before < 0 : before > 0;
    if (!reduces) return new LeaderShape(Quantity.ZERO, order.quantity(), before);
    Quantity closes = order.quantity().min(Quantity.of(Math.abs(before)));
    return new LeaderShape(closes, order.quantity().minus(closes), before);
  }

  /** The signed net quantity held in this instrument and product; zero when there is no position. */
  static int netOf(List<Position> positions, InstrumentKey instrument, ProductType product) {
    return positions.stream().filter(p -> p.instrument().equals(instrument) && p.product() == product)
        .mapToInt(Position::netQuantity).sum();
  }

  /** The order closes all the leader held. */
  boolean goesFlat() {
    return closes.units() == Math.abs(positionBefore);
  }
}
