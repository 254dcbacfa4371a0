package io.copytrade.domain.risk;

import io.copytrade.domain.risk.RiskDecision.Allow;
import io.copytrade.domain.risk.RiskDecision.Reject;
import java.util.List;

/** Applies rules in order. */
public final class RiskRules {
  private RiskRules() {}

  /** The first rule's rejection, or {@link Allow} when every rule allows (or there are none). */
  public static RiskDecision firstRejection(List<RiskRule> rules, RiskCheck check) {
    for (RiskRule rule : rules) {
      if (rule.check(check) instanceof Reject reject) return reject;
    }
    return new Allow();
  }
}
