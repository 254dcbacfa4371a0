package io.copytrade.domain.risk;

import io.copytrade.domain.risk.RiskDecision.Allow;
import io.copytrade.domain.risk.RiskDecision.Reject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * MAX_POSITION_SIZE_PCT: an order's value (quantity x premium) may be at most this percentage of the
 * follower's capital. An order whose premium is not known yet is rejected: a limit that cannot be checked
 * must not pass.
 *
 * @param percent 10 means 10 %; in (0, 100]
 */
public record MaxPositionSizePct(BigDecimal percent) implements RiskRule {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public MaxPositionSizePct {
    Objects.requireNonNull(percent, "percent");
    if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
      throw new IllegalArgumentException("max position size % must be in (0, 100]: " + percent);
    }
  }

  @Override
  public String name() {
    return "max_position_size_pct";
  }

  @Override
  public RiskDecision check(RiskCheck check) {
    BigDecimal capital = check.followerCapital().rupees();
    // Compared exactly as value x 100 <= capital x percent; the limit is only rounded for the message.
    String limit = "limit " + capital.multiply(percent).divide(HUNDRED, 2, RoundingMode.DOWN).toPlainString()
        + " (" + percent.stripTrailingZeros().toPlainString() + "% of capital " + capital.toPlainString() + ")";
    if (check.premium().isZero()) {
      return new Reject("premium of " + check.quantity() + " contracts unknown: order value cannot be "
          + "checked against " + limit);
    }
    BigDecimal value = check.premium().rupees().multiply(BigDecimal.valueOf(check.quantity().units()));
    if (value.multiply(HUNDRED).compareTo(capital.multiply(percent)) > 0) {
      return new Reject("order value " + value.toPlainString() + " (" + check.quantity() + " x "
          + check.premium().rupees().toPlainString() + ") exceeds " + limit);
    }
    return new Allow();
  }
}
