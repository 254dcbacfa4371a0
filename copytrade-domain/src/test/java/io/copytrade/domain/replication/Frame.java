package io.copytrade.domain.replication;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.InstrumentType;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.model.Validity;
import java.time.Instant;
import java.util.Optional;

/**
 * A leader order frame, changed one fact at a time: a NIFTY call LIMIT at 112.50, PENDING, order "L-1".
 * Mutable, so a test moves one order through its life: {@code frame.price("113").update()}.
 */
final class Frame {
  private final Side side;
  private int quantity;
  private OrderStatus status = OrderStatus.PENDING;
  private OrderType type = OrderType.LIMIT;
  private int filled;
  private Price price = Price.ofRupees("112.50");
  private Optional<Price> average = Optional.empty();
  private OrderId id = OrderId.of("L-1");
  private InstrumentKey instrument = LeaderOrder.NIFTY_CE_KEY;
  private Instant at = Instant.parse("2026-01-05T03:45:59Z");

  private Frame(Side side, int quantity) {
    this.side = side;
    this.quantity = quantity;
  }

  static Frame buy(int quantity) {
    return new Frame(Side.BUY, quantity);
  }

  static Frame sell(int quantity) {
    return new Frame(Side.SELL, quantity);
  }

  Frame status(OrderStatus next) {
    status = next;
    return this;
  }

  Frame quantity(int next) {
    quantity = next;
    return this;
  }

  /** Cumulative filled quantity: PART_TRADED below the quantity, TRADED at it. */
  Frame filled(int next) {
    filled = next;
    status = next == quantity ? OrderStatus.TRADED : OrderStatus.PART_TRADED;
    return this;
  }

  Frame price(String rupees) {
    price = Price.ofRupees(rupees);
    return this;
  }

  Frame market() {
    type = OrderType.MARKET;
    price = Price.ZERO;
    return this;
  }

  /** The average price its fills traded at, as Dhan reports once the order has filled. */
  Frame tradedAt(String rupees) {
    average = Optional.of(Price.ofRupees(rupees));
    return this;
  }

  /** Another leader order than "L-1". */
  Frame id(String next) {
    id = OrderId.of(next);
    return this;
  }

  Frame instrument(InstrumentKey next) {
    instrument = next;
    return this;
  }

  /** Dhan stamped the change this many seconds later than the last one. */
  Frame later(long seconds) {
    at = at.plusSeconds(seconds);
    return this;
  }

  /** The order as the leader's broker shows it now. */
  BrokerOrder order() {
    LeaderOrderUpdate u = update();
    return new BrokerOrder(u.account(), u.orderId(), Optional.empty(), u.status(), u.side(), u.instrument(),
        u.product(), u.orderType(), u.validity(), u.quantity(), u.filledQuantity(), u.price(), u.triggerPrice(),
        u.averageTradedPrice(), Optional.empty(), Optional.of(u.updatedAt()));
  }

  LeaderOrderUpdate update() {
    return new LeaderOrderUpdate(AccountId.of("LEADER"), id, status, side, instrument,
        ProductType.INTRADAY, type, Validity.DAY, Quantity.of(quantity), Quantity.of(filled), price,
        Optional.empty(), average, Optional.of(InstrumentType.OPTIDX), Optional.empty(),
        Optional.empty(), at);
  }
}
