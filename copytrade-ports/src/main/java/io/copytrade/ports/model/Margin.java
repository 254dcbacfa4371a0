package io.copytrade.ports.model;

import java.util.Objects;

/** The broker's margin answer for one prospective order. */
public record Margin(Money required, Money available, Money shortfall) {
  public Margin {
    Objects.requireNonNull(required, "required");
    Objects.requireNonNull(available, "available");
    Objects.requireNonNull(shortfall, "shortfall");
  }

  public boolean isSufficient() {
    return !shortfall.isPositive() && available.compareTo(required) >= 0;
  }
}
