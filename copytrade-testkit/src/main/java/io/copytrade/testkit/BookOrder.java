package io.copytrade.testkit;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.Optional;

/** An order's live state in the {@link Book}. Mutable; read and written only under the book's lock. */
final class BookOrder {
  final OrderId id;
  final AccountId account;
  /** What the client sent, "" if nothing. */
  final String sentCorrelationId;
  /** What Dhan reports: the sent id, or {@code <clientId>-<epochMillis>} when none was sent. */
  final String correlationId;
  final String side;
  final InstrumentRow instrument;
  final String productType;
  final boolean afterMarketOrder;
  final LocalDateTime created;

  OrderStatus status = OrderStatus.TRANSIT;
  String orderType;
  String validity;
  int quantity;
  int disclosedQuantity;
  Price price;
  Price triggerPrice;
  int filled;
  long filledValuePaise;
  Price lastFillPrice = Price.ZERO;
  String exchangeOrderId = "";
  String rejectReason = "";
  LocalDateTime updated;
  Optional<LocalDateTime> exchangeTime = Optional.empty();
  int modifications;
  boolean triggered;

  BookOrder(OrderId id, AccountId account, OrderInput input, LocalDateTime now, long epochMillis) {
    this.id = id;
    this.account = account;
    this.sentCorrelationId = input.correlationId().orElse("");
    this.correlationId = input.correlationId().orElse(account.value() + "-" + epochMillis);
    this.side = input.side();
    this.instrument = input.instrument();
    this.productType = input.productType();
    this.afterMarketOrder = input.afterMarketOrder();
    this.created = now;
    this.updated = now;
    this.orderType = input.orderType();
    this.validity = input.validity();
    this.quantity = input.quantity();
    this.disclosedQuantity = input.disclosedQuantity();
    this.price = input.price();
    this.triggerPrice = input.triggerPrice();
  }

  boolean isOpen() {
    return status.isOpen();
  }

  boolean isBuy() {
    return side.equals("BUY");
  }

  int remaining() {
    return quantity - filled;
  }

  /** Average fill price rounded half-up to the paisa; zero before any fill. */
  Price averagePrice() {
    if (filled == 0) return Price.ZERO;
    return Price.ofPaise(BigDecimal.valueOf(filledValuePaise)
        .divide(BigDecimal.valueOf(filled), 0, RoundingMode.HALF_UP).longValueExact());
  }

  FakeOrder view() {
    return new FakeOrder(id, account, sentCorrelationId, status.name(), side, instrument.key(), productType,
        orderType, validity, quantity, filled, price, triggerPrice, averagePrice());
  }
}
