package io.copytrade.ports.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event about a leader order, from the order-update socket or from the order book during catch-up.
 * Quantities are cumulative: {@code filledQuantity} is all that traded so far, so a repeated or late event
 * carries no new information and processing it twice changes nothing.
 *
 * @param updatedAt when Dhan last changed the order (its "LastUpdatedTime", IST), for replication lag
 * @param lotSize the lot size the event states, when it states one; sizing uses the instrument master
 */
public record LeaderOrderUpdate(
    AccountId account,
    OrderId orderId,
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
    Optional<InstrumentType> instrumentType,
    Optional<LotSize> lotSize,
    Optional<CorrelationId> correlationId,
    Instant updatedAt) {

  public LeaderOrderUpdate {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(orderId, "orderId");
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
    Objects.requireNonNull(instrumentType, "instrumentType");
    Objects.requireNonNull(lotSize, "lotSize");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (filledQuantity.compareTo(quantity) > 0) {
      throw new IllegalArgumentException(
          "filled quantity " + filledQuantity + " exceeds order quantity " + quantity + " of " + orderId);
    }
  }

  /**
   * The order as the broker reports it, for a frame of an account's own socket read as a state of its order
   * (a follower's fills); the frame states no reject reason.
   */
  public BrokerOrder asBrokerOrder() {
    return new BrokerOrder(account, orderId, correlationId, status, side, instrument, product, orderType, validity,
        quantity, filledQuantity, price, triggerPrice, averageTradedPrice, Optional.empty(), Optional.of(updatedAt));
  }

  /** Dhan may report a partial fill only as filled &lt; quantity, not as PART_TRADED. */
  public boolean isPartiallyFilled() {
    return !filledQuantity.isZero() && filledQuantity.compareTo(quantity) < 0;
  }
}
