package io.copytrade.domain.replication;

import io.copytrade.ports.model.Money;
import java.util.Objects;

/**
 * The capital that sizes an account's copies, and which figure it came from.
 *
 * @param source "sodLimit" (start-of-day limit) or "availabelBalance" (Dhan's spelling)
 */
public record Capital(Money amount, String source) {
  public Capital {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(source, "source");
  }
}
