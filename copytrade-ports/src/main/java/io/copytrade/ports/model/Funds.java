package io.copytrade.ports.model;

import java.util.Objects;

/**
 * An account's fund limits. {@code startOfDayLimit} is stable through the day, so it sizes copies;
 * {@code available} moves as positions open.
 */
public record Funds(AccountId account, Money available, Money startOfDayLimit, Money utilized) {
  public Funds {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(available, "available");
    Objects.requireNonNull(startOfDayLimit, "startOfDayLimit");
    Objects.requireNonNull(utilized, "utilized");
  }
}
