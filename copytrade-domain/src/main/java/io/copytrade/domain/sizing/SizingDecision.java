package io.copytrade.domain.sizing;

import io.copytrade.ports.model.Quantity;
import java.util.Objects;

/** The outcome of sizing one copy: a whole-lot quantity to place, or why nothing is placed. */
public sealed interface SizingDecision {
  /**
   * Place this many contracts (at least one lot).
   *
   * @param basis the working, e.g. "250000.00/1000000.00 = 0.25 x 520 = 130.00 -> 2 lots of 65"
   */
  record Place(Quantity quantity, String basis) implements SizingDecision {
    public Place {
      Objects.requireNonNull(quantity, "quantity");
      Objects.requireNonNull(basis, "basis");
      if (quantity.isZero()) throw new IllegalArgumentException("a placement needs quantity > 0");
    }
  }

  /** Place nothing; {@code reason} names the numbers that led here. */
  record Skip(String reason) implements SizingDecision {
    public Skip {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
