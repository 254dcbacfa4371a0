package io.copytrade.domain.risk;

import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.Margin;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.Position;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A sized copy, as risk rules see it. The follower's positions and the broker's margin answer are asked
 * for only by the rules that need them, so a follower without those rules costs no extra broker call.
 *
 * @param premium the expected price per contract; zero when not yet known (a market order in TRANSIT)
 * @param positions the follower's positions (all instruments), read from its broker when first asked
 * @param margin the broker's margin answer for exactly this order, asked when first needed
 */
public record RiskCheck(Quantity quantity, Price premium, Money followerCapital, Instrument instrument,
    ProductType product, Supplier<List<Position>> positions, Supplier<Margin> margin) {
  public RiskCheck {
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(premium, "premium");
    Objects.requireNonNull(followerCapital, "followerCapital");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(positions, "positions");
    Objects.requireNonNull(margin, "margin");
  }
}
