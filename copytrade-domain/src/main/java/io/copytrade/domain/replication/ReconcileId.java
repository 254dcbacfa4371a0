package io.copytrade.domain.replication;

import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.ProductType;
import java.util.Arrays;
import java.util.Optional;

/**
 * The id that stands for the leader order of a reconciliation's orders: "reconcile:run:segment:security:product".
 * It names the position, so the ledger can tell which one such an order moved.
 */
final class ReconcileId {
  private static final String PREFIX = "reconcile:";

  private ReconcileId() {}

  static OrderId of(String run, InstrumentKey instrument, ProductType product) {
    return OrderId.of(PREFIX + run + ":" + instrument.segment() + ":" + instrument.securityId() + ":" + product);
  }

  /** The product a reconciliation id names; empty for any other id. */
  static Optional<ProductType> product(OrderId id) {
    String value = id.value();
    if (!value.startsWith(PREFIX)) return Optional.empty();
    String last = value.substring(value.lastIndexOf(':') + 1);
    return Arrays.stream(ProductType.values()).filter(p -> p.name().equals(last)).findFirst();
  }
}
