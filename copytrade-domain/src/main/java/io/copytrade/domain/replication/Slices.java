package io.copytrade.domain.replication;

import io.copytrade.ports.model.LotSize;
import io.copytrade.ports.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits an order above the exchange's freeze quantity into slices, each at most the freeze quantity and a
 * whole number of lots: full slices first, the rest last. The freeze quantity is data from the instrument
 * master; without one the order is not split.
 */
final class Slices {
  private Slices() {}

  /** The slices of {@code total}; empty for zero. */
  static List<Quantity> of(Quantity total, LotSize lot, Optional<Quantity> freeze) {
    // A freeze under one lot would forbid every order; one lot per slice is the least the exchange takes.
    int largest = freeze.map(f -> Math.max(1, f.units() / lot.units()) * lot.units()).orElse(total.units());
    List<Quantity> slices = new ArrayList<>();
    for (int left = total.units(); left > 0; left -= largest) {
      slices.add(Quantity.of(Math.min(left, largest)));
    }
    return List.copyOf(slices);
  }
}
