package io.copytrade.ports.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A new order for one account. {@code price} is {@link Price#ZERO} for MARKET and STOP_LOSS_MARKET orders;
 * {@code triggerPrice} is present exactly for the stop-loss types.
 */
public record OrderRequest(
    AccountId account,
    CorrelationId correlationId,
    Side side,
    InstrumentKey instrument,
    ProductType product,
    OrderType orderType,
    Validity validity,
    Quantity quantity,
    Price price,
    Optional<Price> triggerPrice) {

  public OrderRequest {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(orderType, "orderType");
    Objects.requireNonNull(validity, "validity");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(triggerPrice, "triggerPrice");
    if (quantity.isZero()) throw new IllegalArgumentException("order quantity must be > 0");
    boolean stop = orderType == OrderType.STOP_LOSS || orderType == OrderType.STOP_LOSS_MARKET;
    if (stop != triggerPrice.isPresent()) {
      throw new IllegalArgumentException("triggerPrice must be present exactly for stop-loss orders, not "
          + orderType);
    }
  }
}
