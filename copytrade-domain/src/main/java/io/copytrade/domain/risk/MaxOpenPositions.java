package io.copytrade.domain.risk;

import io.copytrade.domain.risk.RiskDecision.Allow;
import io.copytrade.domain.risk.RiskDecision.Reject;
import io.copytrade.ports.model.Position;
import java.util.List;

/**
 * MAX_OPEN_POSITIONS: the follower may hold at most this many non-flat positions. Adding to a position it
 * already holds (same instrument and product) is allowed; opening one more beyond the limit is not.
 *
 * @param maxPositions at least 1
 */
public record MaxOpenPositions(int maxPositions) implements RiskRule {
  public MaxOpenPositions {
    if (maxPositions < 1) throw new IllegalArgumentException("max open positions must be >= 1: " + maxPositions);
  }

  @Override
  public String name() {
    return "max_open_positions";
  }

  @Override
  public RiskDecision check(RiskCheck check) {
    List<Position> open = check.positions().get().stream().filter(p -> !p.isFlat()).toList();
    boolean adds = open.stream().anyMatch(p -> p.instrument().equals(check.instrument().key())
        && p.product() == check.product());
    if (adds || open.size() < maxPositions) return new Allow();
    return new Reject(open.size() + " open positions already; a new position in "
        + check.instrument().tradingSymbol() + " exceeds max open positions " + maxPositions);
  }
}
