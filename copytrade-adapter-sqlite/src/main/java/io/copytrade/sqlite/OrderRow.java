package io.copytrade.sqlite;

import static io.copytrade.sqlite.Columns.millis;
import static io.copytrade.sqlite.Columns.paise;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
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
import java.time.Instant;
import java.util.Optional;

/**
 * An orders row: the latest state of one leader or follower order. Nullable: correlationId, triggerPricePaise,
 * avgPricePaise, rejectReason, and brokerUpdatedAt (known for leader orders only).
 */
record OrderRow(
    String orderId,
    String accountId,
    String role,
    String correlationId,
    String status,
    String side,
    String product,
    String orderType,
    String validity,
    String exchangeSegment,
    String securityId,
    int quantity,
    int filledQuantity,
    long pricePaise,
    Long triggerPricePaise,
    Long avgPricePaise,
    String rejectReason,
    Long brokerUpdatedAt,
    long createdAt,
    long updatedAt) {

  static OrderRow ofLeader(LeaderOrderUpdate u, Instant receivedAt) {
    return new OrderRow(
        u.orderId().value(),
        u.account().value(),
        "leader",
        u.correlationId().map(CorrelationId::value).orElse(null),
        u.status().name(),
        u.side().name(),
        u.product().name(),
        u.orderType().name(),
        u.validity().name(),
        u.instrument().segment().name(),
        u.instrument().securityId().value(),
        u.quantity().units(),
        u.filledQuantity().units(),
        u.price().paise(),
        paise(u.triggerPrice()),
        paise(u.averageTradedPrice()),
        null,
        millis(u.updatedAt()),
        millis(receivedAt),
        millis(receivedAt));
  }

  static OrderRow ofFollower(BrokerOrder o, Instant at) {
    return new OrderRow(
        o.orderId().value(),
        o.account().value(),
        "follower",
        o.correlationId().map(CorrelationId::value).orElse(null),
        o.status().name(),
        o.side().name(),
        o.product().name(),
        o.orderType().name(),
        o.validity().name(),
        o.instrument().segment().name(),
        o.instrument().securityId().value(),
        o.quantity().units(),
        o.filledQuantity().units(),
        o.price().paise(),
        paise(o.triggerPrice()),
        paise(o.averageTradedPrice()),
        o.rejectReason().orElse(null),
        null,
        millis(at),
        millis(at));
  }

  /** A follower order as recorded; its time is when it was recorded. */
  BrokerOrder toBrokerOrder() {
    return new BrokerOrder(AccountId.of(accountId), OrderId.of(orderId),
        Optional.ofNullable(correlationId).map(CorrelationId::of), OrderStatus.valueOf(status), Side.valueOf(side),
        InstrumentKey.of(ExchangeSegment.valueOf(exchangeSegment), securityId), ProductType.valueOf(product),
        OrderType.valueOf(orderType), Validity.valueOf(validity), Quantity.of(quantity), Quantity.of(filledQuantity),
        Price.ofPaise(pricePaise), Optional.ofNullable(triggerPricePaise).map(Price::ofPaise),
        Optional.ofNullable(avgPricePaise).map(Price::ofPaise), Optional.ofNullable(rejectReason),
        Optional.of(Instant.ofEpochMilli(updatedAt)));
  }
}
