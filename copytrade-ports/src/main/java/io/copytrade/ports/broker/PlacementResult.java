package io.copytrade.ports.broker;

import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import java.util.Objects;

/** The broker's answer to an order write (place, modify, cancel). */
public sealed interface PlacementResult {
  /** Dhan accepted the request; the order normally starts in TRANSIT. */
  record Accepted(OrderId orderId, OrderStatus status) implements PlacementResult {
    public Accepted {
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(status, "status");
    }
  }

  /** Dhan refused the request and said why (its DH code and message). Nothing was placed. */
  record Rejected(String code, String reason) implements PlacementResult {
    public Rejected {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Dhan refused to change or cancel an order that is still in TRANSIT (DH-906 "Order is in Transit state").
   * Nothing changed; the same request may be sent again once the order is PENDING.
   */
  record InTransit(String code, String reason) implements PlacementResult {
    public InTransit {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
