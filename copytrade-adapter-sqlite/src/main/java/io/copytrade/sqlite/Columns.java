package io.copytrade.sqlite;

import io.copytrade.ports.model.Price;
import java.time.Instant;
import java.util.Optional;

/** Column encodings shared by the row records: epoch milliseconds, and NULL for an absent price. */
final class Columns {
  private Columns() {}

  static long millis(Instant at) {
    return at.toEpochMilli();
  }

  static Instant instant(long millis) {
    return Instant.ofEpochMilli(millis);
  }

  static Long paise(Optional<Price> price) {
    return price.map(Price::paise).orElse(null);
  }

  static Optional<Price> price(Long paise) {
    return Optional.ofNullable(paise).map(Price::ofPaise);
  }
}
