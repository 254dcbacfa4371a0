package io.copytrade.sqlite;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.model.Validity;
import io.copytrade.ports.store.CopyMapping;
import java.time.Instant;
import java.util.Optional;

/** Model values for store tests. Times are whole milliseconds, as the store keeps them. */
final class Fixtures {
  static final AccountId LEADER = AccountId.of("1000000001");
  static final AccountId FOLLOWER_A = AccountId.of("1000000002");
  static final AccountId FOLLOWER_B = AccountId.of("1000000003");
  static final InstrumentKey NIFTY_CE = InstrumentKey.of(ExchangeSegment.NSE_FNO, "35191");
  static final Price LIMIT = Price.ofPaise(11250); // ₹112.50
  static final Instant T0 = Instant.parse("2026-03-02T04:00:00.123Z");

  private Fixtures() {}

  static Instant at(long millisAfterT0) {
    return T0.plusMillis(millisAfterT0);
  }

  /** A LIMIT buy of 520 NIFTY calls at ₹112.50 by the leader, with {@code filled} traded so far. */
  static LeaderOrderUpdate leaderOrder(String orderId, OrderStatus status, int filled, Instant updatedAt) {
    return new LeaderOrderUpdate(LEADER, OrderId.of(orderId), status, Side.BUY, NIFTY_CE, ProductType.MARGIN,
        OrderType.LIMIT, Validity.DAY, Quantity.of(520), Quantity.of(filled), LIMIT, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), updatedAt);
  }

  /** The intent to copy {@code leaderOrderId}'s {@code step} to {@code follower}: 130 of the leader's 520. */
  static CopyMapping intent(String leaderOrderId, AccountId follower, String step, Instant at) {
    OrderId leader = OrderId.of(leaderOrderId);
    return new CopyMapping(CorrelationId.derive(leader, follower, step), leader, follower, step, NIFTY_CE,
        Side.BUY, Quantity.of(520), Quantity.of(130), "capital_proportional 250000.00/1000000.00",
        CopyState.INTENDED, Optional.empty(), Optional.empty(), at, at);
  }

  /** A follower's copy as the broker reports it, with no trigger, average price or reject reason. */
  static BrokerOrder followerOrder(String orderId, CorrelationId correlationId, OrderStatus status) {
    return followerOrder(FOLLOWER_A, orderId, correlationId, status);
  }

  static BrokerOrder followerOrder(AccountId follower, String orderId, CorrelationId correlationId,
      OrderStatus status) {
    return new BrokerOrder(follower, OrderId.of(orderId), Optional.of(correlationId), status, Side.BUY,
        NIFTY_CE, ProductType.MARGIN, OrderType.LIMIT, Validity.DAY, Quantity.of(130), Quantity.ZERO, LIMIT,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
