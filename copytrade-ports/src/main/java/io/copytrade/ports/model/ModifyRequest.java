package io.copytrade.ports.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A change to a resting order. {@code totalQuantity} is the order's new total quantity (Dhan's modify takes
 * the originally placed total, not what remains).
 */
public record ModifyRequest(
    AccountId account,
    OrderId orderId,
    OrderType orderType,
    Validity validity,
    Quantity totalQuantity,
    Price price,
    Optional<Price> triggerPrice) {

  public ModifyRequest {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(orderType, "orderType");
    Objects.requireNonNull(validity, "validity");
    Objects.requireNonNull(totalQuantity, "totalQuantity");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(triggerPrice, "triggerPrice");
  }
}
