package io.copytrade.domain.sizing;

import io.copytrade.ports.model.LotSize;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.Quantity;
import java.util.Objects;

/**
 * What sizing one copy needs.
 *
 * @param lotSize the instrument's lot size from the instrument master, never from the event
 * @param premium the price per contract the order is expected to trade at; only risk-based sizing uses it
 */
public record SizingInput(
    Quantity leaderQuantity, LotSize lotSize, Money leaderCapital, Money followerCapital, Price premium) {
  public SizingInput {
    Objects.requireNonNull(leaderQuantity, "leaderQuantity");
    Objects.requireNonNull(lotSize, "lotSize");
    Objects.requireNonNull(leaderCapital, "leaderCapital");
    Objects.requireNonNull(followerCapital, "followerCapital");
    Objects.requireNonNull(premium, "premium");
  }
}
