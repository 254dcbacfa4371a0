package io.copytrade.domain.replication;

import io.copytrade.ports.broker.PlacementResult;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.ModifyRequest;
import io.copytrade.ports.model.OrderRequest;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.model.Validity;
import io.copytrade.ports.store.CopyMapping;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Everything a follower order takes from the leader's order except its quantity. */
record OrderTerms(Side side, InstrumentKey instrument, ProductType product, OrderType type, Validity validity,
    Price price, Optional<Price> trigger) {

  /** The leader's own terms: a resting copy mirrors its type, prices and validity. */
  static OrderTerms mirror(LeaderOrderUpdate leader) {
    return new OrderTerms(leader.side(), leader.instrument(), leader.product(), leader.orderType(),
        leader.validity(), leader.price(), leader.triggerPrice());
  }

  /**
   * The terms of a first copy of the leader's order: its own while any of it may still rest. Once it has
   * traded in full nothing of it rests to mirror, and a copy at its limit could wait for a price the market
   * has left (the copy is late: seen first after a reconnect, or sent again after a lost answer), so the copy
   * goes at market.
   */
  static OrderTerms copying(LeaderOrderUpdate leader) {
    return leader.status() == OrderStatus.TRADED ? market(leader) : mirror(leader);
  }

  /**
   * A DAY market order: what has filled for the leader is copied at once rather than left to rest at a
   * price the market may already have left.
   */
  static OrderTerms market(LeaderOrderUpdate leader) {
    return mirror(leader).atMarket();
  }

  /**
   * A copy's own side and instrument with the leader order's terms as the broker shows them now; at market
   * once that order has traded in full, for the reason {@link #copying} gives.
   */
  static OrderTerms following(CopyMapping copy, BrokerOrder leader) {
    OrderTerms terms = new OrderTerms(copy.side(), copy.instrument(), leader.product(), leader.orderType(),
        leader.validity(), leader.price(), leader.triggerPrice());
    return leader.status() == OrderStatus.TRADED ? terms.atMarket() : terms;
  }

  /** The terms an order at the broker was given. */
  static OrderTerms of(BrokerOrder order) {
    return new OrderTerms(order.side(), order.instrument(), order.product(), order.orderType(), order.validity(),
        order.price(), order.triggerPrice());
  }

  /**
   * These terms with the limit and trigger prices on the instrument's tick (from the instrument master),
   * never worse for the follower than the leader's: a buy rounds down, a sell up.
   */
  OrderTerms onTick(Price tick) {
    UnaryOperator<Price> round = side == Side.BUY ? p -> p.roundedDownTo(tick) : p -> p.roundedUpTo(tick);
    return new OrderTerms(side, instrument, product, type, validity, round.apply(price), trigger.map(round));
  }

  /** These terms as a DAY market order (see {@link #market}). */
  OrderTerms atMarket() {
    return new OrderTerms(side, instrument, product, OrderType.MARKET, Validity.DAY, Price.ZERO, Optional.empty());
  }

  OrderRequest request(AccountId account, CorrelationId id, Quantity quantity) {
    return new OrderRequest(account, id, side, instrument, product, type, validity, quantity, price, trigger);
  }

  /** Changes a resting order to these type and prices and this total quantity; its validity is kept. */
  ModifyRequest modify(BrokerOrder order, Quantity total) {
    return new ModifyRequest(order.account(), order.orderId(), type, order.validity(), total, price, trigger);
  }

  /** The order the broker took for {@code copy} on these terms, as it stands before it reports any change. */
  BrokerOrder order(CopyMapping copy, PlacementResult.Accepted accepted) {
    return new BrokerOrder(copy.follower(), accepted.orderId(), Optional.of(copy.correlationId()),
        accepted.status(), side, instrument, product, type, validity, copy.followerQuantity(), Quantity.ZERO, price,
        trigger, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The resting order as {@link #modify} leaves it: these type and prices, {@code total} contracts. */
  BrokerOrder modified(BrokerOrder order, Quantity total) {
    return new BrokerOrder(order.account(), order.orderId(), order.correlationId(), order.status(), order.side(),
        order.instrument(), order.product(), type, order.validity(), total, order.filledQuantity(), price, trigger,
        order.averageTradedPrice(), order.rejectReason(), order.updatedAt());
  }

  /** The resting order already has these type and prices. */
  boolean pricedAs(BrokerOrder order) {
    return order.orderType() == type && order.price().equals(price) && order.triggerPrice().equals(trigger);
  }
}
