package io.copytrade.domain.sizing;

import io.copytrade.domain.sizing.SizingDecision.Place;
import io.copytrade.domain.sizing.SizingDecision.Skip;
import io.copytrade.domain.sizing.SizingStrategy.CapitalProportional;
import io.copytrade.domain.sizing.SizingStrategy.FixedRatio;
import io.copytrade.domain.sizing.SizingStrategy.RiskBased;
import io.copytrade.ports.model.LotSize;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.Quantity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Sizes a follower's copy. Each strategy states its target as an exact fraction of contracts; the one
 * rounding that changes the result is the floor to whole lots, so nothing is ever rounded up.
 */
public final class Sizer {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal MAX_CONTRACTS = BigDecimal.valueOf(Integer.MAX_VALUE);
  /** Shown ratios keep six significant digits; the arithmetic itself uses the exact fraction. */
  private static final MathContext SHOWN_RATIO = new MathContext(6, RoundingMode.DOWN);

  private Sizer() {}

  public static SizingDecision size(SizingStrategy strategy, SizingInput in) {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(in, "in");
    if (!in.leaderCapital().isPositive()) {
      return new Skip("leader capital " + rupees(in.leaderCapital()) + " is not positive");
    }
    if (!in.followerCapital().isPositive()) {
      return new Skip("follower capital " + rupees(in.followerCapital()) + " is not positive");
    }
    if (strategy instanceof CapitalProportional) return capitalProportional(in);
    if (strategy instanceof FixedRatio fixed) return fixedRatio(fixed.ratio(), in);
    return riskBased(((RiskBased) strategy).maxPositionPct(), in);
  }

  private static SizingDecision capitalProportional(SizingInput in) {
    BigDecimal follower = in.followerCapital().rupees();
    BigDecimal leader = in.leaderCapital().rupees();
    BigDecimal leaderQty = BigDecimal.valueOf(in.leaderQuantity().units());
    String working = follower.toPlainString() + "/" + leader.toPlainString() + " = "
        + plain(follower.divide(leader, SHOWN_RATIO)) + " x " + leaderQty;
    return floorToLots(new Fraction(leaderQty.multiply(follower), leader), working, in.lotSize());
  }

  private static SizingDecision fixedRatio(BigDecimal ratio, SizingInput in) {
    BigDecimal leaderQty = BigDecimal.valueOf(in.leaderQuantity().units());
    String working = plain(ratio) + " x " + leaderQty;
    return floorToLots(new Fraction(leaderQty.multiply(ratio), BigDecimal.ONE), working, in.lotSize());
  }

  private static SizingDecision riskBased(BigDecimal pct, SizingInput in) {
    BigDecimal capital = in.followerCapital().rupees();
    BigDecimal budget = capital.multiply(pct);
    String working = plain(pct) + "% of " + capital.toPlainString() + " = "
        + budget.divide(HUNDRED, 2, RoundingMode.DOWN).toPlainString();
    if (in.premium().isZero()) {
      return new Skip(working + " at premium 0.00: no price to size by");
    }
    BigDecimal premium = in.premium().rupees();
    return floorToLots(new Fraction(budget, HUNDRED.multiply(premium)),
        working + " / premium " + premium.toPlainString(), in.lotSize());
  }

  private static SizingDecision floorToLots(Fraction contracts, String working, LotSize lotSize) {
    BigDecimal lotUnits = BigDecimal.valueOf(lotSize.units());
    BigDecimal lots = contracts.numerator().divide(contracts.denominator().multiply(lotUnits), 0,
        RoundingMode.FLOOR);
    String shown = working + " = "
        + contracts.numerator().divide(contracts.denominator(), 2, RoundingMode.DOWN).toPlainString();
    if (lots.signum() == 0) {
      return new Skip(shown + " contracts is under one lot of " + lotSize.units());
    }
    String result = shown + " -> " + lots.toPlainString() + " lots of " + lotSize.units();
    BigDecimal quantity = lots.multiply(lotUnits);
    if (quantity.compareTo(MAX_CONTRACTS) > 0) {
      return new Skip(result + " = " + quantity.toPlainString() + " contracts exceeds the largest order, "
          + Integer.MAX_VALUE);
    }
    return new Place(Quantity.of(quantity.intValueExact()), result);
  }

  private static String rupees(Money money) {
    return money.rupees().toPlainString();
  }

  private static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  /** An exact number of contracts, numerator / denominator, with denominator > 0. */
  private record Fraction(BigDecimal numerator, BigDecimal denominator) {}
}
