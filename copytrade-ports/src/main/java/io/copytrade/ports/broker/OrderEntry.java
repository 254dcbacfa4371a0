package io.copytrade.ports.broker;

import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.ModifyRequest;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderRequest;
import java.util.Optional;

/** Order writes for one broker account. Thread-safe. None of these is retried by the adapter. */
public interface OrderEntry {
  /**
   * Places an order tagged with its correlation id.
   *
   * @throws OutcomeUnknownException when the request may have reached the broker but no answer came
   */
  PlacementResult place(OrderRequest request);

  /** Changes a resting order; the request carries the order's new total quantity. */
  PlacementResult modify(ModifyRequest request);

  /** Cancels a resting order. Dhan refuses while the order is TRANSIT (DH-906). */
  PlacementResult cancel(OrderId orderId);

  /** Looks up an order by our correlation id; Dhan cannot see orders still in TRANSIT this way. */
  Optional<BrokerOrder> findByCorrelationId(CorrelationId id);
}
