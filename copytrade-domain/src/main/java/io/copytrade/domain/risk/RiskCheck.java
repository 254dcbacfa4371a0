package io.copytrade.domain.risk;

import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.Quantity;
import java.util.Objects;

/**
 * A sized copy, as risk rules see it.
 *
 * @param premium the expected price per contract; zero when not yet known (a market order in TRANSIT)
 */
public record RiskCheck(Quantity quantity, Price premium, Money followerCapital, Instrument instrument) {
  public RiskCheck {
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(premium, "premium");
    Objects.requireNonNull(followerCapital, "followerCapital");
    Objects.requireNonNull(instrument, "instrument");
  }
}
