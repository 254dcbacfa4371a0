package io.copytrade.domain.risk;

import io.copytrade.domain.risk.RiskDecision.Allow;
import io.copytrade.domain.risk.RiskDecision.Reject;

/**
 * MAX_LOTS_PER_ORDER: a copy may be at most this many lots of its instrument (the whole copy, before it is
 * sliced under the freeze quantity).
 *
 * @param maxLots at least 1
 */
public record MaxLotsPerOrder(int maxLots) implements RiskRule {
  public MaxLotsPerOrder {
    if (maxLots < 1) throw new IllegalArgumentException("max lots per order must be >= 1: " + maxLots);
  }

  @Override
  public String name() {
    return "max_lots_per_order";
  }

  @Override
  public RiskDecision check(RiskCheck check) {
    int lots = check.quantity().wholeLots(check.instrument().lotSize()).count();
    return lots <= maxLots ? new Allow()
        : new Reject(lots + " lots (" + check.quantity() + " contracts) exceeds max lots per order " + maxLots);
  }
}
