package io.copytrade.domain.replication;

import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.LotSize;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.ports.store.CopyStore;
import java.util.List;
import java.util.function.Predicate;

/**
 * Sizes a follower's exit from its own position, never from the entry ratio: entries were floored to lots,
 * so the ratio no longer holds. An exit takes the same fraction of the follower's position as the leader's
 * order takes of the leader's, floored to lots; when the leader goes flat the follower closes all it holds.
 * Both positions are the ledger's at the leader event ({@link PositionLedger}): the follower's is what the
 * engine opened for it, counting its copies on their way, so an exit never closes the follower's own trades,
 * never more than the engine's copies hold, and never flips it.
 */
final class ExitPlanner {
  private ExitPlanner() {}

  /** How much the follower closes; a zero quantity carries the reason in its sizing text. */
  record Exit(Quantity quantity, String sizing) {}

  /** @param held the follower's signed position of the engine's making before the leader's order */
  static Exit plan(LeaderShape leader, Side side, InstrumentKey instrument, ProductType product, int held,
      LotSize lot) {
    boolean holdsOtherSide = side == Side.SELL ? held > 0 : held < 0;
    if (!holdsOtherSide) {
      return new Exit(Quantity.ZERO, "exit: follower holds no " + (side == Side.SELL ? "long" : "short")
          + " position copied in " + instrument + " " + product + " to close (net " + held + ")");
    }
    Quantity holds = Quantity.of(Math.abs(held));
    int leaderHeld = Math.abs(leader.positionBefore());
    if (leader.goesFlat()) {
      return new Exit(holds, "exit: leader closes all its " + leaderHeld + ", follower closes all its " + holds);
    }
    Quantity share = scaled(holds, leader.closes(), Quantity.of(leaderHeld), lot);
    String working = "exit: " + holds + " held x " + leader.closes() + "/" + leaderHeld + " -> " + share;
    return new Exit(share, share.isZero() ? working + ": under one lot of " + lot.units() : working);
  }

  /**
   * What the account's open orders on {@code side} in this instrument and product that {@code counted}
   * accepts would still trade: each one's quantity less what it has filled, which its position already shows.
   * {@code counted} is asked last, of those orders only.
   */
  static int resting(List<BrokerOrder> orders, Side side, InstrumentKey instrument, ProductType product,
      Predicate<BrokerOrder> counted) {
    return orders.stream()
        .filter(order -> order.status().isOpen() && order.side() == side
            && order.instrument().equals(instrument) && order.product() == product)
        .filter(counted)
        .mapToInt(order -> order.quantity().units() - order.filledQuantity().units()).sum();
  }

  /**
   * A follower order that no leader order still resting mirrors: a copy whose leader order has traded (or
   * ended) as far as the engine has handled it, or an order the engine did not place. Asked of the store: no
   * broker call on the way to an exit.
   */
  static Predicate<BrokerOrder> lagging(CopyStore store) {
    return order -> order.correlationId().flatMap(store::find).map(CopyMapping::leaderOrderId)
        .flatMap(store::leaderStatus).map(status -> !status.isOpen()).orElse(true);
  }

  /**
   * {@code whole} x {@code part}/{@code of}, floored to lots; {@code whole} itself when the part is all of
   * it, so a position that is not whole lots still closes completely.
   */
  static Quantity scaled(Quantity whole, Quantity part, Quantity of, LotSize lot) {
    if (part.compareTo(of) >= 0) return whole;
    long units = (long) whole.units() * part.units() / of.units();
    return Quantity.of((int) (units - units % lot.units()));
  }
}
