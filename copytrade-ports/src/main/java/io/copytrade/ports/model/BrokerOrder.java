package io.copytrade.ports.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An order as the broker reports it (order book, by id, by correlation id).
 *
 * @param updatedAt when the broker last changed it, by the broker's clock; empty where it says none
 */
public record BrokerOrder(
    AccountId account,
    OrderId orderId,
    Optional<CorrelationId> correlationId,
    OrderStatus status,
    Side side,
    InstrumentKey instrument,
    ProductType product,
    OrderType orderType,
    Validity validity,
    Quantity quantity,
    Quantity filledQuantity,
    Price price,
    Optional<Price> triggerPrice,
    Optional<Price> averageTradedPrice,
    Optional<String> rejectReason,
    Optional<Instant> updatedAt) {

  public BrokerOrder {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(orderType, "orderType");
    Objects.requireNonNull(validity, "validity");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(filledQuantity, "filledQuantity");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(triggerPrice, "triggerPrice");
    Objects.requireNonNull(averageTradedPrice, "averageTradedPrice");
    Objects.requireNonNull(rejectReason, "rejectReason");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** This order in another status, everything else kept. */
  public BrokerOrder withStatus(OrderStatus next) {
    return new BrokerOrder(account, orderId, correlationId, next, side, instrument, product, orderType, validity,
        quantity, filledQuantity, price, triggerPrice, averageTradedPrice, rejectReason, updatedAt);
  }
}
