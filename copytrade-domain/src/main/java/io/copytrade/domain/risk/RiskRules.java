package io.copytrade.domain.risk;

import io.copytrade.domain.risk.RiskDecision.Allow;
import java.util.List;

/** Applies rules in order. */
public final class RiskRules {
  private RiskRules() {}

  /** The first rule's refusal, or {@link Allow} when every rule allows (or there are none). */
  public static RiskDecision firstRejection(List<RiskRule> rules, RiskCheck check) {
    for (RiskRule rule : rules) {
      RiskDecision decision = rule.check(check);
      if (!(decision instanceof Allow)) return decision;
    }
    return new Allow();
  }
}
