package io.copytrade.domain.risk;

import io.copytrade.domain.risk.RiskDecision.Allow;
import io.copytrade.domain.risk.RiskDecision.Reject;
import io.copytrade.ports.model.Margin;

/**
 * MARGIN_CHECK: asks the follower's broker what the copy needs as margin and skips it when the account
 * cannot cover it, with the broker's numbers. Costs one broker call per copy, so it is opt-in.
 */
public record MarginCheck() implements RiskRule {
  @Override
  public String name() {
    return "margin_check";
  }

  @Override
  public RiskDecision check(RiskCheck check) {
    Margin margin = check.margin().get();
    if (margin.isSufficient()) return new Allow();
    return new Reject("insufficient margin: required " + margin.required().rupees().toPlainString()
        + ", available " + margin.available().rupees().toPlainString() + ", shortfall "
        + margin.shortfall().rupees().toPlainString());
  }
}
