package io.copytrade.domain.replication;

import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.Position;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import java.util.List;

/**
 * How a leader order stands to the leader's position in its instrument and product: how much of it closes
 * that position and how much opens a new one (beyond flat, on the other side).
 *
 * @param positionBefore the leader's signed net quantity before this order: positive long, negative short
 */
record LeaderShape(Quantity closes, Quantity opens, int positionBefore) {

  /** The shape of {@code order} against the leader's position just before it, as the ledger has it. */
  static LeaderShape of(LeaderOrderUpdate order, int before) {
    return of(order.side(), order.quantity(), before);
  }

  /** The shape of {@code quantity} traded on {@code side} against a signed position {@code before}. */
  static LeaderShape of(Side side, Quantity quantity, int before) {
    boolean reduces = side == Side.BUY ? before < 0 : before > 0;
    if (!reduces) return new LeaderShape(Quantity.ZERO, quantity, before);
    Quantity closes = quantity.min(Quantity.of(Math.abs(before)));
    return new LeaderShape(closes, quantity.minus(closes), before);
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
