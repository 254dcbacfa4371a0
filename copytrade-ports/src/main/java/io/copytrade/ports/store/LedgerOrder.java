package io.copytrade.ports.store;

import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import java.util.Objects;

/** A stored leader order as the position ledger counts it: what it has filled so far of how much, on which side. */
public record LedgerOrder(OrderId orderId, Side side, Quantity quantity, Quantity filled, OrderStatus status) {
  public LedgerOrder {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(filled, "filled");
    Objects.requireNonNull(status, "status");
  }

  /** The fill, signed: positive bought, negative sold. */
  public int signedFill() {
    return side == Side.BUY ? filled.units() : -filled.units();
  }
}
