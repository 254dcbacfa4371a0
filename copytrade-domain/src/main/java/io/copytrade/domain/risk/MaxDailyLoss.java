package io.copytrade.domain.risk;

import io.copytrade.domain.risk.RiskDecision.Allow;
import io.copytrade.domain.risk.RiskDecision.RejectAndPause;
import io.copytrade.ports.model.Money;
import java.util.Objects;

/**
 * MAX_DAILY_LOSS: once the follower's day loss (realised plus unrealised, over all its positions) reaches
 * this amount, no new entry is copied and the follower should be paused.
 *
 * @param maxLoss a positive amount: 5000 rupees means stop at a loss of 5000 or more
 */
public record MaxDailyLoss(Money maxLoss) implements RiskRule {
  public MaxDailyLoss {
    Objects.requireNonNull(maxLoss, "maxLoss");
    if (!maxLoss.isPositive()) throw new IllegalArgumentException("max daily loss must be > 0: " + maxLoss);
  }

  @Override
  public String name() {
    return "max_daily_loss";
  }

  @Override
  public RiskDecision check(RiskCheck check) {
    Money pnl = check.positions().get().stream()
        .map(p -> p.realizedProfit().plus(p.unrealizedProfit()))
        .reduce(Money.ZERO, Money::plus);
    if (pnl.plus(maxLoss).isPositive()) return new Allow();
    return new RejectAndPause("day profit and loss " + pnl.rupees().toPlainString()
        + " has reached max daily loss " + maxLoss.rupees().toPlainString());
  }
}
